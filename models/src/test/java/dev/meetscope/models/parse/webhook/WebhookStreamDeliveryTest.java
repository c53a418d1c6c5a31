package dev.meetscope.models.parse.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.parse.ParseResult;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.MeetingEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One delivery at a time, as the streaming job reads relay NDJSON lines and Pub/Sub messages. */
class WebhookStreamDeliveryTest {
  private static final String UUID = "aB3+cD9/eF1gH2iJ3kL4mN==";

  private static String chat(String content, String recipientType) {
    return "{\"event\":\"meeting.chat_message_sent\",\"event_ts\":1772464000500,\"payload\":{\"account_id\":"
        + "\"Acc1\",\"object\":{\"id\":81234567890,\"uuid\":\"" + UUID + "\",\"chat_message\":{\"date_time\":"
        + "\"2026-03-02T15:06:40Z\",\"sender_name\":\"Grace Sample\",\"sender_email\":\"\","
        + (recipientType == null ? "" : "\"recipient_type\":\"" + recipientType + "\",")
        + "\"message_id\":\"M1\",\"message_content\":\"" + content + "\",\"file_ids\":[]}}}}";
  }

  private static ParseResult<MeetingEvent> read(String text, long line, String requestId) {
    return new WebhookEventReader().readDelivery(text, "events-1.ndjson", line, requestId, null);
  }

  @Test
  void anEnvelopeLineKeepsItsLineAndRequestId() {
    String envelope = "{\"request_id\":\"a1b2c3d4_e5f6_4a5b_8c9d_0e1f2a3b4c5d\",\"received_at\":"
        + "\"2026-03-02T15:06:41.000Z\",\"headers\":{},\"body\":" + chat("Thanks!", "everyone") + "}";
    ParseResult<MeetingEvent> r = read(envelope, 42, "ignored-when-the-envelope-has-one");
    MeetingEvent e = r.records().get(0);
    assertEquals(42, e.sourceLine());
    assertEquals("a1b2c3d4_e5f6_4a5b_8c9d_0e1f2a3b4c5d", e.requestId());
    assertEquals(Instant.parse("2026-03-02T15:06:40.500Z"), e.eventTime());
    assertNull(e.meetingKey());
    assertEquals(List.of(), e.flags());
    assertEquals("pubsub-id", read(chat("Thanks!", "everyone"), 1, "pubsub-id").records().get(0).requestId());
  }

  @Test
  void chatContentBecomesFlagsAndIsNeverKept() {
    assertEquals(List.of("chat_question"), read(chat("Will the slides be shared?", "everyone"), 1, "r")
        .records().get(0).flags());
    assertEquals(List.of("chat_question"), read(chat("how do we apply", null), 1, "r").records().get(0).flags());
    assertEquals(List.of("chat_emoji_only"), read(chat("👏👏 👍🏻", "everyone"), 1, "r").records().get(0).flags());
    assertEquals(List.of("chat_emoji_only"), read(chat("❤️", "everyone"), 1, "r").records().get(0).flags());
    assertEquals(List.of(), read(chat("Great update 👏", "everyone"), 1, "r").records().get(0).flags());
    assertEquals(List.of("chat_private"), read(chat("Can you call me?", "individual"), 1, "r").records().get(0)
        .flags());
    assertFalse(read(chat("Will the slides be shared?", "everyone"), 1, "r").records().get(0).toString()
        .contains("slides"));
  }

  @Test
  void aBrokenDeliveryIsOneRedactedDeadLetterAtItsLine() {
    String broken = chat("my secret question?", "everyone").substring(0, 300);
    ParseResult<MeetingEvent> r = read(broken, 7, "r");
    assertEquals(List.of(), r.records());
    DeadLetter d = r.deadLetters().get(0);
    assertEquals("WH_BAD_JSON", d.reason());
    assertEquals(7L, d.sourceLine());
    assertEquals("events-1.ndjson", d.sourceFile());
    assertFalse(d.rawText().contains("secret"), d.rawText());
    assertTrue(read("", 3, "r").deadLetters().get(0).message().startsWith("The delivery is empty"));
    assertEquals("WH_MISSING_FIELD", read("{\"event\":\"meeting.started\",\"payload\":{}}", 1, "r")
        .deadLetters().get(0).reason());
  }
}
