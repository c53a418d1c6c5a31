package dev.meetscope.models.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalised display name of zoom-formats.md §0: NFC, trimmed, whitespace runs (including U+3000 and
 * NBSP) collapsed to one space, case-folded. Used only to compare names; labels are always kept as written.
 */
public final class NameNormalizer {
  /** Unicode-aware whitespace, so the ideographic space U+3000 and NBSP count as spaces. */
  private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  private NameNormalizer() {}

  public static String normalize(String name) {
    if (name == null) {
      return null;
    }
    String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
    String collapsed = WHITESPACE.matcher(nfc).replaceAll(" ").strip();
    // Upper then lower approximates full case folding (e.g. "ß" and "SS" both fold to "ss").
    return collapsed.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }
}
