package dev.meetscope.models.analytics;

import dev.meetscope.models.record.ChatKind;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.TimeBase;
import dev.meetscope.models.record.Utterance;
import java.time.Instant;
import java.util.List;

/** Builders of the shared records for tests (invented people only). */
public final class TestRecords {
  public static final String MEETING = "mtg-1";
  public static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

  private TestRecords() {}

  public static Instant at(int minutes, int seconds) {
    return T0.plusSeconds(minutes * 60L + seconds);
  }

  public static long ms(int minutes, int seconds) {
    return at(minutes, seconds).toEpochMilli();
  }

  public static ParticipantSession session(String name, String email, String uid, Instant join,
      Instant leave) {
    return full(name, null, email, uid, null, null, null, join, leave, null);
  }

  public static ParticipantSession full(String name, String originalName, String email, String id,
      String customerKey, String registrantId, String role, Instant join, Instant leave,
      Long durationSeconds) {
    return new ParticipantSession(MEETING, "participants.csv", 1, "participant_csv", "81234567890", null,
        name, originalName, email, id, null, "16778240", customerKey, registrantId, join, leave,
        durationSeconds, null, role, null, null, null, List.of());
  }

  /** A cloud-transcript cue at recording offsets. */
  public static Utterance cue(String label, long startMs, long endMs, String text) {
    return new Utterance(MEETING, "GMT20260302-150000_Recording.transcript.vtt", startMs / 100 + 1,
        "cloud_transcript", null, label, false, TimeBase.RECORDING_OFFSET, startMs, endMs, null, text,
        List.of());
  }

  /** A cloud-chat record at a recording offset. */
  public static ChatMessage chat(String sender, long offsetMs, String kind, String text, String snippet) {
    return new ChatMessage(MEETING, "chat.txt", offsetMs / 1000 + 1, "cloud_chat", "cloud", sender, null,
        kind, false, text, snippet, TimeBase.RECORDING_OFFSET, offsetMs, null, null, null, List.of());
  }

  public static ChatMessage message(String sender, long offsetMs, String text) {
    return chat(sender, offsetMs, ChatKind.MESSAGE, text, null);
  }

  public static ChatMessage privateMessage(String sender, long offsetMs) {
    return new ChatMessage(MEETING, "chat.txt", offsetMs / 1000 + 1, "local_saved_chat", "A-dm", sender,
        "Dana Host", ChatKind.MESSAGE, true, null, null, TimeBase.RECORDING_OFFSET, offsetMs, null, null,
        null, List.of());
  }

  public static MeetingManifest manifest(Instant scheduledStart, Integer minutes, Instant recordingStart,
      String hostName) {
    return new MeetingManifest("81234567890", MEETING, "Weekly Sync", hostName, null, null,
        scheduledStart, minutes, "UTC", recordingStart, true);
  }

  public static MeetingSpan span(int minutes) {
    return new MeetingSpan(T0.toEpochMilli(), T0.toEpochMilli() + minutes * 60_000L, true, "manifest",
        "manifest");
  }
}
