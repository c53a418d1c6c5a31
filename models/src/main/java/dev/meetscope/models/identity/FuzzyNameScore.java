package dev.meetscope.models.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The conservative fuzzy score of two loose name keys (see {@link NameKeys#loose(String)}), in [0, 1]:
 *
 * <ul>
 *   <li>1.0 when the keys are equal;
 *   <li>0.95 when the words of the shorter name (at least 2 words) are all words of the longer one
 *       ({@code lee placeholder} ⊂ {@code lee p placeholder}, {@code grace sample} ⊂
 *       {@code dr grace sample});
 *   <li>otherwise, for names with the same number of words (2 to 6), the best one-to-one pairing of
 *       words, scored by its <em>weakest</em> pair's Jaro–Winkler similarity: a typo in one word
 *       ({@code grace sampel}) scores high, a different surname ({@code grace sampson}) scores low
 *       whatever the shared first name. Word order does not matter ({@code sample grace}).
 *   <li>0 for everything else, including any name of a single word: one word is too little evidence.
 * </ul>
 */
public final class FuzzyNameScore {
  static final double SUBSET_SCORE = 0.95;
  private static final int MAX_WORDS = 6;

  private FuzzyNameScore() {}

  public static double score(String looseA, String looseB) {
    if (looseA == null || looseB == null) {
      return 0.0;
    }
    return score(Tokens.of(looseA), Tokens.of(looseB));
  }

  /** A loose key split into words once, for scoring one label against many candidates. */
  public record Tokens(String key, List<String> words, Set<String> wordSet) {
    public static Tokens of(String looseKey) {
      List<String> words = NameKeys.tokens(looseKey);
      return new Tokens(looseKey, words, new HashSet<>(words));
    }
  }

  public static double score(Tokens a, Tokens b) {
    if (a.key() == null || b.key() == null) {
      return 0.0;
    }
    if (a.key().equals(b.key())) {
      return 1.0;
    }
    if (a.words().size() < 2 || b.words().size() < 2) {
      return 0.0;
    }
    if (a.words().size() != b.words().size()) {
      Tokens shorter = a.words().size() < b.words().size() ? a : b;
      Tokens longer = shorter == a ? b : a;
      return longer.wordSet().containsAll(shorter.words()) ? SUBSET_SCORE : 0.0;
    }
    if (a.words().size() > MAX_WORDS) {
      return 0.0;
    }
    return bestWeakestPair(a.words(), b.words(), 0, new boolean[b.words().size()], 1.0);
  }

  /** Max over pairings of the min pair similarity (names have few words, so brute force is fine). */
  private static double bestWeakestPair(List<String> a, List<String> b, int i, boolean[] used,
      double weakestSoFar) {
    if (i == a.size()) {
      return weakestSoFar;
    }
    double best = 0.0;
    for (int j = 0; j < b.size(); j++) {
      if (used[j]) {
        continue;
      }
      double pair = JaroWinkler.similarity(a.get(i), b.get(j));
      double weakest = Math.min(weakestSoFar, pair);
      if (weakest <= best) {
        continue;
      }
      used[j] = true;
      best = Math.max(best, bestWeakestPair(a, b, i + 1, used, weakest));
      used[j] = false;
    }
    return best;
  }
}
