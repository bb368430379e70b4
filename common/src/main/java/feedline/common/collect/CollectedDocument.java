package feedline.common.collect;

import java.util.Map;

/** One row of the {@code documents} table, before the job adds run id and timestamp. */
public record CollectedDocument(
    String docId,
    String source,
    String uri,
    String recordKey,
    String format,
    String charset,
    String text,
    int chars,
    int originalChars,
    int controlCharsRemoved,
    long undecodableBytes,
    String sha256,
    String fileSha256,
    long fileSize,
    Map<String, String> fields) {}
