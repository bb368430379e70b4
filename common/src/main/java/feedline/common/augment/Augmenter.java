package feedline.common.augment;

import java.util.Random;

/** One local (no network, no process) way to derive a variant of a text. */
public interface Augmenter {
  /** The {@code method} value written on the variants it makes. */
  String method();

  /** A variant, or null when this text offers nothing to change (no synonyms, one sentence ...). */
  Edit apply(String text, Lang lang, Random random);
}
