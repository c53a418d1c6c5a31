package dev.meetscope.models.governance;

import dev.meetscope.models.identity.NameNormalizer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces every occurrence of given names, emails and keys in free text (dead-letter raw text and messages,
 * chat and transcript text, file paths) with {@value #MARK}.
 *
 * <p>Matching is case-insensitive and Unicode-aware. Names are compared normalised: any run of whitespace,
 * U+3000 or U+00A0 in the text matches one space of the name, and the text is put in NFC first. A term
 * must not touch a letter or digit on either side, so {@code Lee} does not hit {@code Leeds}; since names
 * are bounded only by non-letters, {@code Ada Example (Ada’s iPhone)}, {@code Ada Example:} and
 * {@code From Ada Example to Everyone} all lose the name. Between CJK characters no space is required
 * ({@code 山田 花子} also matches {@code 山田花子}) and no boundary is checked, as CJK text has no spaces.
 * Longer terms win over shorter ones that they contain. Text without a match is returned unchanged (same
 * instance).
 */
public final class Redactor {
  public static final String MARK = "[redacted]";
  /** Keys shorter than this are not searched in free text: {@code 12} would erase unrelated numbers. */
  public static final int MIN_KEY_LENGTH = 4;

  private static final String SPACE_IN_TEXT = "[\\s\\u3000\\u00A0]+";
  private static final String OPTIONAL_SPACE_IN_TEXT = "[\\s\\u3000\\u00A0]*";
  private static final String NOT_AFTER_WORD = "(?<![\\p{L}\\p{N}])";
  private static final String NOT_BEFORE_WORD = "(?![\\p{L}\\p{N}])";
  private static final String NOT_AFTER_EMAIL_CHAR = "(?<![\\p{L}\\p{N}._%+-])";
  private static final String NOT_BEFORE_EMAIL_CHAR = "(?![\\p{L}\\p{N}_-])";

  private static final Redactor NONE = new Redactor(null);

  private final Pattern pattern;

  private Redactor(Pattern pattern) {
    this.pattern = pattern;
  }

  public static Redactor none() {
    return NONE;
  }

  /**
   * @param names display names (any form: they are normalised here)
   * @param emails email addresses
   * @param keys customer keys and ids, matched literally; those under {@link #MIN_KEY_LENGTH} are skipped
   */
  public static Redactor of(Collection<String> names, Collection<String> emails,
      Collection<String> keys) {
    List<String[]> terms = new ArrayList<>(); // {source text for length ordering, regex}
    Set<String> seen = new LinkedHashSet<>();
    for (String name : names) {
      String n = NameNormalizer.normalize(name);
      if (n != null && !n.isEmpty() && seen.add("n:" + n)) {
        terms.add(new String[] {n, nameRegex(n)});
      }
    }
    for (String email : emails) {
      String e = email == null ? "" : email.strip();
      if (!e.isEmpty() && seen.add("e:" + e.toLowerCase(java.util.Locale.ROOT))) {
        terms.add(new String[] {e, NOT_AFTER_EMAIL_CHAR + Pattern.quote(e) + NOT_BEFORE_EMAIL_CHAR});
      }
    }
    for (String key : keys) {
      String k = key == null ? "" : key.strip();
      if (k.length() >= MIN_KEY_LENGTH && seen.add("k:" + k)) {
        terms.add(new String[] {k, boundedLiteral(k)});
      }
    }
    if (terms.isEmpty()) {
      return NONE;
    }
    terms.sort(Comparator.comparingInt((String[] t) -> t[0].length()).reversed()
        .thenComparing(t -> t[0]));
    StringBuilder alternation = new StringBuilder();
    for (String[] t : terms) {
      if (alternation.length() > 0) {
        alternation.append('|');
      }
      alternation.append("(?:").append(t[1]).append(')');
    }
    return new Redactor(Pattern.compile(alternation.toString(),
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
  }

  public boolean isEmpty() {
    return pattern == null;
  }

  /** The text with every term replaced by {@value #MARK}; null stays null. */
  public String redact(String text) {
    if (pattern == null || text == null || text.isEmpty()) {
      return text;
    }
    String nfc = Normalizer.isNormalized(text, Normalizer.Form.NFC)
        ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    Matcher m = pattern.matcher(nfc);
    if (!m.find()) {
      return text;
    }
    return m.replaceAll(Matcher.quoteReplacement(MARK));
  }

  @Override
  public String toString() {
    // The pattern spells out opted-out names: never print it.
    return pattern == null ? "Redactor[none]" : "Redactor[active]";
  }

  /** A normalised name as a regex: tokens quoted, flexible whitespace, boundaries unless CJK. */
  private static String nameRegex(String normalised) {
    String[] tokens = normalised.split(" ");
    StringBuilder re = new StringBuilder();
    if (!isCjk(normalised.codePointAt(0))) {
      re.append(NOT_AFTER_WORD);
    }
    for (int i = 0; i < tokens.length; i++) {
      if (i > 0) {
        boolean cjkJoin = isCjk(tokens[i - 1].codePointBefore(tokens[i - 1].length()))
            && isCjk(tokens[i].codePointAt(0));
        re.append(cjkJoin ? OPTIONAL_SPACE_IN_TEXT : SPACE_IN_TEXT);
      }
      re.append(Pattern.quote(tokens[i]));
    }
    if (!isCjk(normalised.codePointBefore(normalised.length()))) {
      re.append(NOT_BEFORE_WORD);
    }
    return re.toString();
  }

  private static String boundedLiteral(String literal) {
    return NOT_AFTER_WORD + Pattern.quote(literal) + NOT_BEFORE_WORD;
  }

  private static boolean isCjk(int codePoint) {
    Character.UnicodeScript s = Character.UnicodeScript.of(codePoint);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
  }
}
