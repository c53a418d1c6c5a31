package dev.meetscope.models.identity;

/**
 * Jaro–Winkler similarity (Winkler 1990): Jaro similarity plus a bonus for a common prefix of up to 4
 * characters, scaling factor 0.1. Works on UTF-16 code units, which is enough for name keys.
 */
public final class JaroWinkler {
  private JaroWinkler() {}

  public static double similarity(String a, String b) {
    double jaro = jaro(a, b);
    int prefix = 0;
    int max = Math.min(4, Math.min(a.length(), b.length()));
    while (prefix < max && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    return jaro + prefix * 0.1 * (1 - jaro);
  }

  public static double jaro(String a, String b) {
    if (a.equals(b)) {
      return 1.0;
    }
    if (a.isEmpty() || b.isEmpty()) {
      return 0.0;
    }
    int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
    boolean[] aMatched = new boolean[a.length()];
    boolean[] bMatched = new boolean[b.length()];
    int matches = 0;
    for (int i = 0; i < a.length(); i++) {
      int from = Math.max(0, i - window);
      int to = Math.min(b.length() - 1, i + window);
      for (int j = from; j <= to; j++) {
        if (!bMatched[j] && a.charAt(i) == b.charAt(j)) {
          aMatched[i] = true;
          bMatched[j] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0.0;
    }
    int outOfOrder = 0;
    int j = 0;
    for (int i = 0; i < a.length(); i++) {
      if (aMatched[i]) {
        while (!bMatched[j]) {
          j++;
        }
        if (a.charAt(i) != b.charAt(j)) {
          outOfOrder++;
        }
        j++;
      }
    }
    double m = matches;
    double transpositions = outOfOrder / 2.0;
    return (m / a.length() + m / b.length() + (m - transpositions) / m) / 3.0;
  }
}
