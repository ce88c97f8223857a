package io.github.bddreplay.pipelines.transforms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * Gathers the values a bundle holds for each key and window into one list, ahead of a GroupByKey.
 * Beam 2.70's Spark runner (RUNNER-WORKAROUNDS.md) keeps a streaming GroupByKey's buffered values
 * as one encoded bag per key and window and decodes and re-encodes the whole bag for every value
 * added, so grouping n single rows costs n² decodes; grouping the lists of each micro-batch costs
 * as many as there are micro-batches. Each list is emitted in its window with the timestamp of its
 * earliest value, so it is no later than any value it carries. Bounded input is not gathered: each
 * value becomes a list of its own.
 */
public final class GroupWithinBundle<K, V>
    extends PTransform<PCollection<KV<K, V>>, PCollection<KV<K, List<V>>>> {

  public static <K, V> GroupWithinBundle<K, V> create() {
    return new GroupWithinBundle<>();
  }

  @Override
  public PCollection<KV<K, List<V>>> expand(PCollection<KV<K, V>> input) {
    KvCoder<K, V> coder = (KvCoder<K, V>) input.getCoder();
    Coder<KV<K, List<V>>> outputCoder =
        KvCoder.of(coder.getKeyCoder(), ListCoder.of(coder.getValueCoder()));
    if (input.isBounded() == PCollection.IsBounded.BOUNDED) {
      return input
          .apply("One list per value", ParDo.of(new SingletonListFn<K, V>()))
          .setCoder(outputCoder);
    }
    return input
        .apply("Gather values per key and window", ParDo.of(new GatherFn<K, V>()))
        .setCoder(outputCoder);
  }

  /**
   * A bounded bundle on Spark is a whole partition: gathering it would hold the partition in
   * memory, and a batch grouping has no per-value cost to save.
   */
  static final class SingletonListFn<K, V> extends DoFn<KV<K, V>, KV<K, List<V>>> {
    @ProcessElement
    public void processElement(@Element KV<K, V> element, OutputReceiver<KV<K, List<V>>> out) {
      out.output(KV.of(element.getKey(), List.of(element.getValue())));
    }
  }

  /** A key within a window. */
  private record Group(@Nullable Object key, BoundedWindow window) {}

  /** The values of one group so far, and the earliest timestamp among them. */
  private static final class Gathered<K, V> {
    final K key;
    final List<V> values = new ArrayList<>();
    Instant earliest = BoundedWindow.TIMESTAMP_MAX_VALUE;

    Gathered(K key) {
      this.key = key;
    }
  }

  static final class GatherFn<K, V> extends DoFn<KV<K, V>, KV<K, List<V>>> {
    private transient Map<Group, Gathered<K, V>> groups;

    @StartBundle
    public void startBundle() {
      groups = new HashMap<>();
    }

    @ProcessElement
    public void processElement(
        @Element KV<K, V> element, @Timestamp Instant timestamp, BoundedWindow window) {
      Gathered<K, V> gathered =
          groups.computeIfAbsent(
              new Group(element.getKey(), window), group -> new Gathered<>(element.getKey()));
      gathered.values.add(element.getValue());
      if (timestamp.isBefore(gathered.earliest)) {
        gathered.earliest = timestamp;
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      groups.forEach(
          (group, gathered) ->
              context.output(
                  KV.of(gathered.key, gathered.values), gathered.earliest, group.window()));
      groups = null;
    }
  }
}
