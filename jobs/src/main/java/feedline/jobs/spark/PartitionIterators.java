package feedline.jobs.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Lazy iterators for {@code mapPartitions} functions: a partition is never pulled into memory, only
 * one row (or one batch) at a time.
 */
public final class PartitionIterators {
  private PartitionIterators() {}

  /** Each input becomes one output, computed when it is asked for. */
  public static <T, R> Iterator<R> map(Iterator<T> in, Function<? super T, ? extends R> f) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return in.hasNext();
      }

      @Override
      public R next() {
        return f.apply(in.next());
      }
    };
  }

  /**
   * Inputs are taken in batches of at most {@code size}; each batch becomes any number of outputs
   * (none, one per input, or more), handed out in order before the next batch is read.
   */
  public static <T, R> Iterator<R> batched(Iterator<T> in, int size, Function<List<T>, ? extends List<? extends R>> f) {
    if (size < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + size);
    return new Iterator<>() {
      private List<? extends R> pending = List.of();
      private int pos;

      @Override
      public boolean hasNext() {
        while (pos >= pending.size()) {
          if (!in.hasNext()) return false;
          List<T> batch = new ArrayList<>(Math.min(size, 1024));
          while (batch.size() < size && in.hasNext()) batch.add(in.next());
          pending = f.apply(batch);
          pos = 0;
        }
        return true;
      }

      @Override
      public R next() {
        if (!hasNext()) throw new NoSuchElementException();
        return pending.get(pos++);
      }
    };
  }
}
