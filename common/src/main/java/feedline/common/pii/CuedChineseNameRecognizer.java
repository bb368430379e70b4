package feedline.common.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese names right after a field cue such as "姓名：", "联系人", "收件人" or "我叫": a known surname
 * and one or two given-name characters. Complements the statistical recognizer where a form layout
 * gives it too little sentence context. This class finds names without a segmentation (one or two
 * given characters up to a stop character); the standard detector applies the same cues inside
 * {@link ChinesePersonRecognizer}, where names end on HanLP's word boundaries.
 */
public final class CuedChineseNameRecognizer implements Recognizer {
  static final Pattern CUE = Pattern.compile(
      "(?:姓名|户名|作者|联系人|收件人|收货人|寄件人|患者|病人|客户|经办人|申请人|持卡人|户主|负责人|投诉人|乘客|我叫|我是|本人"
          + "|[\\u4e00-\\u9fa5]{1,3}人(?=[：:])|主讲|讲者)[：:\\s]*");
  /** Characters that end a name: function words, and the first characters of what usually follows. */
  static final String STOP = "的了是在和与及或男女先今昨电手身年岁说来去已于将被把给向对从为也都就还又很再做让跟同替带请问要会能想看找叫有没不老，。、；：！？ 　的等";

  @Override
  public String name() {
    return "cn_name_cue";
  }

  @Override
  public List<Span> find(String text) {
    List<Span> out = new ArrayList<>();
    Matcher m = CUE.matcher(text);
    while (m.find()) {
      int i = m.end();
      int sur = ChineseNames.surnameAt(text, i);
      if (sur == 0) continue;
      int end = i + sur;
      int given = 0;
      while (given < 2 && end < text.length() && nameChar(text.charAt(end))) {
        end++;
        given++;
      }
      if (given == 0) continue;
      out.add(new Span(i, end, PiiType.PERSON, 0.8, name()));
    }
    return out;
  }

  /** Whether {@code c} is a Han ideograph. */
  static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  /** Whether {@code c} can be part of a Chinese name: a Han ideograph that is not a function character of {@link #STOP}. */
  static boolean nameChar(char c) {
    return isHan(c) && STOP.indexOf(c) < 0;
  }
}
