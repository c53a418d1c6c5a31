package dev.meetscope.models.nlp.sentiment;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chat shorthand and emoji (docs/nlp.md, "Emoji and shorthand"). The sentiment model was trained on movie
 * reviews: it has never seen "+1", "thx" or "👍" and scores them as unknown, neutral words. So:
 *
 * <ul>
 *   <li>shorthand tokens are replaced by the plain words they stand for before parsing ("thx" → "thanks",
 *       "+1" → "agreed", "lol" → "funny"), so the model scores what was meant;
 *   <li>emoji are taken out of the sentence and scored from a small lexicon on the model's five-class scale
 *       (very negative 0, negative 0.25, neutral 0.5, positive 0.75, very positive 1); each emoji counts as one
 *       word in the word-weighted mean, skin tones and variation selectors are ignored, and emoji not in the
 *       lexicon carry no weight.
 * </ul>
 */
public final class ChatShorthand {
  private static final Map<String, List<String>> SHORTHAND = Map.ofEntries(
      Map.entry("thx", List.of("thanks")),
      Map.entry("thnx", List.of("thanks")),
      Map.entry("thanx", List.of("thanks")),
      Map.entry("tx", List.of("thanks")),
      Map.entry("ty", List.of("thanks")),
      Map.entry("tysm", List.of("thanks")),
      Map.entry("tyvm", List.of("thanks")),
      Map.entry("+1", List.of("agreed")),
      Map.entry("+100", List.of("agreed")),
      Map.entry("-1", List.of("disagree")),
      Map.entry("lol", List.of("funny")),
      Map.entry("lmao", List.of("funny")),
      Map.entry("rofl", List.of("funny")),
      Map.entry("haha", List.of("funny")),
      Map.entry("hahaha", List.of("funny")),
      Map.entry("hehe", List.of("funny")),
      Map.entry("np", List.of("no", "problem")),
      Map.entry("pls", List.of("please")),
      Map.entry("plz", List.of("please")),
      Map.entry("u", List.of("you")),
      Map.entry("ur", List.of("your")),
      Map.entry("idk", List.of("I", "do", "n't", "know")),
      Map.entry("imo", List.of("in", "my", "opinion")),
      Map.entry("imho", List.of("in", "my", "opinion")),
      Map.entry("btw", List.of("by", "the", "way")),
      Map.entry("fyi", List.of("for", "your", "information")),
      Map.entry("brb", List.of("be", "right", "back")),
      Map.entry("nvm", List.of("never", "mind")),
      Map.entry("tbh", List.of("to", "be", "honest")),
      Map.entry("afaik", List.of("as", "far", "as", "I", "know")),
      Map.entry("asap", List.of("as", "soon", "as", "possible")),
      Map.entry("k", List.of("okay")),
      Map.entry("kk", List.of("okay")),
      Map.entry("ok", List.of("okay")),
      Map.entry("gr8", List.of("great")),
      Map.entry("w/", List.of("with")),
      Map.entry("w/o", List.of("without")));

  private static final double VERY_NEGATIVE = 0.0;
  private static final double NEGATIVE = 0.25;
  private static final double NEUTRAL = 0.5;
  private static final double POSITIVE = 0.75;
  private static final double VERY_POSITIVE = 1.0;

  /** Keys are emoji without skin-tone modifiers and variation selectors. */
  private static final Map<String, Double> EMOJI = Map.ofEntries(
      Map.entry("❤", VERY_POSITIVE), Map.entry("♥", VERY_POSITIVE), Map.entry("😍", VERY_POSITIVE),
      Map.entry("🥰", VERY_POSITIVE), Map.entry("💯", VERY_POSITIVE), Map.entry("🎉", VERY_POSITIVE),
      Map.entry("🥳", VERY_POSITIVE), Map.entry("🤩", VERY_POSITIVE), Map.entry("💖", VERY_POSITIVE),
      Map.entry("👍", POSITIVE), Map.entry("👏", POSITIVE), Map.entry("🙏", POSITIVE), Map.entry("🙌", POSITIVE),
      Map.entry("😀", POSITIVE), Map.entry("😃", POSITIVE), Map.entry("😄", POSITIVE), Map.entry("😁", POSITIVE),
      Map.entry("😊", POSITIVE), Map.entry("🙂", POSITIVE), Map.entry("😂", POSITIVE), Map.entry("🤣", POSITIVE),
      Map.entry("😆", POSITIVE), Map.entry("😉", POSITIVE), Map.entry("😎", POSITIVE), Map.entry("🤗", POSITIVE),
      Map.entry("👌", POSITIVE), Map.entry("✅", POSITIVE), Map.entry("✔", POSITIVE), Map.entry("💪", POSITIVE),
      Map.entry("🔥", POSITIVE), Map.entry("⭐", POSITIVE), Map.entry("🌟", POSITIVE), Map.entry("✨", POSITIVE),
      Map.entry("🚀", POSITIVE), Map.entry("👋", POSITIVE), Map.entry("☺", POSITIVE),
      Map.entry("🤔", NEUTRAL), Map.entry("😐", NEUTRAL), Map.entry("😶", NEUTRAL), Map.entry("👀", NEUTRAL),
      Map.entry("😅", NEUTRAL), Map.entry("🤷", NEUTRAL), Map.entry("✋", NEUTRAL),
      Map.entry("👎", NEGATIVE), Map.entry("😕", NEGATIVE), Map.entry("😟", NEGATIVE), Map.entry("🙁", NEGATIVE),
      Map.entry("☹", NEGATIVE), Map.entry("😞", NEGATIVE), Map.entry("😔", NEGATIVE), Map.entry("😢", NEGATIVE),
      Map.entry("😬", NEGATIVE), Map.entry("😩", NEGATIVE), Map.entry("😫", NEGATIVE), Map.entry("😒", NEGATIVE),
      Map.entry("❌", NEGATIVE), Map.entry("😴", NEGATIVE), Map.entry("🙄", NEGATIVE),
      Map.entry("😡", VERY_NEGATIVE), Map.entry("😠", VERY_NEGATIVE), Map.entry("🤬", VERY_NEGATIVE),
      Map.entry("😭", VERY_NEGATIVE), Map.entry("💔", VERY_NEGATIVE));

  private ChatShorthand() {}

  /** The plain words a shorthand token stands for, or null when the token is not shorthand. */
  public static List<String> expand(String token) {
    return SHORTHAND.get(token.toLowerCase(Locale.ROOT));
  }

  /** True when the token is made of emoji (pictographs, their modifiers and joiners) only. */
  public static boolean isEmojiToken(String token) {
    if (token.isEmpty()) {
      return false;
    }
    boolean base = false;
    for (int i = 0; i < token.length(); ) {
      int cp = token.codePointAt(i);
      if (isModifier(cp)) {
        // fine
      } else if (isPictograph(cp)) {
        base = true;
      } else {
        return false;
      }
      i += Character.charCount(cp);
    }
    return base;
  }

  /**
   * The lexicon values of the emoji in an emoji token, one per pictograph ("😂😂" → two values); emoji not in
   * the lexicon are left out.
   */
  public static List<Double> emojiValues(String token) {
    java.util.ArrayList<Double> values = new java.util.ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean joined = false;
    for (int i = 0; i < token.length(); ) {
      int cp = token.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == 0x200D) {
        joined = true; // a ZWJ sequence (👩‍💻) is one emoji: keep its first pictograph only
        continue;
      }
      if (isModifier(cp)) {
        continue;
      }
      if (joined) {
        joined = false;
        continue;
      }
      if (current.length() > 0) {
        add(values, current.toString());
        current.setLength(0);
      }
      current.appendCodePoint(cp);
    }
    if (current.length() > 0) {
      add(values, current.toString());
    }
    return values;
  }

  private static void add(List<Double> values, String emoji) {
    Double v = EMOJI.get(emoji);
    if (v != null) {
      values.add(v);
    }
  }

  /** Variation selectors, ZWJ, skin tones, keycap and tag characters. */
  private static boolean isModifier(int cp) {
    return cp == 0xFE0F || cp == 0xFE0E || cp == 0x200D || cp == 0x20E3 || (cp >= 0x1F3FB && cp <= 0x1F3FF)
        || (cp >= 0xE0020 && cp <= 0xE007F);
  }

  private static boolean isPictograph(int cp) {
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF)
        || (cp >= 0x2B00 && cp <= 0x2BFF) || cp == 0x2764 || cp == 0x2665 || cp == 0x263A;
  }
}
