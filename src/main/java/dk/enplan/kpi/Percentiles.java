package dk.enplan.kpi;

import java.util.Map;
import java.util.NavigableMap;

/** Exact percentiles from a histogram (value → how many), as PostgreSQL's {@code percentile_cont} computes them. */
final class Percentiles {

  private Percentiles() {
  }

  /** Linear interpolation between the two closest ranks; null for an empty histogram. */
  static Double of(NavigableMap<Integer, Long> histogram, double fraction) {
    long n = histogram.values().stream().mapToLong(Long::longValue).sum();
    if (n == 0) {
      return null;
    }
    double position = fraction * (n - 1);
    long lower = (long) Math.floor(position);
    long upper = (long) Math.ceil(position);
    double low = valueAt(histogram, lower);
    double high = valueAt(histogram, upper);
    return low + (position - lower) * (high - low);
  }

  /** The value at 0-based rank {@code rank} of the sorted values. */
  private static int valueAt(NavigableMap<Integer, Long> histogram, long rank) {
    long seen = 0;
    for (Map.Entry<Integer, Long> entry : histogram.entrySet()) {
      seen += entry.getValue();
      if (rank < seen) {
        return entry.getKey();
      }
    }
    return histogram.lastKey();
  }
}
