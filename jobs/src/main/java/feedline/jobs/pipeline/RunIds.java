package feedline.jobs.pipeline;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Run ids: {@code yyyyMMdd-HHmmss-xxxx}, sortable by time; user-given ids must be file-name safe. */
public final class RunIds {
  private static final DateTimeFormatter FMT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private RunIds() {}

  public static String next() {
    return FMT.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(1 << 16));
  }

  public static boolean valid(String id) {
    return SAFE.matcher(id).matches();
  }
}
