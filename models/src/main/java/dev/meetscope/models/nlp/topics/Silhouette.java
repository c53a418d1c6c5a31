package dev.meetscope.models.nlp.topics;

/**
 * Mean silhouette of a clustering under cosine distance ({@code 1 − cos}): for each point,
 * {@code (b − a) / max(a, b)} with {@code a} its mean distance to its own cluster and {@code b} the smallest
 * mean distance to another cluster; a point alone in its cluster scores 0 (Rousseeuw 1987).
 */
final class Silhouette {
  private Silhouette() {}

  static double mean(double[][] distance, int[] labels, int k) {
    int n = labels.length;
    if (k < 2 || n < 3) {
      return 0;
    }
    int[] sizes = new int[k];
    for (int l : labels) {
      sizes[l]++;
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
      if (sizes[labels[i]] <= 1) {
        continue;
      }
      double[] sum = new double[k];
      for (int j = 0; j < n; j++) {
        if (j != i) {
          sum[labels[j]] += distance[i][j];
        }
      }
      double a = sum[labels[i]] / (sizes[labels[i]] - 1);
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c != labels[i] && sizes[c] > 0) {
          b = Math.min(b, sum[c] / sizes[c]);
        }
      }
      double max = Math.max(a, b);
      total += max == 0 ? 0 : (b - a) / max;
    }
    return total / n;
  }

  static double[][] cosineDistances(SparseVector[] docs) {
    int n = docs.length;
    double[][] d = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double v = Math.max(0, 1 - docs[i].dot(docs[j]));
        d[i][j] = v;
        d[j][i] = v;
      }
    }
    return d;
  }
}
