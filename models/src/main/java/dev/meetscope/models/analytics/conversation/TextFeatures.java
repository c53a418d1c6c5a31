package dev.meetscope.models.analytics.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Word counts, questions, sentence ends and backchannels, as docs/metrics.md defines them.
 *
 * <ul>
 *   <li>Words: runs of letters or digits, joined across an inner apostrophe or hyphen ("don't",
 *       "mm-hmm") and a point or comma between digits ("3.5"); each Han, Hiragana or Katakana character is
 *       a word of its own (Japanese and Chinese are written without spaces).
 *   <li>Sentence end: the text, without trailing spaces, quotes and closing brackets, ends in {@code .},
 *       {@code ?}, {@code !}, {@code …} (or their full-width forms).
 *   <li>Question: ends in {@code ?}/{@code ？}; or opens with an interrogative — a wh-word (what, who, whom,
 *       whose, which, when, where, why, how) or an auxiliary followed by a pronoun ("can you", "do we",
 *       "is it"; but "do it", "do that" are imperatives) — and does not end in {@code .}, {@code !} or {@code …} ("When we started, it was hard."
 *       is a statement).
 *   <li>Backchannel: 1 to {@code maxWords} words, all from {@link #BACKCHANNEL_WORDS} ("yeah", "right",
 *       "mm-hmm", "got it", "thank you").
 * </ul>
 */
public final class TextFeatures {
  static final Set<String> WH_WORDS =
      Set.of("what", "who", "whom", "whose", "which", "when", "where", "why", "how");
  static final Set<String> AUXILIARIES = Set.of("is", "are", "am", "was", "were", "do", "does", "did",
      "can", "could", "will", "would", "should", "shall", "may", "might", "have", "has", "had", "isn't",
      "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "can't", "couldn't", "won't",
      "wouldn't", "shouldn't", "haven't", "hasn't");
  static final Set<String> PRONOUNS = Set.of("i", "you", "we", "they", "he", "she", "it", "there",
      "this", "that", "these", "those", "anyone", "anybody", "everyone", "everybody", "someone",
      "somebody", "y'all");
  static final Set<String> DEMONSTRATIVE_OBJECTS = Set.of("it", "this", "that", "these", "those");
  public static final Set<String> BACKCHANNEL_WORDS = Set.of("yeah", "yes", "yep", "yup", "ya", "right",
      "ok", "okay", "k", "mm", "mmm", "mhm", "mm-hmm", "mm-hm", "mmhmm", "uh-huh", "uh", "um", "hmm", "hm",
      "sure", "true", "exactly", "cool", "great", "nice", "wow", "oh", "ah", "aha", "i", "see", "got",
      "it", "thanks", "thank", "you", "alright", "absolutely", "totally", "indeed", "agreed", "gotcha",
      "really", "perfect", "good", "fine", "correct", "definitely");

  private TextFeatures() {}

  public static int words(String text) {
    if (text == null) {
      return 0;
    }
    int count = 0;
    boolean inRun = false;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (isCjk(cp)) {
        count++;
        inRun = false;
      } else if (Character.isLetterOrDigit(cp)) {
        if (!inRun) {
          count++;
          inRun = true;
        }
      } else if (inRun && joinsWord(text, i, cp)) {
        // apostrophes and hyphens inside a word ("don't", "mm-hmm"), points inside numbers ("3.5")
      } else {
        inRun = false;
      }
      i += Character.charCount(cp);
    }
    return count;
  }

  public static boolean endsSentence(String text) {
    char last = lastSignificant(text);
    return last == '.' || last == '?' || last == '!' || last == '…' || last == '。' || last == '？'
        || last == '！';
  }

  public static boolean isQuestion(String text) {
    char last = lastSignificant(text);
    if (last == '?' || last == '？') {
      return true;
    }
    if (last == '.' || last == '!' || last == '…' || last == '。' || last == '！') {
      return false;
    }
    List<String> words = lowerWords(text, 2);
    if (words.isEmpty()) {
      return false;
    }
    if (WH_WORDS.contains(words.get(0))) {
      return true;
    }
    if (words.size() < 2 || !AUXILIARIES.contains(words.get(0)) || !PRONOUNS.contains(words.get(1))) {
      return false;
    }
    // "Do it now", "Do that again": an imperative, not "Does it work"
    return !(words.get(0).equals("do") && DEMONSTRATIVE_OBJECTS.contains(words.get(1)));
  }

  public static boolean isBackchannel(String text, int maxWords) {
    List<String> words = lowerWords(text, maxWords + 1);
    if (words.isEmpty() || words.size() > maxWords) {
      return false;
    }
    return BACKCHANNEL_WORDS.containsAll(words);
  }

  /** Up to {@code limit} lower-case words, punctuation around them removed. */
  static List<String> lowerWords(String text, int limit) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String raw : text.strip().split("\\s+")) {
      String w = raw.toLowerCase(Locale.ROOT).replace('’', '\'')
          .replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
      if (!w.isEmpty()) {
        out.add(w);
        if (out.size() >= limit) {
          break;
        }
      }
    }
    return out;
  }

  private static char lastSignificant(String text) {
    if (text == null) {
      return 0;
    }
    for (int i = text.length() - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || "\"'”’»)]}）」』".indexOf(c) >= 0) {
        continue;
      }
      return c;
    }
    return 0;
  }

  private static boolean joinsWord(String text, int i, int cp) {
    boolean next = i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1));
    if (cp == '\'' || cp == '’' || cp == '-') {
      return next;
    }
    return (cp == '.' || cp == ',') && next && i > 0 && Character.isDigit(text.charAt(i - 1))
        && Character.isDigit(text.charAt(i + 1));
  }

  private static boolean isCjk(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA;
  }
}
