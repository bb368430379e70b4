package feedline.jobs.stage;

/** A stage whose rows do not add up: in != out + dropped + quarantined. */
public final class AccountingException extends RuntimeException {
  public AccountingException(String message) {
    super(message);
  }
}
