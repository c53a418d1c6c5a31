package dev.meetscope.models.nlp.sentiment;

/**
 * CoreNLP's five sentiment classes (very negative … very positive) as one number in [0, 1]:
 * {@code Σ pᵢ·i/4} over the class probabilities (docs/metrics.md), so 0.5 is neutral.
 */
public final class SentimentScale {
  private SentimentScale() {}

  public static double score(double[] probabilities) {
    if (probabilities.length != 5) {
      throw new IllegalArgumentException("expected 5 class probabilities, got " + probabilities.length);
    }
    double s = 0;
    for (int i = 0; i < 5; i++) {
      s += probabilities[i] * i / 4.0;
    }
    return Math.max(0.0, Math.min(1.0, s));
  }
}
