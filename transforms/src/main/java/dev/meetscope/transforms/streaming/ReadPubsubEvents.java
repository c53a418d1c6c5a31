package dev.meetscope.transforms.streaming;

import dev.meetscope.models.parse.InputFormat;
import dev.meetscope.models.parse.webhook.WebhookEventReader;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.transforms.schema.RecordCoders;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubClient.PubsubClientFactory;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubIO;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubJsonClient;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * The Pub/Sub source: webhook bodies as the relay (or {@code meetscope replay}) publishes them, message data
 * = the raw body, attributes {@code request_id}, {@code event}, {@code event_ts}. The element timestamp is
 * {@code event_ts} (event time from the payload; Beam's reader estimates the watermark from it), and
 * {@code request_id} is Pub/Sub's id attribute, so a runner that supports it (Dataflow) drops redeliveries
 * itself; the pipeline de-duplicates by request id anyway. A message without a parseable {@code event_ts}
 * becomes a {@value #NO_EVENT_TS} dead letter ({@link EventTimeAttributeClientFactory}) instead of stopping the
 * job.
 */
public final class ReadPubsubEvents extends PTransform<PBegin, PCollection<ParsedDelivery>> {
  public static final String ID_ATTRIBUTE = "request_id";
  public static final String TIMESTAMP_ATTRIBUTE = "event_ts";
  public static final String NO_EVENT_TS = "STREAM_NO_EVENT_TS";

  private final String subscription;
  private final @Nullable PubsubClientFactory clientFactory;
  private final long maxIdleMs;

  private ReadPubsubEvents(String subscription, @Nullable PubsubClientFactory clientFactory, long maxIdleMs) {
    if (!subscription.matches("projects/[^/\\s]+/subscriptions/[^/\\s]+")) {
      throw new IllegalArgumentException(
          "--subscription must be projects/<project>/subscriptions/<subscription>, got '" + subscription + "'");
    }
    this.subscription = subscription;
    this.clientFactory = clientFactory;
    this.maxIdleMs = maxIdleMs;
  }

  public static ReadPubsubEvents fromSubscription(String subscription) {
    return new ReadPubsubEvents(subscription, null, 0);
  }

  /** Finish after {@code maxIdleMs} without a message (Direct and Flink runners); 0 = never. */
  public ReadPubsubEvents withMaxIdleMs(long value) {
    return new ReadPubsubEvents(subscription, clientFactory, value);
  }

  /** A client factory to use instead of Pub/Sub's JSON API (tests: Beam's {@code PubsubTestClient}). */
  public ReadPubsubEvents withClientFactory(PubsubClientFactory factory) {
    return new ReadPubsubEvents(subscription, factory, maxIdleMs);
  }

  @Override
  public PCollection<ParsedDelivery> expand(PBegin begin) {
    PubsubIO.Read<PubsubMessage> read = PubsubIO.readMessagesWithAttributesAndMessageId()
        .fromSubscription(subscription)
        .withIdAttribute(ID_ATTRIBUTE)
        .withTimestampAttribute(TIMESTAMP_ATTRIBUTE);
    PubsubClientFactory factory = new EventTimeAttributeClientFactory(
        clientFactory != null ? clientFactory : PubsubJsonClient.FACTORY);
    if (maxIdleMs > 0) {
      factory = new IdleStopPubsubClientFactory(factory, maxIdleMs);
    }
    read = read.withClientFactory(factory);
    return begin
        .apply("ReadPubsub", read)
        .apply("ParseMessages", ParDo.of(new ParseMessageFn(subscription)))
        .setCoder(RecordCoders.of(ParsedDelivery.class));
  }

  /** One message → its events (at their event time) or dead letters (at the message's timestamp). */
  static final class ParseMessageFn extends DoFn<PubsubMessage, ParsedDelivery> {
    private final String subscription;
    private final DeliveryParser parser = new DeliveryParser();

    ParseMessageFn(String subscription) {
      this.subscription = subscription;
    }

    @ProcessElement
    public void process(@Element PubsubMessage message, @Timestamp Instant timestamp,
        OutputReceiver<ParsedDelivery> out) {
      String body = new String(message.getPayload(), StandardCharsets.UTF_8);
      String requestId = message.getAttribute(ID_ATTRIBUTE);
      String source = "pubsub:" + subscription + "#" + message.getMessageId();
      String problem = message.getAttribute(EventTimeAttributeClientFactory.PROBLEM_ATTRIBUTE);
      if (problem != null) {
        out.output(ParsedDelivery.of(new DeadLetter(null, DeliveryParser.STAGE, InputFormat.WEBHOOK_EVENTS.id(),
            source, 1L, null, NO_EVENT_TS, "The Pub/Sub message's " + TIMESTAMP_ATTRIBUTE + " attribute is " + problem
                + ": the relay sets it to the event's time (ms since the epoch); without it the event cannot be"
                + " placed in event time.", WebhookEventReader.redacted(body))));
        return;
      }
      for (DeliveryParser.Timed t : parser.parse(body, source, 1, requestId)) {
        // event_ts is the message timestamp already; an event may only move forward from it.
        Instant at = t.eventTime() == null || t.eventTime().toEpochMilli() < timestamp.getMillis()
            ? timestamp : new Instant(t.eventTime().toEpochMilli());
        out.outputWithTimestamp(t.delivery(), at);
      }
    }

    @Override
    public org.joda.time.Duration getAllowedTimestampSkew() {
      return org.joda.time.Duration.ZERO;
    }
  }
}
