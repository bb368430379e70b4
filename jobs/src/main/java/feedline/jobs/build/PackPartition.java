package feedline.jobs.build;

import feedline.common.sft.Packer;
import feedline.common.sft.TokenizedExample;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Packs examples within each (split, bucket) run of a partition sorted by split, bucket and example
 * id. Input columns: example_id, group_id, source, split, input_ids, labels, doc_ids, bucket;
 * output: {@link BuildColumns#SHARD}.
 */
final class PackPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private final int maxTokens;

  PackPartition(int maxTokens) {
    this.maxTokens = maxTokens;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    List<Row> out = new ArrayList<>();
    List<Row> group = new ArrayList<>();
    String at = null;
    while (rows.hasNext()) {
      Row r = rows.next();
      String key = r.getString(3) + "/" + r.getInt(7);
      if (at != null && !Objects.equals(at, key)) {
        pack(group, out);
        group.clear();
      }
      at = key;
      group.add(r);
    }
    pack(group, out);
    return out.iterator();
  }

  private void pack(List<Row> group, List<Row> out) {
    if (group.isEmpty()) return;
    List<TokenizedExample> examples = new ArrayList<>(group.size());
    int[] lengths = new int[group.size()];
    for (int i = 0; i < group.size(); i++) {
      Row r = group.get(i);
      examples.add(TokenizedExample.single(r.getString(0), r.getString(1), r.getString(2), r.getString(3), ints(r.getList(4)),
          ints(r.getList(5))));
      lengths[i] = examples.get(i).numTokens();
    }
    for (int[] bin : Packer.plan(lengths, maxTokens)) {
      List<TokenizedExample> parts = new ArrayList<>(bin.length);
      List<String> docs = new ArrayList<>();
      for (int i : bin) {
        parts.add(examples.get(i));
        docs.addAll(group.get(i).getList(6));
      }
      out.add(BuildStage.shardRow(Packer.merge(parts), docs));
    }
  }

  static int[] ints(List<Integer> l) {
    int[] a = new int[l.size()];
    for (int i = 0; i < a.length; i++) a[i] = l.get(i);
    return a;
  }

}
