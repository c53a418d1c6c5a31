package dev.meetscope.models.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Matches one label (a transcript speaker or chat sender as written) to the people of a roster, in order:
 *
 * <ol>
 *   <li>{@code exact}: the label equals one of a person's names (display or original) character for
 *       character, after trimming;
 *   <li>{@code normalised}: equal {@link NameKeys#strict strict} keys, else equal {@link NameKeys#loose
 *       loose} keys (case, accents, whitespace, brackets such as {@code (Original Name)},
 *       {@code (she/her)}, {@code (SL)}, {@code (Host)}, device names, {@code Last, First});
 *   <li>{@code fuzzy}: the best {@link FuzzyNameScore} over the person's names is at least the threshold
 *       (default 0.92) and beats every other person's best by at least the margin (default 0.05).
 * </ol>
 *
 * At any level, a label that fits several people equally is not attributed to any of them
 * ({@code unmatched}, flag {@code ambiguous_label}): the caller keeps it as its own speaker.
 */
public final class NameMatcher {
  public static final double DEFAULT_FUZZY_THRESHOLD = 0.92;
  public static final double DEFAULT_FUZZY_MARGIN = 0.05;

  private final Map<String, Set<String>> exact = new HashMap<>();
  private final Map<String, Set<String>> strict = new HashMap<>();
  private final Map<String, Set<String>> loose = new HashMap<>();
  /** Sorted so ties between equally good candidates resolve the same way on every run. */
  private final Map<String, List<FuzzyNameScore.Tokens>> looseKeysByPerson = new TreeMap<>();
  private final double threshold;
  private final double margin;

  public NameMatcher(List<PersonIdentity> roster, double threshold, double margin) {
    this.threshold = threshold;
    this.margin = margin;
    for (PersonIdentity p : roster) {
      for (String alias : p.aliases()) {
        index(exact, alias.strip(), p.identity());
        index(strict, NameKeys.strict(alias), p.identity());
        String looseKey = NameKeys.loose(alias);
        index(loose, looseKey, p.identity());
        if (looseKey != null) {
          List<FuzzyNameScore.Tokens> keys =
              looseKeysByPerson.computeIfAbsent(p.identity(), k -> new ArrayList<>());
          if (keys.stream().noneMatch(t -> t.key().equals(looseKey))) {
            keys.add(FuzzyNameScore.Tokens.of(looseKey));
          }
        }
      }
    }
  }

  public NameMatcher(List<PersonIdentity> roster) {
    this(roster, DEFAULT_FUZZY_THRESHOLD, DEFAULT_FUZZY_MARGIN);
  }

  /** The match; {@code identity} is null when the label is unmatched. */
  public LabelMatch match(String label) {
    if (label == null || label.isBlank()) {
      return new LabelMatch(label, null, MatchMethod.UNMATCHED, 0, List.of());
    }
    LabelMatch m = lookup(label, exact.get(label.strip()), MatchMethod.EXACT);
    if (m == null) {
      m = lookup(label, strict.get(NameKeys.strict(label)), MatchMethod.NORMALISED);
    }
    String looseKey = NameKeys.loose(label);
    if (m == null) {
      m = lookup(label, loose.get(looseKey), MatchMethod.NORMALISED);
    }
    return m != null ? m : fuzzy(label, looseKey);
  }

  private LabelMatch lookup(String label, Set<String> identities, String method) {
    if (identities == null || identities.isEmpty()) {
      return null;
    }
    if (identities.size() > 1) {
      return new LabelMatch(label, null, MatchMethod.UNMATCHED, 0, List.of("ambiguous_label"));
    }
    return new LabelMatch(label, identities.iterator().next(), method, 1.0, List.of());
  }

  private LabelMatch fuzzy(String label, String looseKey) {
    String best = null;
    double bestScore = 0;
    double second = 0;
    FuzzyNameScore.Tokens labelTokens = FuzzyNameScore.Tokens.of(looseKey);
    for (Map.Entry<String, List<FuzzyNameScore.Tokens>> person : looseKeysByPerson.entrySet()) {
      double score = 0;
      for (FuzzyNameScore.Tokens candidate : person.getValue()) {
        score = Math.max(score, FuzzyNameScore.score(labelTokens, candidate));
      }
      if (score > bestScore) {
        second = bestScore;
        bestScore = score;
        best = person.getKey();
      } else if (score > second) {
        second = score;
      }
    }
    if (best == null || bestScore < threshold) {
      return new LabelMatch(label, null, MatchMethod.UNMATCHED, 0, List.of());
    }
    if (bestScore - second < margin) {
      return new LabelMatch(label, null, MatchMethod.UNMATCHED, 0, List.of("ambiguous_label"));
    }
    return new LabelMatch(label, best, MatchMethod.FUZZY, bestScore, List.of());
  }

  private static void index(Map<String, Set<String>> map, String key, String identity) {
    if (key != null && !key.isEmpty()) {
      map.computeIfAbsent(key, k -> new TreeSet<>()).add(identity);
    }
  }
}
