package feedline.common.augment.translate;

/** A translation call that failed; {@code retryable} says whether trying again may help. */
public final class TranslatorException extends RuntimeException {
  private final boolean retryable;

  public TranslatorException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public TranslatorException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
