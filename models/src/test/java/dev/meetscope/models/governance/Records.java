package dev.meetscope.models.governance;

import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.Utterance;
import java.time.Instant;
import java.util.List;

/** Builders for test records with only the fields governance looks at. */
final class Records {
  private Records() {}

  static ParticipantSession session(String name, String email, String participantUserId,
      String join, String leave) {
    return new ParticipantSession("mk1", "mk1/participants.csv", 2, "portal_csv", "81234567890",
        "aB3+cD9/eF1gH2iJ3kL4mN==", name, null, email, null, participantUserId, "16778240", null, null,
        Instant.parse(join), Instant.parse(leave), null, email == null, null, "YES", null, null,
        List.of());
  }

  static ParticipantSession host(String name, String email) {
    return new ParticipantSession("mk1", "mk1/participants.csv", 2, "portal_csv", "81234567890",
        "aB3+cD9/eF1gH2iJ3kL4mN==", name, null, email, null, null, "16778241", null, null,
        Instant.parse("2026-03-02T09:00:00Z"), Instant.parse("2026-03-02T10:00:00Z"), 3600L, false,
        "host", "YES", null, null, List.of());
  }

  static Utterance utterance(long line, String speaker, String text) {
    return new Utterance("mk1", "mk1/transcript.vtt", line, "cloud_vtt", (int) line, speaker, false,
        "recording_offset", line * 1000, line * 1000 + 900, null, text, List.of());
  }

  static ChatMessage chat(long line, String sender, String recipient, String kind, String text,
      String snippet) {
    return new ChatMessage("mk1", "mk1/chat.txt", line, "cloud_chat", "cloud", sender, recipient, kind,
        recipient != null, recipient != null ? null : text, snippet, "recording_offset", line * 1000,
        null, null, null, List.of());
  }

  static MeetingEvent joined(String name, String email, String participantUserId) {
    return new MeetingEvent("mk1", "mk1/events.jsonl", 1, "webhook", "meeting.participant_joined",
        Instant.parse("2026-03-02T09:01:00Z"), "req-1", "acct", "81234567890",
        "aB3+cD9/eF1gH2iJ3kL4mN==", "Weekly sync", "HOSTID123", null, null, "UTC", name, email,
        participantUserId, participantUserId, "16778242", "puuid-1", null, null,
        Instant.parse("2026-03-02T09:01:00Z"), null, null, List.of());
  }
}
