package feedline.common.config;

/** A command line that cannot be run as given; the message says what to change. */
public final class UsageError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageError(String message) {
    super(message);
  }
}
