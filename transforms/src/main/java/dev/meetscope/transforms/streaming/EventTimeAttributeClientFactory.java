package dev.meetscope.transforms.streaming;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubClient;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubOptions;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads the {@code event_ts} attribute itself, so a message without one (or with a malformed one) becomes a
 * dead letter instead of stopping the job.
 *
 * <p>Beam's Pub/Sub clients throw on a message that lacks the timestamp attribute, and the reader retries the
 * same message forever. This factory asks its delegate for a client without a timestamp attribute (it stamps
 * messages with their publish time) and re-stamps each message from the attribute when it parses; otherwise it
 * keeps the publish time and marks the message with {@link #PROBLEM_ATTRIBUTE}, which
 * {@link ReadPubsubEvents} turns into a {@code STREAM_NO_EVENT_TS} dead letter. Runners that replace Beam's
 * reader with their own (Dataflow) do not use client factories; there the service's own rule applies.
 */
public final class EventTimeAttributeClientFactory implements PubsubClient.PubsubClientFactory {
  private static final long serialVersionUID = 1L;
  /** Set on a message whose timestamp attribute is missing or unparseable; the value says which. */
  public static final String PROBLEM_ATTRIBUTE = "meetscope_event_ts_problem";

  private final PubsubClient.PubsubClientFactory delegate;

  public EventTimeAttributeClientFactory(PubsubClient.PubsubClientFactory delegate) {
    this.delegate = delegate;
  }

  @Override
  public PubsubClient newClient(@Nullable String timestampAttribute, @Nullable String idAttribute,
      PubsubOptions options) throws IOException {
    return wrap(delegate.newClient(null, idAttribute, options), timestampAttribute);
  }

  @Override
  public PubsubClient newClient(@Nullable String timestampAttribute, @Nullable String idAttribute,
      PubsubOptions options, @Nullable String rootUrlOverride) throws IOException {
    return wrap(delegate.newClient(null, idAttribute, options, rootUrlOverride), timestampAttribute);
  }

  private static PubsubClient wrap(PubsubClient client, @Nullable String timestampAttribute) {
    return timestampAttribute == null ? client : new EventTimeClient(client, timestampAttribute);
  }

  @Override
  public String getKind() {
    return "EventTimeAttribute(" + delegate.getKind() + ")";
  }

  private static final class EventTimeClient extends ForwardingPubsubClient {
    private final String attribute;

    EventTimeClient(PubsubClient delegate, String attribute) {
      super(delegate);
      this.attribute = attribute;
    }

    @Override
    public List<IncomingMessage> pull(long requestTimeMsSinceEpoch, SubscriptionPath subscription, int batchSize,
        boolean returnImmediately) throws IOException {
      List<IncomingMessage> pulled = delegate.pull(requestTimeMsSinceEpoch, subscription, batchSize,
          returnImmediately);
      List<IncomingMessage> out = new ArrayList<>(pulled.size());
      for (IncomingMessage m : pulled) {
        out.add(stamped(m, attribute));
      }
      return out;
    }
  }

  /** The message at its attribute's time, or at publish time and marked when the attribute does not parse. */
  static PubsubClient.IncomingMessage stamped(PubsubClient.IncomingMessage m, String attribute) {
    String value = m.message().getAttributesMap().get(attribute);
    Long at = null;
    if (value != null && !value.isBlank()) {
      try {
        at = TimestampAttribute.parse(value);
      } catch (IllegalArgumentException e) {
        at = null;
      }
    }
    if (at != null) {
      return PubsubClient.IncomingMessage.of(m.message(), at, m.requestTimeMsSinceEpoch(), m.ackId(), m.recordId());
    }
    String problem = value == null || value.isBlank() ? "missing" : "unparseable: " + value;
    return PubsubClient.IncomingMessage.of(m.message().toBuilder().putAttributes(PROBLEM_ATTRIBUTE, problem).build(),
        m.timestampMsSinceEpoch(), m.requestTimeMsSinceEpoch(), m.ackId(), m.recordId());
  }

  /** Beam's parser for timestamp attributes (milliseconds since the epoch, or RFC 3339), which is protected. */
  private abstract static class TimestampAttribute extends PubsubClient {
    static long parse(String value) {
      Long ms = parseTimestampAsMsSinceEpoch(value);
      if (ms == null) {
        throw new IllegalArgumentException("not a timestamp: " + value);
      }
      return ms;
    }
  }
}
