package dev.meetscope.models.stream;

import dev.meetscope.models.identity.NameKeys;
import dev.meetscope.models.record.MeetingEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * How the streaming job reads one webhook event: what kind of activity it is, its event time, its
 * de-duplication key, and who sent a chat message. Pure functions, shared by the Beam steps and the tests.
 */
public final class StreamEvents {
  public static final String JOINED = "meeting.participant_joined";
  public static final String LEFT = "meeting.participant_left";
  public static final String CHAT = "meeting.chat_message_sent";
  public static final String STARTED = "meeting.started";
  public static final String ENDED = "meeting.ended";

  /** Flags set by the webhook reader on chat events (the text itself is never kept). */
  public static final String FLAG_PRIVATE = "chat_private";
  public static final String FLAG_QUESTION = "chat_question";
  public static final String FLAG_EMOJI_ONLY = "chat_emoji_only";

  /**
   * Events that describe what happens inside a meeting occurrence. Waiting-room, recording, webinar, RTMS
   * and unknown events are valid but not used by the stream (counted as ignored).
   */
  private static final Set<String> ACTIVITY = Set.of(STARTED, ENDED, JOINED, LEFT, CHAT,
      "meeting.participant_joined_breakout_room", "meeting.participant_left_breakout_room",
      "meeting.participant_role_changed", "meeting.sharing_started", "meeting.sharing_ended");

  private StreamEvents() {}

  /** Whether the stream uses this event (in windows and final rows). */
  public static boolean isActivity(MeetingEvent e) {
    return ACTIVITY.contains(e.event());
  }

  /** The meeting occurrence key of the stream: the occurrence UUID (zoom-formats.md: key by UUID). */
  public static String meetingKey(MeetingEvent e) {
    return e.meetingUuid();
  }

  /**
   * Event time: {@code event_ts}, else the leave, join, end or start time the payload gives; null when
   * the event carries no time at all.
   */
  public static Instant eventTime(MeetingEvent e) {
    for (Instant t : new Instant[] {e.eventTime(), e.leaveTime(), e.joinTime(), e.meetingEndTime(),
        e.meetingStartTime()}) {
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  /**
   * One key per delivery, equal for Zoom's retries and Pub/Sub redeliveries: the request id, else a hash of
   * everything the event says (a retry has the same body).
   */
  public static String dedupKey(MeetingEvent e) {
    if (e.requestId() != null && !e.requestId().isBlank()) {
      return "rid:" + e.requestId();
    }
    String tuple = String.join("\u0001", e.event(), String.valueOf(e.eventTime()),
        String.valueOf(e.meetingUuid()), String.valueOf(e.userId()), String.valueOf(e.participantUuid()),
        String.valueOf(e.displayName()), String.valueOf(e.email()), String.valueOf(e.joinTime()),
        String.valueOf(e.leaveTime()), String.valueOf(e.leaveReason()), String.join(",", e.flags()));
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(tuple.getBytes(StandardCharsets.UTF_8));
      return "sha:" + HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("SHA-256 is always available", ex);
    }
  }

  public static boolean isJoin(MeetingEvent e) {
    return JOINED.equals(e.event());
  }

  public static boolean isLeave(MeetingEvent e) {
    return LEFT.equals(e.event());
  }

  public static boolean isEnded(MeetingEvent e) {
    return ENDED.equals(e.event());
  }

  /**
   * A leave that counts for drop-offs: not the host ending the meeting for everyone and not a move to a
   * breakout room (zoom-formats.md §4.3 {@code leave_reason}, matched case-insensitively).
   */
  public static boolean isDeparture(MeetingEvent e) {
    if (!isLeave(e)) {
      return false;
    }
    String reason = e.leaveReason() == null ? "" : e.leaveReason().toLowerCase(Locale.ROOT);
    return !reason.contains("host ended the meeting") && !reason.contains("breakout room");
  }

  /** A public chat message (private ones are never counted). */
  public static boolean isPublicChat(MeetingEvent e) {
    return CHAT.equals(e.event()) && !e.flags().contains(FLAG_PRIVATE);
  }

  public static boolean isQuestion(MeetingEvent e) {
    return isPublicChat(e) && e.flags().contains(FLAG_QUESTION);
  }

  public static boolean isEmojiOnly(MeetingEvent e) {
    return isPublicChat(e) && e.flags().contains(FLAG_EMOJI_ONLY);
  }

  /** Who sent a chat message: the e-mail (lower case), else the strict normalised display name. */
  public static String chatterKey(MeetingEvent e) {
    if (e.email() != null && !e.email().isBlank()) {
      return "email:" + e.email().strip().toLowerCase(Locale.ROOT);
    }
    return "name:" + NameKeys.strict(e.displayName());
  }
}
