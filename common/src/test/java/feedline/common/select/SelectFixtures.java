package feedline.common.select;

import java.util.ArrayList;
import java.util.List;

/** A small labeled set (complaints and praise, English and Chinese) made for the selection tests. */
public final class SelectFixtures {
  private SelectFixtures() {}

  public static final List<String> COMPLAINTS = List.of(
      "the parcel arrived late and broken", "refund still not paid after two weeks", "terrible support, nobody answers",
      "late delivery again, very slow", "broken item and no refund", "the app crashes and support is useless",
      "快递太慢了，包裹还坏了", "退款一直没到账", "客服不回复，太差了", "slow shipping and a damaged box",
      "worst order ever, late and broken", "still waiting for my refund, awful");
  public static final List<String> PRAISE = List.of(
      "great service, thank you so much", "fast delivery and lovely packaging", "excellent quality, very happy",
      "thanks, the support team was wonderful", "love it, arrived early", "perfect product, great price",
      "非常满意，谢谢客服", "物流很快，质量很好", "太棒了，下次还买", "wonderful experience, thank you",
      "happy with the quality and the fast shipping", "great app, works perfectly");

  public static List<String> texts() {
    List<String> t = new ArrayList<>(COMPLAINTS);
    t.addAll(PRAISE);
    return t;
  }

  public static List<String> labels() {
    List<String> l = new ArrayList<>();
    COMPLAINTS.forEach(x -> l.add("complaint"));
    PRAISE.forEach(x -> l.add("praise"));
    return l;
  }
}
