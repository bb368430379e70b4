package feedline.jobs.augment;

import feedline.common.augment.Augmentation;
import feedline.common.augment.Lang;
import feedline.common.augment.translate.BackTranslation;
import feedline.common.model.Reasons;
import feedline.common.text.Hashing;
import feedline.jobs.spark.PartitionIterators;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Runs on executors: takes the rows of a partition in batches, derives their variants through the
 * JVM's shared {@link Augmentation}, and emits outcome rows: the parent itself, each kept variant,
 * each rejected variant, and quarantined parents (no doc_id). Every outcome row carries the
 * input's columns plus the augment columns and the outcome columns.
 */
final class AugmentPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  static final String KIND = "a_kind";
  static final String REASON = "a_reason";
  static final String DETAIL = "a_detail";
  static final String SKIP = "a_skip";
  static final String PARENT = "parent";
  static final String VARIANT = "variant";
  static final String REJECTED = "rejected";
  static final String QUARANTINED = "quarantined";
  static final String ORIGINAL = "original";

  /** Columns augment adds to every row of its output. */
  static final List<String> AUGMENT_COLUMNS = List.of("parent_id", "method", "augmented_field", "aug_note", "similarity", "length_ratio");

  private final AugmentConfig cfg;
  private final List<String> terms;
  private final StructType in;
  private final StructType out;
  private final LongAccumulator calls;
  private final LongAccumulator texts;
  private final LongAccumulator cached;
  private final LongAccumulator failed;
  private final LongAccumulator nanos;

  AugmentPartition(AugmentConfig cfg, List<String> terms, StructType in, LongAccumulator[] acc) {
    this.cfg = cfg;
    this.terms = List.copyOf(terms);
    this.in = in;
    this.out = outcomeSchema(in);
    this.calls = acc[0];
    this.texts = acc[1];
    this.cached = acc[2];
    this.failed = acc[3];
    this.nanos = acc[4];
  }

  /** The input's columns (all nullable; augment columns added or replaced) plus the outcome columns. */
  static StructType outcomeSchema(StructType in) {
    StructType s = new StructType();
    for (StructField f : in.fields()) {
      if (!AUGMENT_COLUMNS.contains(f.name())) s = s.add(f.name(), f.dataType(), true);
    }
    return s.add("parent_id", DataTypes.StringType, true)
        .add("method", DataTypes.StringType, false)
        .add("augmented_field", DataTypes.StringType, true)
        .add("aug_note", DataTypes.StringType, true)
        .add("similarity", DataTypes.DoubleType, true)
        .add("length_ratio", DataTypes.DoubleType, true)
        .add(KIND, DataTypes.StringType, false)
        .add(REASON, DataTypes.StringType, true)
        .add(DETAIL, DataTypes.StringType, true)
        .add(SKIP, DataTypes.StringType, true);
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    Augmentation aug = AugmentResources.augmentation(cfg, terms);
    return PartitionIterators.batched(rows, cfg.batchRows(), batch -> process(aug, batch));
  }

  private List<Row> process(Augmentation aug, List<Row> batch) {
    String[] names = in.fieldNames();
    int docIdx = Arrays.asList(names).indexOf("doc_id");
    int langIdx = Arrays.asList(names).indexOf(cfg.langColumn());
    int sourceIdx = Arrays.asList(names).indexOf("source");
    int fieldsIdx = Arrays.asList(names).indexOf("fields");
    List<Row> result = new ArrayList<>();
    List<Augmentation.Item> items = new ArrayList<>();
    List<int[]> itemRow = new ArrayList<>(); // the item's row index in the batch
    Map<Integer, String> skips = new HashMap<>();
    for (int r = 0; r < batch.size(); r++) {
      Row row = batch.get(r);
      String docId = row.isNullAt(docIdx) ? null : String.valueOf(row.get(docIdx));
      if (docId == null) continue;
      if (!selected(row, docId, sourceIdx)) {
        skips.put(r, "not_selected");
        continue;
      }
      String tag = langIdx >= 0 && !row.isNullAt(langIdx) ? row.get(langIdx).toString() : null;
      for (String field : cfg.fields()) {
        String text = fieldValue(row, field, fieldsIdx);
        boolean untagged = tag == null || tag.isBlank() || tag.equalsIgnoreCase("und") || tag.equalsIgnoreCase("unknown");
        Lang lang = untagged ? Lang.guess(text) : Lang.ofTag(tag);
        items.add(new Augmentation.Item(docId, field, text, lang, cfg.orderFreeFields().contains(field)));
        itemRow.add(new int[] {r});
      }
    }
    List<BackTranslation.Timing> timings = new ArrayList<>();
    List<Augmentation.Outcome> outcomes = items.isEmpty() ? List.of() : aug.run(items, timings);
    for (BackTranslation.Timing t : timings) {
      calls.add(t.calls());
      texts.add(t.texts());
      cached.add(t.cached());
      failed.add(t.failed());
      nanos.add(t.nanos());
    }
    Map<Integer, List<Integer>> byRow = new HashMap<>();
    for (int i = 0; i < items.size(); i++) byRow.computeIfAbsent(itemRow.get(i)[0], k -> new ArrayList<>()).add(i);
    for (int r = 0; r < batch.size(); r++) {
      Row row = batch.get(r);
      if (row.isNullAt(docIdx)) {
        result.add(outcome(row, null, ORIGINAL, null, null, null, null, QUARANTINED, Reasons.BAD_RECORD,
            "row has no doc_id", null));
        continue;
      }
      String docId = String.valueOf(row.get(docIdx));
      List<Integer> its = byRow.getOrDefault(r, List.of());
      String skip = skips.get(r);
      if (skip == null && !its.isEmpty()) {
        List<String> why = new ArrayList<>();
        for (int i : its) if (outcomes.get(i).skipped() != null) why.add(items.get(i).field() + ":" + outcomes.get(i).skipped());
        if (why.size() == its.size()) skip = String.join(",", why);
      }
      result.add(outcome(row, null, ORIGINAL, null, null, null, null, PARENT, null, null, skip));
      for (int i : its) {
        Augmentation.Item item = items.get(i);
        for (Augmentation.Candidate c : outcomes.get(i).candidates()) {
          String id = Hashing.sha256(docId + "\u0000" + item.field() + "\u0000" + c.method() + "\u0000" + c.index()
              + "\u0000" + c.note()).substring(0, 32);
          Row variant = withField(row, item.field(), c.text(), fieldsIdx, docIdx, id);
          result.add(outcome(variant, docId, c.method(), item.field(), c.note(), c.text() == null ? null : c.similarity(),
              c.text() == null ? null : c.lengthRatio(), c.kept() ? VARIANT : REJECTED, c.reason(), c.detail(), null));
        }
      }
    }
    return result;
  }

  private boolean selected(Row row, String docId, int sourceIdx) {
    if (!cfg.sources().isEmpty()) {
      String source = sourceIdx >= 0 && !row.isNullAt(sourceIdx) ? row.get(sourceIdx).toString() : null;
      if (source == null || !cfg.sources().contains(source)) return false;
    }
    if (cfg.fraction() >= 1) return true;
    String h = Hashing.sha256(cfg.seed() + "\u0000" + docId);
    return Long.parseUnsignedLong(h.substring(0, 13), 16) / (double) (1L << 52) < cfg.fraction();
  }

  private String fieldValue(Row row, String field, int fieldsIdx) {
    if (field.startsWith("fields.") && in.getFieldIndex(field).isEmpty()) {
      if (fieldsIdx < 0 || row.isNullAt(fieldsIdx)) return null;
      Object v = row.getJavaMap(fieldsIdx).get(field.substring("fields.".length()));
      return v == null ? null : v.toString();
    }
    int idx = in.fieldIndex(field);
    return row.isNullAt(idx) ? null : row.get(idx).toString();
  }

  /** A copy of the parent row with one field replaced, its own doc_id, and derived columns refreshed. */
  private Row withField(Row row, String field, String text, int fieldsIdx, int docIdx, String id) {
    Object[] v = new Object[row.length()];
    for (int i = 0; i < v.length; i++) v[i] = row.get(i);
    v[docIdx] = id;
    if (field.startsWith("fields.") && in.getFieldIndex(field).isEmpty()) {
      Map<Object, Object> m = new HashMap<>(row.getJavaMap(fieldsIdx));
      m.put(field.substring("fields.".length()), text);
      v[fieldsIdx] = CollectionConverters.asScala(m);
    } else {
      v[in.fieldIndex(field)] = text;
    }
    if (field.equals("text") && text != null) {
      refresh(v, "chars", DataTypes.IntegerType, text.codePointCount(0, text.length()));
      refresh(v, "sha256", DataTypes.StringType, Hashing.sha256(text));
    }
    return RowFactory.create(v);
  }

  private void refresh(Object[] v, String column, org.apache.spark.sql.types.DataType type, Object value) {
    if (in.getFieldIndex(column).isDefined()) {
      int i = in.fieldIndex(column);
      if (in.fields()[i].dataType().equals(type)) v[i] = value;
    }
  }

  private Row outcome(Row row, String parentId, String method, String field, String note, Double sim, Double ratio,
      String kind, String reason, String detail, String skip) {
    List<Object> v = new ArrayList<>();
    String[] names = in.fieldNames();
    for (int i = 0; i < names.length; i++) {
      if (!AUGMENT_COLUMNS.contains(names[i])) v.add(row.get(i));
    }
    v.addAll(Arrays.asList(parentId, method, field, note, sim, ratio, kind, reason, detail, skip));
    return RowFactory.create(v.toArray());
  }
}
