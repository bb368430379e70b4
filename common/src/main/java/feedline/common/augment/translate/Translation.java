package feedline.common.augment.translate;

import java.util.ArrayList;
import java.util.List;

/** One translated text (possibly answered from a cache), or why it could not be translated. */
public record Translation(String text, String error, boolean cached) {
  public static Translation ok(String text) {
    return new Translation(text, null, false);
  }

  public static Translation fromCache(String text) {
    return new Translation(text, null, true);
  }

  public static Translation failed(String error) {
    return new Translation(null, error == null ? "unknown error" : error, false);
  }

  public boolean isOk() {
    return error == null;
  }

  /** {@code n} copies of the same failure, for a batch that failed as a whole. */
  public static List<Translation> allFailed(int n, String error) {
    List<Translation> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(failed(error));
    return out;
  }
}
