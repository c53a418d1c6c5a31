package dev.meetscope.models.record;

import java.time.Instant;

/**
 * The optional {@code meeting.json} of a meeting folder. Every field may be null.
 *
 * @param meetingId the (possibly recurring) meeting id, spaces removed
 * @param uuid the occurrence UUID; when present it is the meeting key
 * @param scheduledStart UTC
 * @param timeZone an IANA zone id: the zone of local CSV, chat and caption times
 * @param recordingStart UTC start of the cloud recording: transcript and cloud-chat offsets count from it
 * @param analyticsEnabled the host's consent flag for analytics (governance); null = not stated
 */
public record MeetingManifest(
    String meetingId,
    String uuid,
    String topic,
    String hostName,
    String hostEmail,
    String hostId,
    Instant scheduledStart,
    Integer durationMinutes,
    String timeZone,
    Instant recordingStart,
    Boolean analyticsEnabled) {

  public static MeetingManifest empty() {
    return new MeetingManifest(null, null, null, null, null, null, null, null, null, null, null);
  }
}
