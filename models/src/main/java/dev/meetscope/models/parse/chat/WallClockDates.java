package dev.meetscope.models.parse.chat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Dates the wall-clock times of one local file, in file order (zoom-formats.md §6 #23, #24). A time more
 * than 12 h earlier than the previous record's is a midnight wrap (the date advances one day); a smaller
 * step back is kept as is and flagged out of order. A 2025+ date prefix is taken as written.
 */
final class WallClockDates {
  private static final int HALF_DAY_SECONDS = 12 * 3600;

  /** @param date null when neither the line nor the meeting gives one */
  record Dated(LocalDate date, Instant wallTime, List<String> flags) {}

  private final LocalDate meetingDate;
  private final ZoneId zone;
  private int daysAdvanced;
  private Integer previousSecondOfDay;
  private LocalDateTime previousDated;

  WallClockDates(LocalDate meetingDate, ZoneId zone) {
    this.meetingDate = meetingDate;
    this.zone = zone;
  }

  Dated next(LocalDate explicitDate, LocalTime time) {
    List<String> flags = new ArrayList<>();
    int second = time.toSecondOfDay();
    LocalDate date;
    if (explicitDate != null) {
      LocalDateTime at = explicitDate.atTime(time);
      if (previousDated != null && at.isBefore(previousDated)) {
        flags.add(ChatFlags.OUT_OF_ORDER);
      }
      previousDated = at;
      date = explicitDate;
    } else {
      if (previousSecondOfDay != null) {
        int back = previousSecondOfDay - second;
        if (back > HALF_DAY_SECONDS) {
          daysAdvanced++;
          flags.add(ChatFlags.MIDNIGHT_WRAP);
        } else if (back > 0) {
          flags.add(ChatFlags.OUT_OF_ORDER);
        }
      }
      date = meetingDate == null ? null : meetingDate.plusDays(daysAdvanced);
    }
    previousSecondOfDay = second;
    Instant wall = date != null && zone != null ? date.atTime(time).atZone(zone).toInstant() : null;
    return new Dated(date, wall, flags);
  }
}
