package dev.meetscope.models.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.WebhookPayload;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookPayloadsTest {

  static MeetingSummary meeting() {
    return new MeetingSummary("u1==", "81234567890", "Weekly Sync", Instant.parse("2026-03-02T15:00:00Z"),
        Instant.parse("2026-03-02T16:00:00Z"), 3600L, "manifest", 2, 2, 0, 0.9, 1200.0, null, 0.1, 0.9,
        0.0, List.of(), 0, 3, 1.0, 4, List.of(), List.of(), List.of(), List.of("Budget Review"), null, null,
        "Two people attended.", List.of(), 1.0, "1.0.0");
  }

  static ParticipantMeeting person(String key, String email, Double speakingPct) {
    return new ParticipantMeeting("u1==", key, "Name " + key, email, false, null, null, 3000L, 0.83, 1, 0,
        0L, 0L, 0.83, 600.0, speakingPct, 4, 100, 10.0, 60.0, 0, 1, 0, 0, 3, 1, 0, 2, 0, null, "medium",
        0.72, List.of("Budget Review"), null, null, null, null, null, null, "exact", List.of(), 1.0, "1.0.0");
  }

  @Test
  void withoutIdentitiesTheKeyStandsInForTheEmail() {
    WebhookPayload p = WebhookPayloads.build(meeting(),
        List.of(person("k2", "ada@example.com", 35.2), person("k1", null, 64.8)), false);
    assertEquals("u1==", p.meetingKey());
    assertEquals("u1==@1.0.0", p.idempotencyKey());
    assertEquals("{\"meeting_id\":\"81234567890\",\"meeting_key\":\"u1==\",\"date\":\"2026-03-02\","
        + "\"scores\":[{\"participant_email\":\"k1\",\"speaking_pct\":64.8,\"sentiment_avg\":0.72,"
        + "\"chat_activity\":\"medium\",\"attention_score\":0.83,\"engagement_score\":null,"
        + "\"key_topics_contributed\":[\"Budget Review\"]},{\"participant_email\":\"k2\",\"speaking_pct\":35.2,"
        + "\"sentiment_avg\":0.72,\"chat_activity\":\"medium\",\"attention_score\":0.83,"
        + "\"engagement_score\":null,\"key_topics_contributed\":[\"Budget Review\"]}],"
        + "\"summary\":\"Two people attended.\",\"metrics_version\":\"1.0.0\"}", p.json());
  }

  @Test
  void withIdentitiesEmailsAppearWhereKnown() {
    WebhookPayload p = WebhookPayloads.build(meeting(),
        List.of(person("k2", "ada@example.com", 35.2), person("k1", null, 64.8)), true);
    assertEquals(true, p.json().contains("\"participant_email\":\"ada@example.com\""));
    assertEquals(true, p.json().contains("\"participant_email\":\"k1\""));
  }
}
