package dev.meetscope.models.webhook;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The request headers kept with a relayed event: every header except credentials. Zoom sends the app's
 * {@code clientid} and, from legacy apps, the verification token as {@code authorization} (zoom-formats.md
 * §4.1); neither may reach a log or a sink.
 */
public final class HeaderRedaction {
  /** Lower-case names that are never copied. */
  public static final Set<String> SECRET_HEADERS = Set.of(
      "authorization", "proxy-authorization", "clientid", "cookie", "set-cookie", "x-api-key");

  private HeaderRedaction() {}

  public static boolean isSecret(String name) {
    return name != null && SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** Lower-cased names, sorted; repeated values joined with {@code ", "}; secrets dropped. */
  public static SortedMap<String, String> keep(Map<String, List<String>> headers) {
    SortedMap<String, String> kept = new TreeMap<>();
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() == null || isSecret(e.getKey())) {
        continue;
      }
      kept.merge(e.getKey().toLowerCase(Locale.ROOT), String.join(", ", e.getValue()),
          (a, b) -> a + ", " + b);
    }
    return kept;
  }
}
