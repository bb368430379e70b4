package feedline.common.dedup;

import java.util.HashMap;
import java.util.Map;

/**
 * Union-find over long ids with path halving and union by size, for components small enough to hold
 * in memory (tests, ground truth, per-partition work). Every component is named by its smallest id.
 */
public final class UnionFind {
  private final Map<Long, Long> parent = new HashMap<>();
  private final Map<Long, Integer> size = new HashMap<>();
  private final Map<Long, Long> min = new HashMap<>();

  public void add(long x) {
    if (!parent.containsKey(x)) {
      parent.put(x, x);
      size.put(x, 1);
      min.put(x, x);
    }
  }

  public long find(long x) {
    add(x);
    long p = parent.get(x);
    while (p != x) {
      long gp = parent.get(p);
      parent.put(x, gp);
      x = p;
      p = gp;
    }
    return x;
  }

  public void union(long x, long y) {
    long rx = find(x);
    long ry = find(y);
    if (rx == ry) return;
    if (size.get(rx) < size.get(ry)) {
      long t = rx;
      rx = ry;
      ry = t;
    }
    parent.put(ry, rx);
    size.put(rx, size.get(rx) + size.get(ry));
    min.put(rx, Math.min(min.get(rx), min.get(ry)));
  }

  /** The smallest id in x's component. */
  public long componentMin(long x) {
    return min.get(find(x));
  }

  /** Every id added, mapped to the smallest id of its component. */
  public Map<Long, Long> components() {
    Map<Long, Long> out = new HashMap<>();
    for (Long x : parent.keySet()) out.put(x, componentMin(x));
    return out;
  }
}
