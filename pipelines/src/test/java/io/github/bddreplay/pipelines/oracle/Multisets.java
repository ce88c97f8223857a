package io.github.bddreplay.pipelines.oracle;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Multisets of rows, held as counts per distinct row. */
final class Multisets {
  private Multisets() {}

  static <T> Map<T, Long> of(Collection<T> elements) {
    Map<T, Long> counts = new HashMap<>();
    for (T element : elements) {
      counts.merge(element, 1L, Long::sum);
    }
    return counts;
  }

  /** How many elements the multiset holds, counting repeats. */
  static long size(Map<?, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** What {@code from} holds more often than {@code minus}, with how many more. */
  static <T> Map<T, Long> difference(Map<T, Long> from, Map<T, Long> minus) {
    Map<T, Long> extra = new HashMap<>();
    from.forEach(
        (element, count) -> {
          long more = count - minus.getOrDefault(element, 0L);
          if (more > 0) {
            extra.put(element, more);
          }
        });
    return extra;
  }
}
