package dev.meetscope.transforms.streaming;

import static org.junit.Assert.assertEquals;

import com.google.api.client.util.Clock;
import com.google.protobuf.ByteString;
import dev.meetscope.models.record.DropoffAlert;
import dev.meetscope.models.record.LiveWindowStats;
import dev.meetscope.transforms.schema.RecordCoders;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubClient;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubClient.IncomingMessage;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubClient.OutgoingMessage;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubClient.PubsubClientFactory;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubOptions;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubTestClient;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubTestClient.PubsubTestClientFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Reify;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.Rule;
import org.junit.Test;

/** The Pub/Sub source and the live topic, wired to Beam's in-memory {@link PubsubTestClient}. */
public class PubsubWiringTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static final String SUBSCRIPTION = "projects/meetscope-test/subscriptions/zoom-events";
  private static final String TOPIC = "projects/meetscope-test/topics/live";
  private static final long TEST_TIME = 673L;
  private static final Clock CLOCK = (Clock & Serializable) () -> TEST_TIME;
  private static final String UUID = "pUbSuB+0001/aBcDeFg==";
  private static final long T0 = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();

  /**
   * Beam's test client insists that a pull's request time equals its own clock; Beam's reader uses the wall
   * clock (its clock hook is not public), so the request time is replaced by the test's.
   */
  static final class TestTimePulls implements PubsubClientFactory {
    private final PubsubClientFactory delegate;

    TestTimePulls(PubsubClientFactory delegate) {
      this.delegate = delegate;
    }

    @Override
    public PubsubClient newClient(@Nullable String ts, @Nullable String id, PubsubOptions options) throws IOException {
      return new ForwardingPubsubClient(delegate.newClient(ts, id, options)) {
        @Override
        public List<IncomingMessage> pull(long requestTime, SubscriptionPath subscription, int batchSize,
            boolean returnImmediately) throws IOException {
          return delegate.pull(TEST_TIME, subscription, batchSize, returnImmediately);
        }
      };
    }

    @Override
    public PubsubClient newClient(@Nullable String ts, @Nullable String id, PubsubOptions options,
        @Nullable String rootUrlOverride) throws IOException {
      return newClient(ts, id, options);
    }

    @Override
    public String getKind() {
      return "TestTimePulls";
    }
  }

  private static IncomingMessage message(String body, String requestId, long eventTs, String messageId) {
    com.google.pubsub.v1.PubsubMessage m = com.google.pubsub.v1.PubsubMessage.newBuilder()
        .setData(ByteString.copyFromUtf8(body))
        .putAttributes("request_id", requestId)
        .putAttributes("event", "meeting.participant_joined")
        .putAttributes("event_ts", Long.toString(eventTs))
        .build();
    return IncomingMessage.of(m, eventTs, 0, "ack-" + messageId, messageId);
  }

  private static IncomingMessage withEventTs(IncomingMessage m, @Nullable String eventTs) {
    com.google.pubsub.v1.PubsubMessage.Builder b = m.message().toBuilder().removeAttributes("event_ts");
    if (eventTs != null) {
      b.putAttributes("event_ts", eventTs);
    }
    return IncomingMessage.of(b.build(), m.timestampMsSinceEpoch(), 0, m.ackId(), m.recordId());
  }

  private static String joinBody(String user, String userId, long eventTs) {
    return "{\"payload\":{\"account_id\":\"Acc1\",\"object\":{\"uuid\":\"" + UUID + "\",\"id\":\"81234567890\","
        + "\"participant\":{\"user_id\":\"" + userId + "\",\"user_name\":\"" + user + "\",\"join_time\":"
        + "\"2026-03-02T15:00:00Z\"}}},\"event_ts\":" + eventTs + ",\"event\":\"meeting.participant_joined\"}";
  }

  @Test
  public void readsWebhookBodiesAtTheirEventTimeWithRequestIds() throws IOException {
    List<IncomingMessage> incoming = List.of(
        message(joinBody("Ada Example", "101", T0 + 1_000), "rid-1", T0 + 1_000, "m1"),
        message(joinBody("Grace Sample", "102", T0 + 2_000), "rid-2", T0 + 2_000, "m2"),
        message("{\"payload\":{\"object\":", "rid-3", T0 + 3_000, "m3"),
        // Published by something other than the relay: no event_ts, or one that is not a time. Each becomes a
        // dead letter; Beam's own client would throw and stop the job.
        withEventTs(message(joinBody("Lin Other", "103", T0 + 4_000), "rid-4", T0 + 4_000, "m4"), null),
        withEventTs(message(joinBody("Lin Other", "103", T0 + 5_000), "rid-5", T0 + 5_000, "m5"), "yesterday"));
    try (PubsubTestClientFactory factory = PubsubTestClient.createFactoryForPull(CLOCK,
        PubsubClient.subscriptionPathFromPath(SUBSCRIPTION), 60, incoming)) {
      PCollection<ParsedDelivery> read = pipeline.apply(ReadPubsubEvents.fromSubscription(SUBSCRIPTION)
          .withClientFactory(new TestTimePulls(factory)));
      PAssert.that(read.apply(Reify.timestamps()).apply("Describe", MapElements.into(TypeDescriptors.strings())
              .via((TimestampedValue<ParsedDelivery> t) -> {
                ParsedDelivery d = t.getValue();
                return d.event() != null
                    ? d.event().meetingKey() + " " + d.event().displayName() + " " + d.event().requestId() + " @"
                        + (t.getTimestamp().getMillis() - T0) + " " + d.event().sourceFile()
                    : d.deadLetter().reason() + " " + d.deadLetter().sourceFile();
              })))
          .containsInAnyOrder(
              UUID + " Ada Example rid-1 @1000 pubsub:" + SUBSCRIPTION + "#m1",
              UUID + " Grace Sample rid-2 @2000 pubsub:" + SUBSCRIPTION + "#m2",
              "WH_BAD_JSON pubsub:" + SUBSCRIPTION + "#m3",
              "STREAM_NO_EVENT_TS pubsub:" + SUBSCRIPTION + "#m4",
              "STREAM_NO_EVENT_TS pubsub:" + SUBSCRIPTION + "#m5");
      pipeline.run().waitUntilFinish();
    }
  }

  @Test
  public void publishesLivePanesAndAlertsAsJsonWithAttributes() throws IOException {
    Instant start = Instant.ofEpochMilli(T0);
    LiveWindowStats stats = new LiveWindowStats(UUID, "81234567890", start, start.plusSeconds(60), "EARLY", 0L, 2, 0,
        2, 0, 0, 1, 1, 0, 1, null, 50.0, 3L, start.plusSeconds(5), false, "1.0.0");
    DropoffAlert alert = new DropoffAlert(UUID, "81234567890", start, start.plusSeconds(60), 5, 20, 0.25, "EARLY",
        0L, start.plusSeconds(30), "1.0.0");
    long ts = T0 + 59_999;
    List<OutgoingMessage> expected = List.of(
        outgoing(PublishLive.message(stats), ts), outgoing(PublishLive.message(alert), ts));
    assertEquals("{\"meeting_key\":\"" + UUID + "\",\"meeting_id\":\"81234567890\",\"window_start\":"
            + "\"2026-03-02T15:00:00Z\",\"window_end\":\"2026-03-02T15:01:00Z\",\"pane_timing\":\"EARLY\","
            + "\"pane_index\":0,\"present\":2,\"present_at_start\":0,\"joins\":2,\"leaves\":0,\"departures\":0,"
            + "\"chat_messages\":1,\"questions\":1,\"reactions\":0,\"active_chatters\":1,\"chat_sentiment\":null,"
            + "\"engagement_index\":50.0,\"events\":3,\"max_event_time\":\"2026-03-02T15:00:05Z\","
            + "\"mass_dropoff\":false,\"metrics_version\":\"1.0.0\"}",
        new String(PublishLive.message(stats).getPayload(), StandardCharsets.UTF_8));
    assertEquals(Map.of("type", "dropoff_alert", "meeting_key", UUID, "window_end", "2026-03-02T15:01:00Z"),
        PublishLive.message(alert).getAttributeMap());
    // No expected topic: Beam's writer tags each message with its topic, which the test client then checks.
    try (PubsubTestClientFactory factory = PubsubTestClient.createFactoryForPublish(null, expected, List.of())) {
      PCollection<LiveWindowStats> statsIn = pipeline.apply("Stats", Create.timestamped(
          TimestampedValue.of(stats, new org.joda.time.Instant(ts))).withCoder(RecordCoders.of(LiveWindowStats.class)));
      PCollection<DropoffAlert> alertsIn = pipeline.apply("Alerts", Create.timestamped(
          TimestampedValue.of(alert, new org.joda.time.Instant(ts))).withCoder(RecordCoders.of(DropoffAlert.class)));
      statsIn.apply(PublishLive.to(TOPIC, alertsIn).withClientFactory(factory));
      pipeline.run().waitUntilFinish();
    }
  }

  private static OutgoingMessage outgoing(org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage m, long ts) {
    return OutgoingMessage.of(com.google.pubsub.v1.PubsubMessage.newBuilder()
        .setData(ByteString.copyFrom(m.getPayload())).putAllAttributes(m.getAttributeMap()).build(), ts, null, TOPIC);
  }
}
