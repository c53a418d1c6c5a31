package dev.meetscope.transforms.streaming;

import dev.meetscope.models.parse.InputFormat;
import dev.meetscope.models.parse.ParseResult;
import dev.meetscope.models.parse.webhook.WebhookEventReader;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.stream.StreamEvents;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One delivery (an NDJSON line of a relay file, a Pub/Sub message body) → parsed deliveries: events keyed by
 * their meeting UUID, or dead letters. An event that carries no time at all cannot be placed in event time
 * and becomes a dead letter {@code STREAM_NO_EVENT_TIME}.
 */
public final class DeliveryParser implements Serializable {
  public static final String STAGE = "stream_parse";
  public static final String NO_EVENT_TIME = "STREAM_NO_EVENT_TIME";

  private static final WebhookEventReader READER = new WebhookEventReader();

  /** A parsed delivery with the event time it should carry (null for dead letters). */
  public record Timed(ParsedDelivery delivery, Instant eventTime) {}

  public List<Timed> parse(String text, String source, long line, String requestId) {
    ParseResult<MeetingEvent> r = READER.readDelivery(text, source, line, requestId, null);
    List<Timed> out = new ArrayList<>(r.records().size() + r.deadLetters().size());
    for (MeetingEvent e : r.records()) {
      Instant t = StreamEvents.eventTime(e);
      if (t == null) {
        out.add(new Timed(ParsedDelivery.of(new DeadLetter(e.meetingUuid(), STAGE,
            InputFormat.WEBHOOK_EVENTS.id(), source, line, null, NO_EVENT_TIME,
            "Event '" + e.event() + "' has no event_ts and no join, leave, start or end time, so it cannot be"
                + " placed in event time.", WebhookEventReader.redacted(text))), null));
      } else {
        out.add(new Timed(ParsedDelivery.of(e.withMeetingKey(StreamEvents.meetingKey(e))), t));
      }
    }
    for (DeadLetter d : r.deadLetters()) {
      out.add(new Timed(ParsedDelivery.of(d), null));
    }
    return out;
  }
}
