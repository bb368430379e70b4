package feedline.common.clean;

/** A text after one cleaning step and how many changes the step made (0 = untouched). */
public record Edited(String text, int changes) {
  public static Edited same(String text) {
    return new Edited(text, 0);
  }
}
