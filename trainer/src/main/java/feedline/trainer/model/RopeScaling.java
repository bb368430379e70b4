package feedline.trainer.model;

/** Rotary embedding scaling from config.json's {@code rope_scaling}: none, linear or dynamic (NTK). */
public record RopeScaling(Kind kind, double factor) {
  public enum Kind { NONE, LINEAR, DYNAMIC }

  public static final RopeScaling NONE = new RopeScaling(Kind.NONE, 1.0);

  public RopeScaling {
    if (kind != Kind.NONE && !(factor >= 1.0)) {
      throw new IllegalArgumentException("rope_scaling.factor must be >= 1, got " + factor);
    }
  }
}
