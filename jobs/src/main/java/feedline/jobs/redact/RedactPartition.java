package feedline.jobs.redact;

import feedline.common.pii.PiiEngine;
import feedline.common.pii.PiiType;
import feedline.common.pii.RedactOptions;
import feedline.common.pii.Redaction;
import feedline.common.pii.Span;
import feedline.jobs.spark.PartitionIterators;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Redacts one partition. Each output row is the input row with {@code text} redacted (and every value
 * of a string-to-string {@code fields} map, such as the CSV columns collect keeps), then the spans
 * (with their recognizer), one count column per type, and a status: ok, no_text or failed (with the
 * exception's class only: a message could carry a value).
 */
final class RedactPartition implements MapPartitionsFunction<Row, Row> {
  static final String STATUS = "_redact_status";
  static final String ERROR = "_redact_error";
  static final String AUDIT = "_redact_spans";
  static final String OK = "ok";
  static final String NO_TEXT = "no_text";
  static final String FAILED = "failed";

  static final StructType SPAN = new StructType()
      .add("start", DataTypes.IntegerType, false)
      .add("end", DataTypes.IntegerType, false)
      .add("type", DataTypes.StringType, false)
      .add("score", DataTypes.DoubleType, false)
      .add("recognizer", DataTypes.StringType, false);

  private static final scala.collection.immutable.Seq<Row> EMPTY = seq(List.of());

  private final RedactOptions options;
  private final int textIndex;
  private final int width;
  private final int fieldsIndex;

  RedactPartition(RedactOptions options, int textIndex, int width) {
    this(options, textIndex, width, -1);
  }

  /** {@code fieldsIndex}: a {@code map<string,string>} column whose values are redacted too, or -1. */
  RedactPartition(RedactOptions options, int textIndex, int width, int fieldsIndex) {
    this.options = options;
    this.textIndex = textIndex;
    this.width = width;
    this.fieldsIndex = fieldsIndex;
  }

  /** Index of a {@code fields} column of type map&lt;string,string&gt; in {@code schema}, or -1. */
  static int fieldsIndex(StructType schema) {
    if (!java.util.Arrays.asList(schema.fieldNames()).contains("fields")) return -1;
    int i = schema.fieldIndex("fields");
    return schema.fields()[i].dataType().equals(DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
        || schema.fields()[i].dataType().equals(DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false))
        ? i : -1;
  }

  static StructType outputSchema(StructType input) {
    StructType s = input;
    s = s.add(AUDIT, DataTypes.createArrayType(SPAN, false), true);
    for (PiiType t : PiiType.values()) s = s.add(countColumn(t), DataTypes.IntegerType, false);
    s = s.add("pii_total", DataTypes.IntegerType, false);
    s = s.add(STATUS, DataTypes.StringType, false).add(ERROR, DataTypes.StringType, true);
    return s;
  }

  static String countColumn(PiiType t) {
    return "pii_" + t.column();
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    PiiEngine engine = EngineHolder.get(options);
    return PartitionIterators.map(rows, r -> redact(engine, r));
  }

  private Row redact(PiiEngine engine, Row in) {
    Object[] out = new Object[width + 3 + PiiType.values().length + 1];
    for (int i = 0; i < width; i++) out[i] = in.get(i);
    String text = in.isNullAt(textIndex) ? null : in.getString(textIndex);
    int k = width;
    if (text == null || text.isBlank()) {
      out[k++] = EMPTY;
      for (int i = 0; i <= PiiType.values().length; i++) out[k++] = 0;
      out[k++] = NO_TEXT;
      out[k] = null;
      return RowFactory.create(out);
    }
    Redaction r;
    java.util.Map<PiiType, Integer> fieldCounts = new java.util.EnumMap<>(PiiType.class);
    try {
      r = engine.process(text);
      if (fieldsIndex >= 0 && !in.isNullAt(fieldsIndex)) out[fieldsIndex] = redactFields(engine, in, fieldCounts);
    } catch (RuntimeException | StackOverflowError e) {
      out[k++] = EMPTY;
      for (int i = 0; i <= PiiType.values().length; i++) out[k++] = 0;
      out[k++] = FAILED;
      out[k] = e.getClass().getName();
      return RowFactory.create(out);
    }
    out[textIndex] = r.text();
    List<Row> spans = new ArrayList<>(r.spans().size());
    for (Span s : r.spans()) spans.add(RowFactory.create(s.start(), s.end(), s.type().name(), round(s.score()), s.recognizer()));
    out[k++] = seq(spans);
    int total = 0;
    for (PiiType t : PiiType.values()) {
      int n = r.counts().getOrDefault(t, 0) + fieldCounts.getOrDefault(t, 0);
      total += n;
      out[k++] = n;
    }
    out[k++] = total;
    out[k++] = OK;
    out[k] = null;
    return RowFactory.create(out);
  }

  /** The {@code fields} map with every value redacted; adds what it found to {@code counts}. */
  private scala.collection.Map<String, String> redactFields(PiiEngine engine, Row in, java.util.Map<PiiType, Integer> counts) {
    java.util.Map<String, String> values = scala.jdk.javaapi.CollectionConverters.asJava(in.<String, String>getMap(fieldsIndex));
    java.util.Map<String, String> redacted = new java.util.LinkedHashMap<>();
    for (java.util.Map.Entry<String, String> e : values.entrySet()) {
      if (e.getValue() == null || e.getValue().isBlank()) {
        redacted.put(e.getKey(), e.getValue());
        continue;
      }
      Redaction fr = engine.process(e.getValue());
      redacted.put(e.getKey(), fr.text());
      fr.counts().forEach((t, n) -> counts.merge(t, n, Integer::sum));
    }
    return scala.jdk.javaapi.CollectionConverters.asScala(redacted);
  }

  private static scala.collection.immutable.Seq<Row> seq(List<Row> rows) {
    return scala.jdk.javaapi.CollectionConverters.asScala(rows).toSeq();
  }

  private static double round(double d) {
    return Math.round(d * 1000.0) / 1000.0;
  }
}
