package feedline.common.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code str.split()} and {@code str.strip()} whitespace rules, so tokenizers that follow
 * reference Python implementations split the same way (Python's whitespace also covers U+001C..U+001F,
 * U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F and U+3000).
 */
final class PyText {
  private PyText() {}

  static boolean isSpace(int c) {
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
  }

  static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      while (i < n && isSpace(s.codePointAt(i))) i += Character.charCount(s.codePointAt(i));
      int start = i;
      while (i < n && !isSpace(s.codePointAt(i))) i += Character.charCount(s.codePointAt(i));
      if (i > start) out.add(s.substring(start, i));
    }
    return out;
  }

  static String strip(String s) {
    return rstrip(lstrip(s));
  }

  static String lstrip(String s) {
    int i = 0;
    while (i < s.length() && isSpace(s.codePointAt(i))) i += Character.charCount(s.codePointAt(i));
    return s.substring(i);
  }

  static String rstrip(String s) {
    int j = s.length();
    while (j > 0 && isSpace(s.codePointBefore(j))) j -= Character.charCount(s.codePointBefore(j));
    return s.substring(0, j);
  }
}
