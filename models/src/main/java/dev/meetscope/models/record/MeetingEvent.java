package dev.meetscope.models.record;

import java.time.Instant;
import java.util.List;

/**
 * One Zoom webhook event (zoom-formats.md §4), parsed by name whatever the key order.
 *
 * @param event the {@code event} name, e.g. {@code meeting.participant_joined}
 * @param eventTime from {@code event_ts} (epoch ms)
 * @param requestId {@code x-zm-request-id} when the capture carried headers (stable across retries)
 * @param meetingId {@code payload.object.id} as a string (it is a number in recording and chat events)
 * @param participantId the participant's Zoom user {@code id} (empty for guests → null)
 * @param userId per-session {@code user_id}: never a person key
 */
public record MeetingEvent(
    String meetingKey,
    String sourceFile,
    long sourceLine,
    String format,
    String event,
    Instant eventTime,
    String requestId,
    String accountId,
    String meetingId,
    String meetingUuid,
    String topic,
    String hostId,
    Instant meetingStartTime,
    Instant meetingEndTime,
    String timezone,
    String displayName,
    String email,
    String participantId,
    String participantUserId,
    String userId,
    String participantUuid,
    String customerKey,
    String registrantId,
    Instant joinTime,
    Instant leaveTime,
    String leaveReason,
    List<String> flags) {

  public MeetingEvent {
    flags = flags == null ? List.of() : List.copyOf(flags);
  }

  public MeetingEvent withMeetingKey(String key) {
    return new MeetingEvent(key, sourceFile, sourceLine, format, event, eventTime, requestId,
        accountId, meetingId, meetingUuid, topic, hostId, meetingStartTime, meetingEndTime, timezone,
        displayName, email, participantId, participantUserId, userId, participantUuid, customerKey,
        registrantId, joinTime, leaveTime, leaveReason, flags);
  }
}
