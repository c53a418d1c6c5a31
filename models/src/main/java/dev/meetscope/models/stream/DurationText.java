package dev.meetscope.models.stream;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them on a command line: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code PT30S}. */
public final class DurationText {
  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private DurationText() {}

  /** Parses {@code text}; throws {@link IllegalArgumentException} naming {@code option} on anything else. */
  public static Duration parse(String option, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("--" + option + " needs a duration such as 30s, 5m or 2h");
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      Duration d = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
      if (d.isNegative()) {
        throw new IllegalArgumentException("--" + option + " must not be negative (got '" + text + "')");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--" + option + " must be a duration such as 500ms, 30s, 5m, 2h or"
          + " PT30S (got '" + text + "')");
    }
  }
}
