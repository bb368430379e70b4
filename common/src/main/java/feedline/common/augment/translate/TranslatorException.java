package feedline.common.augment.translate;

/** A translation call that failed; {@code retryable} says whether trying again may help. */
public final class TranslatorException extends RuntimeException {
  private final boolean retryable;
  private long retryAfterMillis;

  public TranslatorException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public TranslatorException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** The delay the server asked for before the next attempt (0: none). */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }

  public TranslatorException withRetryAfter(long millis) {
    this.retryAfterMillis = millis;
    return this;
  }

  public boolean retryable() {
    return retryable;
  }
}
