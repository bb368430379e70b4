package feedline.common.pii;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers. Chinese mobiles (11 digits, 1[3-9] prefix, optional +86 / 0086, spaces or dashes)
 * and Chinese landlines with an area code are found by shape and validated with libphonenumber's
 * CN metadata; other numbers are found by libphonenumber's matcher, and kept when written in
 * international form or with the separators of a national format. A bare run of digits is only a
 * weak candidate that needs a context word ("电话", "phone") to pass.
 */
public final class PhoneRecognizer implements Recognizer {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final Pattern CN_MOBILE = Pattern.compile(
      "(?<![0-9A-Za-z+]|\\d[ \\-])(?:(?:\\+|00)86[ \\-]?|\\(\\+?86\\)[ \\-]?|＋86[ ]?|86-)?1[3-9]\\d(?:[ \\-]?\\d){8}(?![ \\-]?\\d|[A-Za-z])");
  private static final Pattern CN_LANDLINE = Pattern.compile(
      "(?<![0-9A-Za-z+]|\\d[ \\-])(?:(?:\\+|00)86[ \\-]?)?(?:\\(0\\d{2,3}\\)|（0\\d{2,3}）|0\\d{2,3})[ \\-]?\\d{3,4}[ \\-]?\\d{4}(?:(?:转|-|ext\\.?|x)\\d{1,5})?(?![ \\-]?\\d|[A-Za-z])");

  /** Phone cue words shortly before a number: they admit a domestic number of another country. */
  private static final Pattern CUE = Pattern.compile("(?i)电话|手机|座机|致电|拨打|tel|phone|call|mobile|cell|fax|whatsapp|ring|text me|reach me");
  /** Regions tried, with a cue only, for a domestic number that is not valid as a US number. */
  private static final List<String> CUED_REGIONS = List.of("GB", "AU", "DE", "FR", "JP", "IN", "HK", "SG", "CA", "IE", "NZ");
  static final int CUE_WINDOW = 24;

  /** Where a phone number can be: an optional + or bracket, then digits with separators between. */
  private static final Pattern CANDIDATE = Pattern.compile("[+＋(（]?[+]?\\d[\\d \\-().（）]{5,24}\\d");

  @Override
  public String name() {
    return "phone_libphonenumber";
  }

  @Override
  public List<Span> find(String text) {
    List<Span> out = new ArrayList<>();
    Matcher m = CN_MOBILE.matcher(text);
    while (m.find()) {
      if (RegexRecognizer.consistentSeparators(m.group()) && validCn(m.group())) {
        out.add(new Span(m.start(), m.end(), PiiType.PHONE, 0.8, name()));
      }
    }
    m = CN_LANDLINE.matcher(text);
    while (m.find()) {
      String digits = m.group().replaceAll("(转|ext\\.?|x)\\d+$", "");
      if (validCn(digits)) out.add(new Span(m.start(), m.end(), PiiType.PHONE, 0.7, name()));
    }
    // libphonenumber's matcher is the slow part: run it only on runs of digits and separators
    m = CANDIDATE.matcher(text);
    while (m.find()) {
      int digits = 0;
      for (int i = m.start(); i < m.end(); i++) {
        if (Character.isDigit(text.charAt(i))) digits++;
      }
      // phone numbers have 7 to 15 digits (E.164); dates, prices and codes outside that are skipped
      if (digits < 7 || digits > 17 || coveredBy(out, m.start(), m.end())) continue;
      int before = out.size();
      addMatches(text, m.start(), m.end(), "US", out, false, PhoneNumberUtil.Leniency.VALID);
      if (m.group().contains("00")) addMatches(text, m.start(), m.end(), "GB", out, true, PhoneNumberUtil.Leniency.VALID);
      if (out.size() > before) continue;
      String g = m.group();
      if (g.startsWith("+") || g.startsWith("＋")) {
        // written in international form but not in a range libphonenumber knows as assigned: still a phone
        // number by its form (country code, grouping), at a lower score
        addMatches(text, m.start(), m.end(), "US", out, true, PhoneNumberUtil.Leniency.POSSIBLE, 0.6);
      } else if (cued(text, m.start())) {
        for (String region : CUED_REGIONS) {
          addMatches(text, m.start(), m.end(), region, out, false, PhoneNumberUtil.Leniency.VALID, 0.45);
          if (out.size() > before) break;
        }
      }
    }
    return out;
  }

  private static boolean cued(String text, int start) {
    return CUE.matcher(text.substring(Math.max(0, start - CUE_WINDOW), start)).find();
  }

  private static boolean coveredBy(List<Span> spans, int start, int end) {
    for (Span s : spans) {
      if (s.start() <= start && end <= s.end()) return true;
    }
    return false;
  }

  private void addMatches(String text, int from, int to, String region, List<Span> out, boolean internationalOnly,
      PhoneNumberUtil.Leniency leniency) {
    addMatches(text, from, to, region, out, internationalOnly, leniency, -1);
  }

  /** libphonenumber's matches in {@code [from, to)}; {@code fixedScore} (when not -1) replaces the form-based score. */
  private void addMatches(String text, int from, int to, String region, List<Span> out, boolean internationalOnly,
      PhoneNumberUtil.Leniency leniency, double fixedScore) {
    for (PhoneNumberMatch pm : UTIL.findNumbers(text.subSequence(from, to), region, leniency, Long.MAX_VALUE)) {
      int start = from + pm.start();
      int end = from + pm.end();
      if (overlapsAny(out, start, end)) continue;
      String raw = pm.rawString();
      boolean international = raw.startsWith("+") || raw.startsWith("00") || raw.startsWith("＋");
      if (internationalOnly && !international) continue;
      if (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) continue;
      if (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) continue;
      // a time or decimal goes on ("2024-05-16 08:32:11", "12.50"): not a phone number
      if (end + 1 < text.length() && ":/.,".indexOf(text.charAt(end)) >= 0 && Character.isDigit(text.charAt(end + 1))) continue;
      if (start >= 2 && ":/.,".indexOf(text.charAt(start - 1)) >= 0 && Character.isDigit(text.charAt(start - 2))) continue;
      boolean formatted = raw.matches(".*[\\s().\\-].*");
      double score = fixedScore >= 0 ? fixedScore : international ? 0.8 : formatted ? 0.65 : 0.4;
      out.add(new Span(start, end, PiiType.PHONE, score, name()));
    }
  }

  private static boolean overlapsAny(List<Span> spans, int start, int end) {
    for (Span s : spans) {
      if (s.start() < end && start < s.end()) return true;
    }
    return false;
  }

  private static boolean validCn(String raw) {
    try {
      PhoneNumber n = UTIL.parse(raw.replace('（', '(').replace('）', ')').replace('＋', '+'), "CN");
      return n.getCountryCode() == 86 && UTIL.isValidNumber(n);
    } catch (NumberParseException e) {
      return false;
    }
  }
}
