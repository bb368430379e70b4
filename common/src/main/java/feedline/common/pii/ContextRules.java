package feedline.common.pii;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words around a candidate that raise its score (a type's own cue: "电话", "phone", "卡号") or lower
 * it (cues of look-alikes: order and tracking numbers, versions, barcodes, doses, prices; for numbers
 * and codes only). The cue
 * nearest to the span wins; positive cues are looked for before and just after the span, negative
 * cues before it.
 */
public final class ContextRules {
  /** How far before a span cues are looked for, in characters. */
  public static final int BEFORE = 24;
  /** How far after a span positive cues are looked for. */
  public static final int AFTER = 8;

  private static final Map<PiiType, List<String>> POSITIVE = new EnumMap<>(PiiType.class);
  /** Types a look-alike cue can lower: numbers and codes. Names, emails, URLs and addresses have no look-alikes of that kind. */
  private static final java.util.Set<PiiType> NUMERIC = java.util.EnumSet.of(PiiType.PHONE, PiiType.ID_NUMBER,
      PiiType.BANK_CARD, PiiType.IBAN, PiiType.IP_ADDRESS, PiiType.CRYPTO_ADDRESS, PiiType.PASSPORT,
      PiiType.LICENSE_PLATE, PiiType.DATE_OF_BIRTH);
  private static final List<String> NEGATIVE = List.of(
      "订单", "单号", "运单", "快递", "物流", "编号", "条码", "条形码", "批号", "货号", "型号", "版本", "序列号",
      "发票", "流水号", "工单", "金额", "价格", "剂量", "邮编", "邮政编码", "商品码", "追踪号", "合同号", "验证码",
      "order", "tracking", "invoice", "sku", "barcode", "upc", "ean", "isbn", "serial", "version", "ver", "build",
      "ref", "reference", "batch", "lot", "ticket", "model", "part", "item", "shipment", "parcel", "waybill",
      "release", "zip", "postcode", "code", "upgrade", "firmware", "patch", "oid", "固件", "升级", "补丁");

  static {
    POSITIVE.put(PiiType.PHONE, List.of("电话", "手机", "联系方式", "致电", "来电", "拨打", "热线", "座机", "传真", "微信",
        "号码", "tel", "phone", "mobile", "cell", "call", "fax", "contact", "whatsapp", "text me", "reach"));
    POSITIVE.put(PiiType.ID_NUMBER, List.of("身份证", "证件号", "身份号码", "公民身份", "id", "identity", "national id"));
    POSITIVE.put(PiiType.BANK_CARD, List.of("卡号", "银行卡", "信用卡", "储蓄卡", "借记卡", "账号", "账户", "银联", "card",
        "visa", "mastercard", "amex", "credit", "debit", "account", "unionpay"));
    POSITIVE.put(PiiType.IBAN, List.of("iban", "account", "bank", "账户", "汇款", "transfer"));
    POSITIVE.put(PiiType.EMAIL, List.of("邮箱", "邮件", "email", "e-mail", "mail"));
    POSITIVE.put(PiiType.IP_ADDRESS, List.of("ip", "服务器", "登录", "server", "host", "client", "address", "地址", "访问"));
    POSITIVE.put(PiiType.CRYPTO_ADDRESS, List.of("比特币", "钱包", "btc", "bitcoin", "wallet", "address"));
    POSITIVE.put(PiiType.PASSPORT, List.of("护照", "passport", "travel document"));
    POSITIVE.put(PiiType.DATE_OF_BIRTH, List.of("出生", "生日", "出生日期", "生于", "born", "birth", "dob", "d.o.b", "birthday"));
    POSITIVE.put(PiiType.PERSON, List.of("先生", "女士", "姓名", "联系人", "患者", "mr", "mrs", "ms", "dr", "name"));
    POSITIVE.put(PiiType.LICENSE_PLATE, List.of("车牌", "牌照", "plate"));
    POSITIVE.put(PiiType.ADDRESS, List.of("地址", "住址", "住在", "收货", "address", "live", "lives", "located", "ship to"));
    POSITIVE.put(PiiType.URL, List.of("网址", "链接", "url", "link", "website", "site"));
  }

  private final Map<PiiType, Pattern> positive = new EnumMap<>(PiiType.class);
  private final Pattern negative;
  private final double boost;
  private final double penalty;

  public ContextRules(double boost, double penalty) {
    this.boost = boost;
    this.penalty = penalty;
    POSITIVE.forEach((t, words) -> positive.put(t, compile(words)));
    negative = compile(NEGATIVE);
  }

  /** Alternation where Latin words must stand alone (so "id" does not match "valid"). */
  private static Pattern compile(List<String> words) {
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      if (sb.length() > 0) sb.append('|');
      boolean latin = w.chars().allMatch(c -> c < 0x80);
      sb.append(latin ? "(?<![a-z])" + Pattern.quote(w) + "(?![a-z])" : Pattern.quote(w));
    }
    return Pattern.compile(sb.toString());
  }

  /** The span with its score adjusted by the nearest cue in its neighbourhood. */
  public Span apply(String text, Span s) {
    int from = Math.max(0, s.start() - BEFORE);
    String before = text.substring(from, s.start()).toLowerCase(Locale.ROOT);
    String after = text.substring(s.end(), Math.min(text.length(), s.end() + AFTER)).toLowerCase(Locale.ROOT);
    int pos = Integer.MAX_VALUE;
    Pattern p = positive.get(s.type());
    if (p != null) {
      pos = Math.min(lastDistance(p, before), firstDistance(p, after));
    }
    int neg = NUMERIC.contains(s.type()) ? lastDistance(negative, before) : Integer.MAX_VALUE;
    if (pos == Integer.MAX_VALUE && neg == Integer.MAX_VALUE) return s;
    return pos <= neg ? s.withScore(s.score() + boost) : s.withScore(s.score() - penalty);
  }

  /** Distance from the end of {@code window} to the end of the last match, or MAX_VALUE. */
  private static int lastDistance(Pattern p, String window) {
    Matcher m = p.matcher(window);
    int best = Integer.MAX_VALUE;
    while (m.find()) best = window.length() - m.end();
    return best;
  }

  private static int firstDistance(Pattern p, String window) {
    Matcher m = p.matcher(window);
    return m.find() ? m.start() : Integer.MAX_VALUE;
  }
}
