package feedline.common.annotate;

/** A record of an export that could not be imported: quarantined with its reason and the raw payload. */
public record ImportIssue(String docId, String annotator, String reason, String detail, String source, String payload) {}
