package feedline.trainer.cli;

/** A command line that cannot be run as given. */
final class UsageError extends RuntimeException {
  UsageError(String message) {
    super(message);
  }
}
