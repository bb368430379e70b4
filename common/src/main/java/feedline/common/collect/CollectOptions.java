package feedline.common.collect;

import feedline.common.text.DoorNormalizer;
import java.io.Serializable;
import java.util.List;

/**
 * How collect reads files: bound from {@code feedline.collect} by the job and shipped to executors.
 *
 * @param source tag written to every document's {@code source} column
 * @param charset {@code auto} or a charset name forced on every text file
 * @param form Unicode normalization form at the door
 * @param maxUndecodableRatio share of undecodable bytes above which a text file is quarantined
 * @param csvTextColumns CSV/TSV columns joined (by blank lines) into the document text; empty = all
 * @param csvDelimiter CSV delimiter ({@code ,} by default; TSV always uses tab)
 * @param jsonTextFields JSONL fields joined into the text (first present wins when {@code jsonFirstOnly})
 * @param chatConversationKey chat logs: field grouping turns into one conversation
 * @param chatRoleField chat logs: the speaker field
 * @param chatContentField chat logs: the utterance field
 * @param parquetTextField Parquet inputs: the text column
 * @param maxChars extracted text above this many characters is quarantined as too large
 */
public record CollectOptions(
    String source,
    String charset,
    DoorNormalizer.Form form,
    double maxUndecodableRatio,
    List<String> csvTextColumns,
    char csvDelimiter,
    List<String> jsonTextFields,
    String chatConversationKey,
    String chatRoleField,
    String chatContentField,
    String parquetTextField,
    int maxChars) implements Serializable {

  public CollectOptions withSource(String tag) {
    return new CollectOptions(tag, charset, form, maxUndecodableRatio, csvTextColumns, csvDelimiter, jsonTextFields,
        chatConversationKey, chatRoleField, chatContentField, parquetTextField, maxChars);
  }

  public static CollectOptions defaults(String source) {
    return new CollectOptions(source, "auto", DoorNormalizer.Form.NFKC, 0.05, List.of(), ',',
        List.of("text", "content", "body"), "conversation_id", "role", "content", "text", 20_000_000);
  }
}
