package dev.meetscope.models.identity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loose name key used to match transcript speakers and chat senders to participants ("normalised"
 * match). On top of {@link NameNormalizer} it removes what Zoom users add to their names:
 *
 * <ol>
 *   <li>accents (NFD, combining marks removed: {@code José Núñez} → {@code jose nunez});
 *   <li>every bracketed group: {@code (Original Name)}, {@code (she/her)}, {@code (SL)}, {@code (Host)},
 *       {@code [Example Lab]}, full-width {@code （…）};
 *   <li>a device suffix: {@code X's iPhone}, {@code X’s iPad}, {@code X's Galaxy S21} → {@code X};
 *   <li>bare pronoun sets: {@code she/her}, {@code he/him/his}, {@code they/them};
 *   <li>{@code Last, First} written with one comma (each side 1–3 words, no digits) → {@code first last};
 *   <li>punctuation: apostrophes dropped ({@code O'Brien} → {@code obrien}), every other non-letter,
 *       non-digit run becomes one space ({@code Mary-Jane} → {@code mary jane}, {@code Lee P.} →
 *       {@code lee p}).
 * </ol>
 *
 * If that leaves nothing (a label that is only {@code (Host)}), the plain normalised name is the key.
 */
public final class NameKeys {
  private static final Pattern BRACKETS =
      Pattern.compile("\\([^()]*\\)|\\[[^\\[\\]]*]|\\{[^{}]*}|（[^（）]*）|【[^【】]*】");
  private static final Pattern DEVICE = Pattern.compile(
      "^(.+?)\\s*'s\\s+(?:iphone|ipad|ipod|android|galaxy|pixel|phone|mobile|tablet|macbook|mac|imac|pc"
          + "|laptop|computer|desktop|surface|kindle|chromebook|zoom room|room)\\b.*$");
  private static final Pattern PRONOUNS = Pattern.compile(
      "(?<![\\p{L}])(?:she|he|they|ze|xe|any)(?:\\s*/\\s*(?:her|hers|him|his|they|them|theirs|their"
          + "|she|he|zir|xem|any|all|pronouns))+(?![\\p{L}])");
  private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´]");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern COMBINING = Pattern.compile("\\p{M}+");

  private NameKeys() {}

  /** The strict key: {@link NameNormalizer#normalize(String)}. Null for null or blank. */
  public static String strict(String name) {
    String s = NameNormalizer.normalize(name);
    return s == null || s.isEmpty() ? null : s;
  }

  /** The loose matching key described above. Null for null or blank names. */
  public static String loose(String name) {
    String strict = strict(name);
    if (strict == null) {
      return null;
    }
    String s = COMBINING.matcher(Normalizer.normalize(strict, Normalizer.Form.NFD)).replaceAll("");
    s = Normalizer.normalize(s, Normalizer.Form.NFC);
    s = s.replace('’', '\'').replace('‘', '\'').replace('`', '\'').replace('´', '\'');
    String before;
    do {
      before = s;
      s = BRACKETS.matcher(s).replaceAll(" ");
    } while (!s.equals(before));
    s = s.strip();
    Matcher device = DEVICE.matcher(s);
    if (device.matches()) {
      s = device.group(1);
    }
    s = PRONOUNS.matcher(s).replaceAll(" ");
    s = invertComma(s);
    s = APOSTROPHES.matcher(s).replaceAll("");
    s = NON_WORD.matcher(s).replaceAll(" ").strip();
    return s.isEmpty() ? strict : s;
  }

  /** The words of a loose key. */
  public static List<String> tokens(String looseKey) {
    if (looseKey == null || looseKey.isBlank()) {
      return List.of();
    }
    return new ArrayList<>(Arrays.asList(looseKey.strip().split(" +")));
  }

  private static String invertComma(String s) {
    int comma = s.indexOf(',');
    if (comma < 0 || s.indexOf(',', comma + 1) >= 0) {
      return s;
    }
    String last = s.substring(0, comma).strip();
    String first = s.substring(comma + 1).strip();
    if (last.isEmpty() || first.isEmpty() || s.chars().anyMatch(Character::isDigit)) {
      return s;
    }
    int lastWords = last.split("\\s+").length;
    int firstWords = first.split("\\s+").length;
    if (lastWords > 3 || firstWords > 3) {
      return s;
    }
    return first + " " + last;
  }
}
