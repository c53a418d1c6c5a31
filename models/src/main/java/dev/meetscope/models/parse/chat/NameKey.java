package dev.meetscope.models.parse.chat;

import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The normalised form of a display name used only for matching (zoom-formats.md §0): NFC, trimmed,
 * whitespace runs (including U+3000 and NBSP) collapsed to one space, case-folded. Labels themselves are
 * always kept verbatim.
 */
final class NameKey {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  private NameKey() {}

  static String of(String name) {
    if (name == null) {
      return null;
    }
    String s = Normalizer.normalize(name, Normalizer.Form.NFC);
    s = WHITESPACE.matcher(s).replaceAll(" ").strip();
    // Upper then lower folds more pairs than lower alone (e.g. ß -> SS -> ss).
    return s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }

  static Set<String> keysOf(Collection<String> names) {
    Set<String> keys = new LinkedHashSet<>();
    if (names != null) {
      for (String n : names) {
        String k = of(n);
        if (k != null && !k.isEmpty()) {
          keys.add(k);
        }
      }
    }
    return keys;
  }
}
