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
 *
 * <p>End of input needs two empty pulls in a row, not one: Beam's reader pulls only when its queue is empty,
 * so a read that emitted messages has made at most one empty pull since. Reporting the end right after
 * emitting messages made the Direct runner finalize that read's checkpoint twice (once for the end of input,
 * once after the output is committed), which Beam's Pub/Sub checkpoint rejects ("Cannot finalize a restored
 * checkpoint") and the whole job failed ({@code StreamOnPubsubEmulatorTest} found it).
 */
public final class IdleStopPubsubClientFactory implements PubsubClientFactory {
  private static final long serialVersionUID = 1L;

  private final PubsubClientFactory delegate;
  private final long maxIdleMs;

  private final NdjsonFolderSource.WallClock clock;

  public IdleStopPubsubClientFactory(PubsubClientFactory delegate, long maxIdleMs) {
    this(delegate, maxIdleMs, System::currentTimeMillis);
  }

  /** With a wall clock of the test's. */
  IdleStopPubsubClientFactory(PubsubClientFactory delegate, long maxIdleMs, NdjsonFolderSource.WallClock clock) {
    if (maxIdleMs <= 0) {
      throw new IllegalArgumentException("maxIdle must be positive");
    }
    this.delegate = delegate;
    this.maxIdleMs = maxIdleMs;
    this.clock = clock;
  }

  @Override
  public PubsubClient newClient(@Nullable String timestampAttribute, @Nullable String idAttribute,
      PubsubOptions options) throws IOException {
    return new IdleStopClient(delegate.newClient(timestampAttribute, idAttribute, options), maxIdleMs, clock);
  }

  @Override
  public PubsubClient newClient(@Nullable String timestampAttribute, @Nullable String idAttribute,
      PubsubOptions options, @Nullable String rootUrlOverride) throws IOException {
    return new IdleStopClient(delegate.newClient(timestampAttribute, idAttribute, options, rootUrlOverride),
        maxIdleMs, clock);
  }

  @Override
  public String getKind() {
    return delegate.getKind() + "+IdleStop";
  }

  private static final class IdleStopClient extends ForwardingPubsubClient {
    private final long maxIdleMs;
    private final NdjsonFolderSource.WallClock clock;
    private volatile long lastMessageWallMs;
    private volatile int emptyPullsInARow;

    IdleStopClient(PubsubClient delegate, long maxIdleMs, NdjsonFolderSource.WallClock clock) {
      super(delegate);
      this.maxIdleMs = maxIdleMs;
      this.clock = clock;
      this.lastMessageWallMs = clock.getAsLong();
    }

    @Override
    public List<IncomingMessage> pull(long requestTimeMsSinceEpoch, SubscriptionPath subscription, int batchSize,
        boolean returnImmediately) throws IOException {
      List<IncomingMessage> messages = delegate.pull(requestTimeMsSinceEpoch, subscription, batchSize,
          returnImmediately);
      if (messages.isEmpty()) {
        emptyPullsInARow++;
      } else {
        emptyPullsInARow = 0;
        lastMessageWallMs = clock.getAsLong();
      }
      return messages;
    }

    /** Two empty pulls in a row and nothing received for {@code maxIdleMs} (see the class comment). */
    @Override
    public boolean isEOF() {
      return emptyPullsInARow >= 2 && clock.getAsLong() - lastMessageWallMs >= maxIdleMs;
    }
  }
}
