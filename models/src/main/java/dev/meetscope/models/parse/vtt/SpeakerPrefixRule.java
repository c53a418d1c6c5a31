package dev.meetscope.models.parse.vtt;

import dev.meetscope.models.identity.NameNormalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether the text before the first {@code ": "} of a cue is a speaker's display name
 * (zoom-formats.md §1.1, §6 #11). Two modes:
 *
 * <ul>
 *   <li><b>Known names</b> (the participant report gave at least one name): the prefix is a speaker only if
 *       its normalised form equals a known name's normalised form. This is what keeps {@code "Note: …"} a
 *       speakerless cue.
 *   <li><b>No known names</b>: a shape heuristic, see {@link #looksLikeName}.
 * </ul>
 */
final class SpeakerPrefixRule {
  static final int MAX_NAME_CHARS = 80;
  static final int MAX_NAME_WORDS = 8;

  /** Single words people write before a colon that are labels, not speakers ("Note: …"). */
  private static final Set<String> LABEL_WORDS = Set.of("note", "nb", "ps", "p.s", "update", "reminder",
      "question", "answer", "edit", "fyi", "todo", "action", "warning", "tip", "example", "summary",
      "agenda", "re", "subject", "link", "correction");

  /** English function words: a prefix containing one reads as a clause, not a name. */
  private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "and", "or", "but", "so",
      "is", "are", "was", "were", "be", "i", "i'm", "i’m", "we", "you", "it", "it's", "it’s", "that",
      "this", "to", "of", "in", "on", "for", "with", "my", "our", "your", "what", "which", "how", "why",
      "because", "if", "then", "well", "just", "here's", "here’s", "there", "there's", "there’s");

  private static final Pattern SENTENCE_PUNCTUATION = Pattern.compile("[?!;\"“”]");
  private static final Pattern WORD_SPLIT = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  private final Set<String> knownNormalised;
  private final Map<String, Integer> prefixCounts;

  /**
   * @param knownNames display names from the participant report (may be empty)
   * @param prefixCounts how often each stripped prefix opens a cue in this file: a label Zoom repeats on
   *     many cues is a speaker even if it contains a function word ("Lee of Example Lab")
   */
  SpeakerPrefixRule(Collection<String> knownNames, Map<String, Integer> prefixCounts) {
    Set<String> known = new HashSet<>();
    for (String n : knownNames) {
      String norm = NameNormalizer.normalize(n);
      if (norm != null && !norm.isEmpty()) {
        known.add(norm);
      }
    }
    this.knownNormalised = known;
    this.prefixCounts = prefixCounts;
  }

  boolean hasKnownNames() {
    return !knownNormalised.isEmpty();
  }

  boolean isSpeaker(String prefix) {
    if (prefix == null || prefix.isBlank()) {
      return false;
    }
    if (hasKnownNames()) {
      return knownNormalised.contains(NameNormalizer.normalize(prefix));
    }
    return looksLikeName(prefix.strip(), prefixCounts.getOrDefault(prefix.strip(), 0));
  }

  /**
   * The heuristic used when no names are known. A prefix is a name when it is at most 80 characters and 8
   * words, holds none of {@code ? ! ; "} (names carry {@code . , ( ) / ’} but not these), does not end
   * with {@code .} or {@code ,}, is not a single label word like {@code Note}, and either opens at least two
   * cues in the file or contains no English function word ("well I'm", "the plan is").
   */
  static boolean looksLikeName(String prefix, int occurrences) {
    if (prefix.isEmpty() || prefix.length() > MAX_NAME_CHARS) {
      return false;
    }
    if (SENTENCE_PUNCTUATION.matcher(prefix).find() || prefix.endsWith(".") || prefix.endsWith(",")) {
      return false;
    }
    String[] words = WORD_SPLIT.split(prefix);
    if (words.length > MAX_NAME_WORDS) {
      return false;
    }
    if (words.length == 1 && LABEL_WORDS.contains(words[0].toLowerCase(Locale.ROOT))) {
      return false;
    }
    if (occurrences >= 2) {
      return true;
    }
    for (String w : words) {
      if (FUNCTION_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }
}
