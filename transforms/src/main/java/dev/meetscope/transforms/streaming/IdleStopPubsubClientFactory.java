package dev.meetscope.transforms.streaming;

import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubClient;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubClient.PubsubClientFactory;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubOptions;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code --maxIdle} for Pub/Sub: wraps the real client factory so a client reports end of input once its
 * pulls returned nothing for {@code maxIdleMs}. Beam's Pub/Sub reader then moves its watermark to the end
 * of time when nothing is left unread, every window and timer fires, and the pipeline finishes on the Direct
 * and Flink runners. (Dataflow replaces the Pub/Sub read with its own; drain the job there instead.)
 */
public final class IdleStopPubsubClientFactory implements PubsubClientFactory {
  private static final long serialVersionUID = 1L;

  private final PubsubClientFactory delegate;
  private final long maxIdleMs;

  public IdleStopPubsubClientFactory(PubsubClientFactory delegate, long maxIdleMs) {
    if (maxIdleMs <= 0) {
      throw new IllegalArgumentException("maxIdle must be positive");
    }
    this.delegate = delegate;
    this.maxIdleMs = maxIdleMs;
  }

  @Override
  public PubsubClient newClient(@Nullable String timestampAttribute, @Nullable String idAttribute,
      PubsubOptions options) throws IOException {
    return new IdleStopClient(delegate.newClient(timestampAttribute, idAttribute, options), maxIdleMs);
  }

  @Override
  public PubsubClient newClient(@Nullable String timestampAttribute, @Nullable String idAttribute,
      PubsubOptions options, @Nullable String rootUrlOverride) throws IOException {
    return new IdleStopClient(delegate.newClient(timestampAttribute, idAttribute, options, rootUrlOverride),
        maxIdleMs);
  }

  @Override
  public String getKind() {
    return delegate.getKind() + "+IdleStop";
  }

  private static final class IdleStopClient extends ForwardingPubsubClient {
    private final long maxIdleMs;
    private volatile long lastMessageWallMs = System.currentTimeMillis();

    IdleStopClient(PubsubClient delegate, long maxIdleMs) {
      super(delegate);
      this.maxIdleMs = maxIdleMs;
    }

    @Override
    public List<IncomingMessage> pull(long requestTimeMsSinceEpoch, SubscriptionPath subscription, int batchSize,
        boolean returnImmediately) throws IOException {
      List<IncomingMessage> messages = delegate.pull(requestTimeMsSinceEpoch, subscription, batchSize,
          returnImmediately);
      if (!messages.isEmpty()) {
        lastMessageWallMs = System.currentTimeMillis();
      }
      return messages;
    }

    @Override
    public boolean isEOF() {
      return delegate.isEOF() || System.currentTimeMillis() - lastMessageWallMs >= maxIdleMs;
    }
  }
}
