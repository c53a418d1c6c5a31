package dev.meetscope.transforms.streaming;

import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.MeetingEvent;

/**
 * What one delivery of the stream became: a webhook event (keyed by its meeting UUID) or a dead letter.
 * Exactly one of the two is set. Sources emit these timestamped by event time.
 */
public record ParsedDelivery(MeetingEvent event, DeadLetter deadLetter) {
  public ParsedDelivery {
    if ((event == null) == (deadLetter == null)) {
      throw new IllegalArgumentException("exactly one of event and deadLetter must be set");
    }
  }

  public static ParsedDelivery of(MeetingEvent event) {
    return new ParsedDelivery(event, null);
  }

  public static ParsedDelivery of(DeadLetter deadLetter) {
    return new ParsedDelivery(null, deadLetter);
  }
}
