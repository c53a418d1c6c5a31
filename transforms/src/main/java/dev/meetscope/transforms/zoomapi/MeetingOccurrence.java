package dev.meetscope.transforms.zoomapi;

import java.time.Instant;

/**
 * One past meeting occurrence (one UUID) as listed by Zoom.
 *
 * @param meetingId the (possibly recurring) meeting number, digits only
 * @param endTime when it ended; null when the listing gives none
 * @param durationMinutes Zoom's {@code duration}, null when absent
 * @param hostTimeZone the host user's time zone from {@code /users}, a fallback for {@code time_zone}
 */
public record MeetingOccurrence(String meetingId, String uuid, String topic, String hostId, String hostEmail,
    Instant startTime, Instant endTime, Integer durationMinutes, String hostTimeZone) {

  /** The end time, else start + duration, else null. */
  public Instant effectiveEnd() {
    if (endTime != null) {
      return endTime;
    }
    if (startTime != null && durationMinutes != null) {
      return startTime.plusSeconds(60L * durationMinutes);
    }
    return null;
  }
}
