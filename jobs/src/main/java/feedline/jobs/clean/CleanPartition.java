package feedline.jobs.clean;

import feedline.common.clean.CleanOptions;
import feedline.common.clean.CleanResult;
import feedline.common.clean.DocumentCleaner;
import feedline.jobs.spark.PartitionIterators;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Runs on executors: cleans each row's text and appends the clean columns. A row the cleaner
 * fails on is marked for quarantine with the error, never lost.
 */
final class CleanPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final CleanOptions options;
  private final CleanColumns columns;

  CleanPartition(CleanOptions options, CleanColumns columns) {
    this.options = options;
    this.columns = columns;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    DocumentCleaner cleaner = CleanerHolder.get(options);
    return PartitionIterators.map(rows, r -> clean(cleaner, r));
  }

  private Row clean(DocumentCleaner cleaner, Row in) {
    Object[] out = new Object[columns.outWidth()];
    int[] keep = columns.carried();
    for (int i = 0; i < keep.length; i++) out[i] = in.get(keep[i]);
    String text = in.isNullAt(columns.textIn()) ? null : in.getString(columns.textIn());
    List<String> urls = new ArrayList<>();
    for (int idx : columns.urlIn()) {
      if (!in.isNullAt(idx)) urls.add(String.valueOf(in.get(idx)));
    }
    CleanResult r;
    try {
      r = cleaner.clean(text, urls);
    } catch (RuntimeException | StackOverflowError e) {
      out[columns.kindOut()] = CleanColumns.QUARANTINED;
      out[columns.reasonOut()] = CleanStage.CLEAN_ERROR;
      out[columns.detailOut()] = e.getClass().getSimpleName() + ": " + e.getMessage();
      out[columns.scriptsOut()] = CollectionConverters.asScala(Map.<String, Double>of());
      out[columns.qualityOut()] = CollectionConverters.asScala(Map.<String, Double>of());
      out[columns.editsOut()] = CollectionConverters.asScala(Map.<String, Integer>of());
      return RowFactory.create(out);
    }
    out[columns.textOut()] = r.text();
    out[columns.langOut()] = r.lang();
    out[columns.langConfidenceOut()] = r.langConfidence();
    out[columns.scriptsOut()] = CollectionConverters.asScala(r.scripts());
    out[columns.qualityOut()] = CollectionConverters.asScala(r.quality());
    out[columns.qualityScoreOut()] = r.qualityScore();
    out[columns.editsOut()] = CollectionConverters.asScala(r.edits());
    out[columns.kindOut()] = r.kept() ? CleanColumns.KEPT : CleanColumns.DROPPED;
    out[columns.reasonOut()] = r.kept() ? null : r.verdict().reason();
    out[columns.detailOut()] = r.kept() ? null : r.verdict().detail();
    return RowFactory.create(out);
  }
}
