package dev.meetscope.models.scoring;

import dev.meetscope.models.analytics.Rounding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A score in [0, 100] as the weighted mean of components in [0, 1]. A component that could not be computed
 * (null) is left out and the remaining weights are re-normalised; with none left the score is null. Each
 * component's {@code points} are its share of the score ({@code 100 · w · value / Σ w of present components}),
 * so the points of a score add up to it: that is the explanation written beside it.
 *
 * @param score the score, rounded to 6 decimals; null when no component is present
 * @param parts every configured component in profile order, present or not
 */
public record WeightedScore(Double score, List<Part> parts) {
  /**
   * One component of a score.
   *
   * @param value in [0, 1], or null when it could not be computed
   * @param weight the configured weight
   * @param points {@code 100 · weight · value / Σ present weights}; null when the value is null
   */
  public record Part(String component, Double value, double weight, Double points) {}

  public WeightedScore {
    parts = List.copyOf(parts);
  }

  /** Combines {@code values} (component → value in [0, 1] or null) with {@code weights}. */
  public static WeightedScore of(Map<String, Double> weights, Map<String, Double> values) {
    double presentWeight = 0;
    for (Map.Entry<String, Double> w : weights.entrySet()) {
      if (values.get(w.getKey()) != null) {
        presentWeight += w.getValue();
      }
    }
    List<Part> parts = new ArrayList<>();
    double sum = 0;
    for (Map.Entry<String, Double> w : weights.entrySet()) {
      Double v = values.get(w.getKey());
      if (v != null && (v < 0 || v > 1 || v.isNaN())) {
        throw new IllegalArgumentException(w.getKey() + " must be in [0, 1], got " + v);
      }
      Double points = v == null || presentWeight == 0 ? null : 100 * w.getValue() * v / presentWeight;
      if (points != null) {
        sum += points;
      }
      parts.add(new Part(w.getKey(), Rounding.round6(v), w.getValue(), Rounding.round6(points)));
    }
    return new WeightedScore(presentWeight == 0 ? null : Rounding.round6(sum), parts);
  }

  /** The component values by name (null for absent ones), in profile order. */
  public Map<String, Double> values() {
    Map<String, Double> values = new LinkedHashMap<>();
    parts.forEach(p -> values.put(p.component(), p.value()));
    return Collections.unmodifiableMap(values);
  }

  public Double value(String component) {
    for (Part p : parts) {
      if (p.component().equals(component)) {
        return p.value();
      }
    }
    return null;
  }
}
