package dev.meetscope.models.analytics.conversation;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Gini coefficient and normalised entropy over value histograms (value → how many people have it), so a
 * 10,000-person meeting where most people have talk time 0 is one map entry, and histograms merge by adding
 * counts.
 */
public final class Inequality {
  private Inequality() {}

  /**
   * Gini = Σᵢ (2i − n − 1)·xᵢ / (n·Σx) over the values sorted ascending (i = 1..n): 0 for equal shares,
   * (n − 1)/n when one person has everything. Null when there are no people or the total is 0.
   */
  public static Double gini(SortedMap<Long, Long> histogram) {
    long n = 0;
    double total = 0;
    for (Map.Entry<Long, Long> e : histogram.entrySet()) {
      n += e.getValue();
      total += (double) e.getKey() * e.getValue();
    }
    if (n == 0 || total <= 0) {
      return null;
    }
    double weighted = 0;
    long before = 0;
    for (Map.Entry<Long, Long> e : histogram.entrySet()) {
      long count = e.getValue();
      // ranks before+1 .. before+count share value x: Σ (2i − n − 1) = count·(2·before + count + 1 − n − 1)
      double rankSum = count * (2.0 * before + count + 1) - count * (n + 1.0);
      weighted += rankSum * e.getKey();
      before += count;
    }
    return weighted / (n * total);
  }

  public static Double gini(long... values) {
    return gini(histogram(values));
  }

  /**
   * Shannon entropy of the shares of the positive values, divided by ln(k) for k positive values, so 1 means
   * perfectly even among those who spoke. 0 for one speaker, null for none.
   */
  public static Double normalisedEntropy(SortedMap<Long, Long> histogram) {
    long k = 0;
    double total = 0;
    for (Map.Entry<Long, Long> e : histogram.entrySet()) {
      if (e.getKey() > 0) {
        k += e.getValue();
        total += (double) e.getKey() * e.getValue();
      }
    }
    if (k == 0) {
      return null;
    }
    if (k == 1) {
      return 0.0;
    }
    double h = 0;
    for (Map.Entry<Long, Long> e : histogram.entrySet()) {
      if (e.getKey() > 0) {
        double p = e.getKey() / total;
        h -= e.getValue() * p * Math.log(p);
      }
    }
    return h / Math.log(k);
  }

  public static Double normalisedEntropy(long... values) {
    return normalisedEntropy(histogram(values));
  }

  public static SortedMap<Long, Long> histogram(long... values) {
    SortedMap<Long, Long> h = new TreeMap<>();
    for (long v : values) {
      h.merge(v, 1L, Long::sum);
    }
    return h;
  }
}
