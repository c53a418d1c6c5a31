package dev.meetscope.transforms.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.client.util.Clock;
import com.google.protobuf.ByteString;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubClient;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubClient.IncomingMessage;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubClient.SubscriptionPath;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubOptions;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubTestClient;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubTestClient.PubsubTestClientFactory;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/** When a {@code --maxIdle} Pub/Sub client reports the end of input, on Beam's in-memory Pub/Sub client. */
class IdleStopPubsubClientFactoryTest {
  private static final AtomicLong NOW = new AtomicLong();
  private static final Clock CLOCK = (Clock & Serializable) NOW::get;
  private static final SubscriptionPath SUBSCRIPTION =
      PubsubClient.subscriptionPathFromPath("projects/meetscope-test/subscriptions/zoom-events");

  private static IncomingMessage message(String id) {
    return IncomingMessage.of(com.google.pubsub.v1.PubsubMessage.newBuilder()
        .setData(ByteString.copyFromUtf8("{}")).build(), 1_000, 0, "ack-" + id, id);
  }

  private static List<IncomingMessage> pull(PubsubClient client) throws Exception {
    return client.pull(NOW.get(), SUBSCRIPTION, 10, true);
  }

  @Test
  void endOfInputNeedsTwoEmptyPullsInARowAndMaxIdleWithoutMessages() throws Exception {
    NOW.set(1_000_000);
    try (PubsubTestClientFactory pubsub = PubsubTestClient.createFactoryForPull(CLOCK, SUBSCRIPTION, 60,
        List.of(message("m1")))) {
      IdleStopPubsubClientFactory factory = new IdleStopPubsubClientFactory(pubsub, 5_000, NOW::get);
      try (PubsubClient client = factory.newClient(null, null,
          PipelineOptionsFactory.create().as(PubsubOptions.class))) {
        assertFalse(client.isEOF());
        List<IncomingMessage> got = pull(client);
        assertEquals(1, got.size());
        client.acknowledge(SUBSCRIPTION, List.of(got.get(0).ackId()));

        NOW.addAndGet(10_000);
        assertTrue(pull(client).isEmpty());
        // A read that just emitted messages has made at most one empty pull: not the end yet.
        assertFalse(client.isEOF());
        assertTrue(pull(client).isEmpty());
        assertTrue(client.isEOF());
      }
    }
  }

  @Test
  void emptyPullsWithinMaxIdleAreNotTheEnd() throws Exception {
    NOW.set(2_000_000);
    try (PubsubTestClientFactory pubsub = PubsubTestClient.createFactoryForPull(CLOCK, SUBSCRIPTION, 60,
        List.of())) {
      IdleStopPubsubClientFactory factory = new IdleStopPubsubClientFactory(pubsub, 5_000, NOW::get);
      try (PubsubClient client = factory.newClient(null, null,
          PipelineOptionsFactory.create().as(PubsubOptions.class))) {
        assertTrue(pull(client).isEmpty());
        assertTrue(pull(client).isEmpty());
        NOW.addAndGet(4_999);
        assertFalse(client.isEOF(), "idle for less than maxIdle since the client started");
        NOW.addAndGet(1);
        assertTrue(client.isEOF());
      }
    }
  }
}
