package dev.meetscope.transforms.relay;

import dev.meetscope.models.webhook.RelayEnvelope;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Where the webhook relay persists accepted deliveries. {@link #submit} never blocks on I/O: the sink's own
 * thread writes, and the future completes once the envelope is durable, which is when the relay acks.
 */
public interface EnvelopeSink extends AutoCloseable {
  CompletableFuture<Void> submit(RelayEnvelope envelope);

  /** Stops accepting, persists what was submitted, releases resources. */
  @Override
  void close() throws IOException;

  String describe();
}
