package dev.meetscope.runners.nightly;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * {@code --date}: the day a nightly run processes. Input and output paths get the day either where they say
 * {@value #PLACEHOLDER}, or as a last path segment: {@code --input=/landing --date=2026-03-02} reads
 * {@code /landing/2026-03-02} and writes {@code <output>/2026-03-02}. Each day's output is its own folder, so
 * rerunning a day replaces that day and nothing else.
 *
 * @param date the day
 * @param input the day's input partition
 * @param output the day's output partition
 */
public record DatePartition(LocalDate date, String input, String output) {
  public static final String PLACEHOLDER = "{date}";

  /** Resolves {@code --date} ({@code YYYY-MM-DD} or {@code yesterday} in {@code zone}) against the paths. */
  public static DatePartition of(String dateOption, ZoneId zone, Clock clock, String input, String output) {
    LocalDate date = parseDate(dateOption, zone, clock);
    return new DatePartition(date, withDate(input, date), withDate(output, date));
  }

  static LocalDate parseDate(String option, ZoneId zone, Clock clock) {
    String v = option.strip();
    if (v.equalsIgnoreCase("yesterday")) {
      return LocalDate.now(clock.withZone(zone)).minusDays(1);
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--date must be YYYY-MM-DD or 'yesterday', got '" + option + "'");
    }
  }

  /** The path with {@code {date}} replaced, or with {@code /<date>} appended when it has no placeholder. */
  static String withDate(String path, LocalDate date) {
    if (path.contains(PLACEHOLDER)) {
      return path.replace(PLACEHOLDER, date.toString());
    }
    return (path.endsWith("/") ? path : path + "/") + date;
  }
}
