package dev.meetscope.models.record;

import java.time.Instant;
import java.util.List;

/**
 * One participant report row or API participant record: one session of one person (rejoins give several).
 *
 * @param format the report variant (see {@link dev.meetscope.models.parse.InputFormat})
 * @param meetingId the meeting id with spaces removed, when the report gives it
 * @param displayName the current name (for {@code Name (Original Name)}, the part before the parentheses)
 * @param originalName the name in parentheses when the split looked like a rename (flag
 *     {@code original_name_heuristic})
 * @param email null for guests
 * @param userId Zoom's per-session {@code user_id}: never a person key
 * @param joinTime UTC; null in unique-users exports, which carry only a total duration
 * @param durationSeconds seconds (CSV minutes are converted, API seconds kept)
 * @param guest null when the report leaves it blank (unknown), not false
 * @param role {@code host} when the row is marked as the host, else null
 * @param recordingConsent {@code YES}, {@code NO_RESPONSE} or {@code UNKNOWN}
 */
public record ParticipantSession(
    String meetingKey,
    String sourceFile,
    long sourceLine,
    String format,
    String meetingId,
    String meetingUuid,
    String displayName,
    String originalName,
    String email,
    String participantId,
    String participantUserId,
    String userId,
    String customerKey,
    String registrantId,
    Instant joinTime,
    Instant leaveTime,
    Long durationSeconds,
    Boolean guest,
    String role,
    String recordingConsent,
    String status,
    String breakoutRoomId,
    List<String> flags) {

  public ParticipantSession {
    flags = flags == null ? List.of() : List.copyOf(flags);
  }

  public ParticipantSession withMeetingKey(String key) {
    return new ParticipantSession(key, sourceFile, sourceLine, format, meetingId, meetingUuid,
        displayName, originalName, email, participantId, participantUserId, userId, customerKey,
        registrantId, joinTime, leaveTime, durationSeconds, guest, role, recordingConsent, status,
        breakoutRoomId, flags);
  }
}
