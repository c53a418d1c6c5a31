package dev.meetscope.models.parse.vtt;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalised display name of zoom-formats.md §0 (NFC, trimmed, whitespace runs collapsed, case-folded),
 * used only to compare names; labels are always kept as written.
 */
public final class DisplayNameNormaliser {
  /** Unicode-aware whitespace, so the ideographic space U+3000 and NBSP count as spaces. */
  private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  private DisplayNameNormaliser() {}

  public static String normalise(String name) {
    if (name == null) {
      return null;
    }
    String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
    String collapsed = WHITESPACE.matcher(nfc).replaceAll(" ").strip();
    // Upper then lower approximates full case folding (e.g. "ß" and "SS" both fold to "ss").
    return collapsed.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }
}
