package io.github.bddreplay.bench;

import java.util.List;

/** The trend of a figure over time, for "does it keep growing" targets. */
final class LeastSquares {
  private LeastSquares() {}

  /** Least-squares slope of y over x. */
  static double slope(List<Double> x, List<Double> y) {
    double meanX = x.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double meanY = y.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double covariance = 0;
    double variance = 0;
    for (int i = 0; i < x.size(); i++) {
      covariance += (x.get(i) - meanX) * (y.get(i) - meanY);
      variance += (x.get(i) - meanX) * (x.get(i) - meanX);
    }
    return variance == 0 ? 0 : covariance / variance;
  }
}
