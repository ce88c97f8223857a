package io.github.bddreplay.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Median, 90th percentile and maximum of a sample, by the nearest-rank method: each is a value of
 * the sample (the median of an even-sized sample is the lower middle value).
 */
public record Distribution(int count, double median, double p90, double max) {
  public static Distribution of(Collection<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values to summarise");
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Distribution(
        sorted.length,
        nearestRank(sorted, 0.5),
        nearestRank(sorted, 0.9),
        sorted[sorted.length - 1]);
  }

  /** The smallest value with at least {@code fraction} of the sample at or below it. */
  static double nearestRank(double[] sorted, double fraction) {
    int rank = (int) Math.ceil(fraction * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  public Map<String, Object> toJson(String unit) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("unit", unit);
    json.put("n", count);
    json.put("median", rounded(median));
    json.put("p90", rounded(p90));
    json.put("max", rounded(max));
    return json;
  }

  /** Three decimals: milliseconds of seconds; no figure here is finer. */
  private static double rounded(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
