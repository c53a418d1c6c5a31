package dev.meetscope.models.governance;

import dev.meetscope.models.identity.NameNormalizer;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The normalised forms under which a display name is compared for opt-out. Zoom names carry trailing
 * parenthesised parts: pronouns {@code (she/her)}, roles {@code (Host)}, organisations, and the
 * {@code New Name (Original Name)} of a rename.
 *
 * <p>A name that is <em>listed</em> (opt-out line, or the name of a session already known to be opted out)
 * contributes its normalised form and the form with trailing parenthesised parts removed. A name that is
 * <em>looked up</em> (a transcript label, chat sender, participant name) additionally contributes the inside
 * of each trailing parenthesis, so {@code Grace Sample (Ada Example)} is caught when Ada opted out. Inner
 * parts are never listed, so a listed {@code Ada Example (she/her)} cannot make every {@code (she/her)}
 * match.
 */
final class NameVariants {
  private NameVariants() {}

  /** Forms stored for a listed name: full and without trailing parentheses. Empty for blank names. */
  static Set<String> listed(String name) {
    return variants(name, false);
  }

  /** Forms tried for a looked-up name: the listed forms plus the inside of each trailing parenthesis. */
  static Set<String> lookedUp(String name) {
    return variants(name, true);
  }

  private static Set<String> variants(String name, boolean withInner) {
    Set<String> out = new LinkedHashSet<>();
    String n = NameNormalizer.normalize(name);
    if (n == null || n.isEmpty()) {
      return out;
    }
    out.add(n);
    String current = n;
    while (current.endsWith(")")) {
      int open = matchingOpen(current);
      if (open <= 0) {
        break;
      }
      String inner = current.substring(open + 1, current.length() - 1).strip();
      current = current.substring(0, open).strip();
      if (current.isEmpty()) {
        break;
      }
      out.add(current);
      if (withInner && !inner.isEmpty()) {
        out.add(inner);
      }
    }
    return out;
  }

  /** Index of the {@code (} matching the final {@code )}, or -1 when unbalanced. */
  private static int matchingOpen(String s) {
    int depth = 0;
    for (int i = s.length() - 1; i >= 0; i--) {
      char c = s.charAt(i);
      if (c == ')') {
        depth++;
      } else if (c == '(') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }
}
