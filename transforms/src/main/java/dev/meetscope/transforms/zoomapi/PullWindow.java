package dev.meetscope.transforms.zoomapi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The day to pull and the query range sent to Zoom. A day is {@code [00:00, 24:00)} in the chosen zone and
 * a meeting belongs to the day its end time falls in. The Report API takes dates (one month at most per
 * query, within the last 12 months), so the query spans the day before to the day after (clamped to today)
 * and the pull filters by end time itself.
 *
 * @param date the day pulled
 * @param queryFrom first date sent as {@code from}
 * @param queryTo last date sent as {@code to}
 */
public record PullWindow(LocalDate date, ZoneId zone, LocalDate queryFrom, LocalDate queryTo) {
  /** How far back the Report API serves meetings. */
  public static final int MAX_AGE_MONTHS = 12;

  /** Parses {@code --date} ({@code YYYY-MM-DD} or {@code yesterday}) and checks it against the window. */
  public static PullWindow of(String dateOption, ZoneId zone, Clock clock) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate date;
    if ("yesterday".equalsIgnoreCase(dateOption.strip())) {
      date = today.minusDays(1);
    } else {
      try {
        date = LocalDate.parse(dateOption.strip());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--date must be YYYY-MM-DD or 'yesterday', got '" + dateOption + "'");
      }
    }
    if (date.isAfter(today)) {
      throw new IllegalArgumentException("--date=" + date + " is in the future (today is " + today + " in "
          + zone + ")");
    }
    LocalDate oldest = today.minusMonths(MAX_AGE_MONTHS).plusDays(1);
    if (date.isBefore(oldest)) {
      throw new IllegalArgumentException("--date=" + date + " is older than Zoom's report window: the Report"
          + " API serves the last " + MAX_AGE_MONTHS + " months, so the oldest date pullable today is "
          + oldest);
    }
    LocalDate todayUtc = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    // Never ask Zoom for a date after its (UTC) today.
    LocalDate latest = date.isAfter(todayUtc) ? date : todayUtc;
    LocalDate to = date.plusDays(1).isAfter(latest) ? latest : date.plusDays(1);
    return new PullWindow(date, zone, date.minusDays(1), to);
  }

  public Instant dayStart() {
    return date.atStartOfDay(zone).toInstant();
  }

  public Instant dayEnd() {
    return date.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** True when the occurrence ended within the day. */
  public boolean contains(MeetingOccurrence m) {
    Instant end = m.effectiveEnd();
    return end != null && !end.isBefore(dayStart()) && end.isBefore(dayEnd());
  }
}
