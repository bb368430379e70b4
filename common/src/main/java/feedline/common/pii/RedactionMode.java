package feedline.common.pii;

/** How a recognized value is replaced. */
public enum RedactionMode {
  /** {@code [PHONE]} */
  MASK,
  /** {@code <PHONE_1>}: numbered per document, the same value gets the same tag. */
  TAG,
  /** {@code <PHONE:3f9a2c1b7d0e>}: keyed HMAC-SHA256 of the value, stable across the corpus. */
  HASH,
  /** A realistic surrogate of the same format, deterministic per value. */
  FAKE,
  /** Left as it is (still counted and audited). */
  KEEP
}
