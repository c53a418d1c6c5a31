package dev.meetscope.models.parse.report;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Local portal-CSV times (time base T3): deciding the file's day/month order, then parsing each cell into
 * an {@link Instant} in the meeting's zone.
 *
 * <p>Order rule (zoom-formats.md §6 #30-31): a slash date whose first number is above 12 proves
 * day-first, one whose second number is above 12 proves month-first, for the whole file. A file with proof
 * of both is rejected. Without proof, a file with any AM/PM time is month-first (Zoom's US exports are the
 * only layouts that print AM/PM, and they are always {@code MM/DD}); otherwise the caller's fallback order
 * applies, and without one the file is ambiguous unless every date reads the same both ways (day = month).
 */
final class CsvTimes {
  private static final Pattern SLASH_DATE = Pattern.compile("^(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})\\b.*");
  private static final Pattern AM_PM = Pattern.compile("(?i).*\\d\\s*[ap]m$");
  private static final Pattern SHORT_YEAR = Pattern.compile("^\\d{1,2}/\\d{1,2}/\\d{2}\\s.*");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F]+");

  private static final List<String> SLASH_PATTERNS = List.of(
      "M/d/uuuu h:mm:ss a", "M/d/uuuu h:mm a", "M/d/uuuu H:mm:ss", "M/d/uuuu H:mm",
      "M/d/uu H:mm", "M/d/uu H:mm:ss", "M/d/uu h:mm:ss a", "M/d/uu h:mm a");
  private static final List<DateTimeFormatter> ISO = formatters(List.of(
      "uuuu-MM-dd H:mm:ss", "uuuu-MM-dd H:mm", "uuuu-MM-dd'T'H:mm:ss"));
  private static final List<DateTimeFormatter> MONTH_FIRST = formatters(SLASH_PATTERNS);
  private static final List<DateTimeFormatter> DAY_FIRST = formatters(
      SLASH_PATTERNS.stream().map(p -> p.replace("M/d/", "d/M/")).toList());

  /** The order to use, or the reason none can be chosen. */
  record Decision(DateOrder order, String problem) {}

  private final List<DateTimeFormatter> formatters;
  private final ZoneId zone;

  CsvTimes(DateOrder order, ZoneId zone) {
    this.formatters = order == DateOrder.DAY_FIRST ? DAY_FIRST : MONTH_FIRST;
    this.zone = zone;
  }

  /** Decides the day/month order from every time cell of the file (nulls ignored). */
  static Decision decide(Collection<String> cells, DateOrder fallback) {
    int dayFirst = 0;
    int monthFirst = 0;
    boolean amPm = false;
    String ambiguous = null;
    for (String raw : cells) {
      if (raw == null) {
        continue;
      }
      String cell = raw.strip();
      amPm |= AM_PM.matcher(cell).matches();
      Matcher m = SLASH_DATE.matcher(cell);
      if (!m.matches()) {
        continue;
      }
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(2));
      if (a > 12 && b >= 1 && b <= 12 && a <= 31) {
        dayFirst++;
      } else if (b > 12 && a >= 1 && a <= 12 && b <= 31) {
        monthFirst++;
      } else if (a != b && ambiguous == null && a >= 1 && b >= 1 && a <= 12 && b <= 12) {
        ambiguous = cell;
      }
    }
    if (dayFirst > 0 && monthFirst > 0) {
      return new Decision(null, "The file mixes day-first dates (" + dayFirst + ") and month-first dates ("
          + monthFirst + "); no single order reads it.");
    }
    if (dayFirst > 0) {
      return new Decision(DateOrder.DAY_FIRST, null);
    }
    if (monthFirst > 0 || amPm || ambiguous == null) {
      return new Decision(DateOrder.MONTH_FIRST, null);
    }
    if (fallback != null) {
      return new Decision(fallback, null);
    }
    return new Decision(null, "Cannot tell DD/MM from MM/DD: no date in the file has a day above 12 (e.g. '"
        + ambiguous + "') and no date order is configured.");
  }

  /** True for Excel's re-saved shape {@code M/D/YY H:MM}. */
  static boolean isShortYear(String cell) {
    return cell != null && SHORT_YEAR.matcher(cell.strip()).matches();
  }

  /** Parses a local time cell; null stays null. */
  Instant parse(String cell) {
    if (cell == null) {
      return null;
    }
    String s = SPACES.matcher(cell.strip()).replaceAll(" ");
    LocalDateTime local = parseLocal(s, s.indexOf('/') >= 0 ? formatters : ISO);
    if (local == null) {
      throw new DateTimeException("unrecognised time '" + cell + "'");
    }
    return local.atZone(zone).toInstant();
  }

  private static LocalDateTime parseLocal(String s, List<DateTimeFormatter> candidates) {
    for (DateTimeFormatter f : candidates) {
      try {
        return LocalDateTime.parse(s, f);
      } catch (DateTimeException e) {
        // try the next pattern
      }
    }
    return null;
  }

  private static List<DateTimeFormatter> formatters(List<String> patterns) {
    return patterns.stream()
        .map(p -> new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p)
            .toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT))
        .toList();
  }
}
