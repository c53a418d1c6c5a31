package dev.meetscope.models.identity;

import java.util.List;

/**
 * How one transcript speaker label or chat sender label was attributed.
 *
 * @param identity the person it belongs to (a roster person, or the label's own person when unmatched)
 * @param method one of {@link MatchMethod}
 * @param score 1 for exact and normalised, the fuzzy score for fuzzy, 0 for unmatched
 * @param flags e.g. {@code ambiguous_label} when several people fit equally well
 */
public record LabelMatch(String label, String identity, String method, double score, List<String> flags) {
  public LabelMatch {
    flags = flags == null ? List.of() : List.copyOf(flags);
  }
}
