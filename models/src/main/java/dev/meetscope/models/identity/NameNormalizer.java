package dev.meetscope.models.identity;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The normalised display name of zoom-formats.md §0: NFC, trimmed, whitespace runs (including U+3000)
 * collapsed to one space, case-folded. The only name comparison Meetscope uses below fuzzy matching.
 */
public final class NameNormalizer {
  private NameNormalizer() {}

  public static String normalize(String name) {
    if (name == null) {
      return null;
    }
    String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
    String collapsed = nfc.replaceAll("[\\s\\u3000\\u00A0]+", " ").strip();
    return collapsed.toLowerCase(Locale.ROOT);
  }
}
