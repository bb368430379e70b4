package feedline.jobs.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feedline.common.sft.RowBuilder;
import feedline.common.sft.SplitAssigner;
import feedline.common.sft.TokenizedExample;
import feedline.jobs.spark.PartitionIterators;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Maps input rows to build results: the input's own values followed by {@link BuildColumns#RESULT}. */
final class BuildPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Broadcast<BuildResources> resources;
  private final int keyAt;
  private final int groupAt;
  private final int sourceAt;
  private final int jsonAt;

  BuildPartition(Broadcast<BuildResources> resources, int keyAt, int groupAt, int sourceAt, int jsonAt) {
    this.resources = resources;
    this.keyAt = keyAt;
    this.groupAt = groupAt;
    this.sourceAt = sourceAt;
    this.jsonAt = jsonAt;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    BuildResources res = resources.value();
    RowBuilder builder = res.rowBuilder();
    SplitAssigner splitter = res.settings().splitter();
    return PartitionIterators.map(rows, r -> {
      String key = r.getString(keyAt);
      String group = r.getString(groupAt);
      String source = r.getString(sourceAt);
      String split = splitter.assign(group);
      Object[] result;
      JsonNode node;
      try {
        node = JSON.readTree(r.getString(jsonAt));
      } catch (Exception e) {
        node = null;
      }
      if (node == null || !node.isObject()) {
        result = new Object[] {split, BuildColumns.QUARANTINED, feedline.common.sft.SftReasons.UNKNOWN_SHAPE,
            "row is not a JSON object", null, new String[0], 0, false, false, 0, new Row[0]};
      } else {
        result = outcome(builder.process(node, key, group, source, split), split);
      }
      Object[] values = new Object[r.length() + result.length];
      for (int i = 0; i < r.length(); i++) values[i] = r.get(i);
      System.arraycopy(result, 0, values, r.length(), result.length);
      return RowFactory.create(values);
    });
  }

  private static Object[] outcome(RowBuilder.Outcome o, String split) {
    if (o instanceof RowBuilder.Quarantined q) {
      return new Object[] {split, BuildColumns.QUARANTINED, q.reason(), q.detail(), null, new String[0], 0, false, false, 0,
          new Row[0]};
    }
    if (o instanceof RowBuilder.Dropped d) {
      return new Object[] {split, BuildColumns.DROPPED, d.reason(), d.detail(), null, d.fixes().toArray(new String[0]), 0, false,
          false, 0, new Row[0]};
    }
    RowBuilder.Kept k = (RowBuilder.Kept) o;
    Row[] pieces = new Row[k.pieces().size()];
    for (int i = 0; i < pieces.length; i++) {
      TokenizedExample e = k.pieces().get(i);
      pieces[i] = RowFactory.create(e.exampleId(), e.inputIds(), e.labels());
    }
    return new Object[] {split, BuildColumns.KEPT, null, null, k.shape(), k.fixes().toArray(new String[0]), k.fullTokens(),
        k.truncated(), k.split(), k.unknownTokens(), pieces};
  }
}
