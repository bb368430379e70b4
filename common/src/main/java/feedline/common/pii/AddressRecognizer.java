package feedline.common.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Street addresses. Chinese: optional province, city, district and town units, then a road with a
 * house number (…路88号), then building, unit and room parts. English: a house number, street name
 * and street suffix, optionally with apartment, city, state and ZIP (or a UK postcode, or an Australian
 * state and postcode).
 */
public final class AddressRecognizer implements Recognizer {
  private static final String HAN = "[\\u4e00-\\u9fa5]";
  private static final Pattern CN = Pattern.compile(
      "(?:" + HAN + "{2,8}?(?:省|自治区|特别行政区))?(?:" + HAN + "{2,8}?市)?(?:" + HAN + "{1,8}?(?:区|县|旗))?"
          + "(?:" + HAN + "{1,8}?(?:镇|乡|街道))?" + "[\\u4e00-\\u9fa5A-Za-z0-9]{1,12}?(?:路|街|大道|道|巷|弄|胡同)"
          + "(?:[0-9一二三四五六七八九十]{1,3}段)?[0-9一二三四五六七八九十百]{1,5}号(?:院)?"
          + "(?:[\\u4e00-\\u9fa5A-Za-z]{1,10}?(?:小区|花园|大厦|广场|中心|公寓|苑|城|园|村|大楼|家园|新村|酒店)(?=[0-9A-Za-z]{1,4}(?:号楼|栋|幢|座|单元|层|楼|室)))?"
          + "(?:[0-9A-Za-z]{1,4}(?:号楼|栋|幢|座|单元|室|层|楼|号))*");
  private static final Pattern CN_HINT = Pattern.compile("(?:路|街|道|巷|弄|胡同|段)[0-9一二三四五六七八九十百]{1,5}号");
  /** Cue words that may lead a match and are not part of the address. */
  private static final Pattern LEAD = Pattern.compile(
      "^.*(?:住在|住址是|住址|位于|地址是|地址为|地址|寄到|寄往|送到|送至|搬到|来自|在|到|于|是)");
  private static final String SUFFIX = "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way"
      + "|Place|Pl|Terrace|Parkway|Pkwy|Highway|Hwy|Square|Sq|Loop|Circle|Cir|Crescent|Row|Alley|Close|Walk|Grove|Gardens"
      + "|Mews|Parade|Rise|Hill|Quay|Wharf|Green)";
  private static final Pattern EN = Pattern.compile(
      "(?<![0-9A-Za-z])\\d{1,5}[A-Z]?\\s+(?:[NSEW]\\.?\\s+)?(?:[A-Z][a-z]+\\s+){1,3}" + SUFFIX + "\\b\\.?"
          + "(?:,?\\s+(?:Apt|Apartment|Suite|Unit|#)\\.?\\s*[0-9A-Z]{1,5}\\b)?"
          + "(?:,\\s*[A-Z][a-z]+(?:\\s[A-Z][a-z]+)?(?:,\\s*[A-Z]{2}(?:\\s+\\d{5}(?:-\\d{4})?)?"
          // a UK postcode, or an Australian state and postcode, after the town
          + "|\\s+[A-Z]{1,2}\\d[A-Z\\d]?\\s\\d[A-Z]{2}\\b|\\s+(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)\\s+\\d{4}\\b)?)?");

  @Override
  public String name() {
    return "address_rules";
  }

  @Override
  public List<Span> find(String text) {
    List<Span> out = new ArrayList<>();
    // the Chinese pattern backtracks a lot: run it only around a road + house number
    Matcher hint = CN_HINT.matcher(text);
    int searchedTo = 0;
    Matcher m = CN.matcher(text);
    while (hint.find()) {
      int from = Math.max(searchedTo, hint.start() - 48);
      int to = Math.min(text.length(), hint.end() + 24);
      if (from >= to) continue;
      m.region(from, to);
      searchedTo = to;
      while (m.find()) {
      int start = m.start();
      String s = m.group();
      Matcher lead = LEAD.matcher(s.length() > 12 ? s.substring(0, 12) : s);
      if (lead.find()) start += lead.end();
      if (m.end() - start < 5) continue;
      out.add(new Span(start, m.end(), PiiType.ADDRESS, 0.75, name()));
      }
    }
    m = EN.matcher(text);
    while (m.find()) out.add(new Span(m.start(), m.end(), PiiType.ADDRESS, 0.75, name()));
    return out;
  }
}
