package feedline.common.pii;

import com.google.common.net.InetAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPv4 dotted quads and IPv6 addresses (full or compressed, optionally with an embedded IPv4 tail).
 * Version strings look like IPv4 addresses; context words ("version", "版本") lower their score.
 */
public final class IpAddressRecognizer implements Recognizer {
  private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern V4 = Pattern.compile(
      "(?<![0-9A-Za-z.])" + OCTET + "(?:\\." + OCTET + "){3}(?![0-9A-Za-z]|\\.\\d)");
  private static final Pattern V6 = Pattern.compile(
      "(?<![0-9A-Za-z:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|" + OCTET + "(?:\\." + OCTET + "){3})?(?![0-9A-Za-z:])");

  @Override
  public String name() {
    return "ip_v4_v6";
  }

  @Override
  public List<Span> find(String text) {
    List<Span> out = new ArrayList<>();
    Matcher m = V4.matcher(text);
    while (m.find()) out.add(new Span(m.start(), m.end(), PiiType.IP_ADDRESS, 0.8, name()));
    m = V6.matcher(text);
    while (m.find()) {
      String s = m.group();
      boolean shaped = s.contains("::") || count(s, ':') == 7 || (s.contains(".") && count(s, ':') >= 2);
      if (shaped && s.length() >= 3 && hasHexDigit(s) && InetAddresses.isInetAddress(s)) {
        out.add(new Span(m.start(), m.end(), PiiType.IP_ADDRESS, 0.85, name()));
      }
    }
    return out;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) n++;
    }
    return n;
  }

  private static boolean hasHexDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) >= 0) return true;
    }
    return false;
  }
}
