package dev.meetscope.models.payload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.WebhookPayload;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the per-meeting JSON payload of metrics.md ("Webhook payload"). {@code participant_email} holds
 * the email only when identities are allowed ({@code --includeIdentities=true}) and the person has one;
 * otherwise the pseudonymous {@code participant_key}. Scores are ordered by participant key so the same
 * meeting always gives the same bytes. {@code date} is the UTC date of the meeting start.
 */
public final class WebhookPayloads {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookPayloads() {}

  public static WebhookPayload build(MeetingSummary meeting, List<ParticipantMeeting> people,
      boolean includeIdentities) {
    ObjectNode root = JSON.createObjectNode();
    root.put("meeting_id", meeting.meetingId() != null ? meeting.meetingId() : meeting.meetingKey());
    root.put("meeting_key", meeting.meetingKey());
    if (meeting.meetingStart() != null) {
      root.put("date", meeting.meetingStart().atZone(ZoneOffset.UTC).toLocalDate().toString());
    } else {
      root.putNull("date");
    }
    ArrayNode scores = root.putArray("scores");
    people.stream().sorted(Comparator.comparing(ParticipantMeeting::participantKey)).forEach(p -> {
      ObjectNode s = scores.addObject();
      s.put("participant_email",
          includeIdentities && p.email() != null ? p.email() : p.participantKey());
      putNumber(s, "speaking_pct", p.speakingPct());
      putNumber(s, "sentiment_avg", p.sentimentAvg());
      s.put("chat_activity", p.chatActivity());
      putNumber(s, "attention_score", p.attentionScore());
      putNumber(s, "engagement_score", p.engagementScore());
      ArrayNode topics = s.putArray("key_topics_contributed");
      if (p.keyTopicsContributed() != null) {
        p.keyTopicsContributed().forEach(topics::add);
      }
    });
    root.put("summary", meeting.summary());
    root.put("metrics_version", meeting.metricsVersion());
    String key = meeting.meetingKey() + "@" + meeting.metricsVersion();
    return new WebhookPayload(meeting.meetingKey(), key, root.toString());
  }

  private static void putNumber(ObjectNode node, String field, Double value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}
