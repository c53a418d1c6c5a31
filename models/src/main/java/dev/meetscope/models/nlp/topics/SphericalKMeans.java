package dev.meetscope.models.nlp.topics;

import java.util.Random;

/**
 * k-means on unit vectors with cosine similarity (spherical k-means), k-means++ seeding from a fixed seed and
 * a few restarts; the restart with the highest total similarity wins. Deterministic for a given seed.
 */
final class SphericalKMeans {
  private static final int RESTARTS = 6;
  private static final int MAX_ITERATIONS = 50;

  private SphericalKMeans() {}

  /** Cluster index of every vector (all unit length), in [0, k). */
  static int[] cluster(SparseVector[] docs, int dims, int k, long seed) {
    Random random = new Random(seed);
    int[] best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < RESTARTS; r++) {
      int[] labels = run(docs, dims, k, random);
      double score = cohesion(docs, dims, k, labels);
      if (score > bestScore + 1e-12) {
        bestScore = score;
        best = labels;
      }
    }
    return best;
  }

  private static int[] run(SparseVector[] docs, int dims, int k, Random random) {
    double[][] centroids = seed(docs, dims, k, random);
    int[] labels = new int[docs.length];
    java.util.Arrays.fill(labels, -1);
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      boolean changed = false;
      for (int d = 0; d < docs.length; d++) {
        int arg = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          double sim = docs[d].dot(centroids[c]);
          if (sim > max + 1e-12) {
            max = sim;
            arg = c;
          }
        }
        if (labels[d] != arg) {
          labels[d] = arg;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
      centroids = centroids(docs, dims, k, labels, centroids);
    }
    return labels;
  }

  /** k-means++: each next centre is drawn with probability proportional to its distance from the nearest. */
  private static double[][] seed(SparseVector[] docs, int dims, int k, Random random) {
    double[][] centroids = new double[k][];
    int first = random.nextInt(docs.length);
    centroids[0] = dense(docs[first], dims);
    double[] distance = new double[docs.length];
    for (int c = 1; c < k; c++) {
      double total = 0;
      for (int d = 0; d < docs.length; d++) {
        double nearest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < c; j++) {
          nearest = Math.min(nearest, Math.max(0, 1 - docs[d].dot(centroids[j])));
        }
        distance[d] = nearest * nearest;
        total += distance[d];
      }
      int pick = docs.length - 1;
      if (total > 0) {
        double x = random.nextDouble() * total;
        for (int d = 0; d < docs.length; d++) {
          x -= distance[d];
          if (x <= 0) {
            pick = d;
            break;
          }
        }
      } else {
        pick = random.nextInt(docs.length);
      }
      centroids[c] = dense(docs[pick], dims);
    }
    return centroids;
  }

  /** Normalised mean of each cluster; an emptied cluster keeps its previous centre. */
  static double[][] centroids(SparseVector[] docs, int dims, int k, int[] labels, double[][] previous) {
    double[][] c = new double[k][dims];
    int[] counts = new int[k];
    for (int d = 0; d < docs.length; d++) {
      docs[d].addTo(c[labels[d]]);
      counts[labels[d]]++;
    }
    for (int j = 0; j < k; j++) {
      if (counts[j] == 0 && previous != null) {
        c[j] = previous[j];
        continue;
      }
      double norm = 0;
      for (double v : c[j]) {
        norm += v * v;
      }
      norm = Math.sqrt(norm);
      if (norm > 0) {
        for (int i = 0; i < dims; i++) {
          c[j][i] /= norm;
        }
      }
    }
    return c;
  }

  private static double cohesion(SparseVector[] docs, int dims, int k, int[] labels) {
    double[][] c = centroids(docs, dims, k, labels, null);
    double s = 0;
    for (int d = 0; d < docs.length; d++) {
      s += docs[d].dot(c[labels[d]]);
    }
    return s;
  }

  private static double[] dense(SparseVector v, int dims) {
    double[] out = new double[dims];
    v.addTo(out);
    return out;
  }
}
