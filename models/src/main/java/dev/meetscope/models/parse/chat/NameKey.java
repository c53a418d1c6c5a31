package dev.meetscope.models.parse.chat;

import dev.meetscope.models.identity.NameNormalizer;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Name keys for matching chat labels against known names; see {@link NameNormalizer}. */
final class NameKey {
  private NameKey() {}

  static String of(String name) {
    return NameNormalizer.normalize(name);
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
