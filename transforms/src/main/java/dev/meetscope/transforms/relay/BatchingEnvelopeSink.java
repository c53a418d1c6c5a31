package dev.meetscope.transforms.relay;

import dev.meetscope.models.webhook.RelayEnvelope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plumbing both relay sinks share: a bounded queue (a full queue fails the submission at once, so the
 * relay answers 503 and Zoom retries), one worker thread that drains it in batches, and futures that
 * complete when {@link #persist} has made a batch durable — or fail with its exception.
 *
 * @param <P> what a submission is queued as (a ready NDJSON line, an envelope)
 */
abstract class BatchingEnvelopeSink<P> implements EnvelopeSink {
  private static final Logger LOG = LoggerFactory.getLogger(BatchingEnvelopeSink.class);

  /** One queued submission. */
  protected record Pending<P>(P payload, CompletableFuture<Void> done) {}

  private final Pending<P> stop = new Pending<>(null, new CompletableFuture<>());
  private final BlockingQueue<Pending<P>> queue;
  private final String name;
  private final long pollMillis;
  private final int maxBatch;
  private final long maxBatchWeight;
  private Thread worker;
  private volatile boolean closed;

  /**
   * @param name used in thread names and error messages, e.g. "file sink"
   * @param maxBatchWeight a batch stops growing once the {@link #weight} of its payloads reaches this
   */
  BatchingEnvelopeSink(String name, int queueCapacity, long pollMillis, int maxBatch, long maxBatchWeight) {
    this.name = name;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.pollMillis = pollMillis;
    this.maxBatch = maxBatch;
    this.maxBatchWeight = maxBatchWeight;
  }

  /** Starts the worker; subclasses call it last in their constructor, once their state is ready. */
  protected final void start(String threadName) {
    worker = new Thread(this::run, threadName);
    worker.setDaemon(true);
    worker.start();
  }

  /** Turns an envelope into what is queued; runs on the caller's thread. */
  protected abstract P prepare(RelayEnvelope envelope);

  /** Makes a batch durable, or throws; runs on the worker thread only. */
  protected abstract void persist(List<P> batch) throws IOException;

  /** Size of one payload towards {@code maxBatchWeight}. */
  protected long weight(P payload) {
    return 1;
  }

  /** Called on the worker thread at every poll, with or without a batch (e.g. to roll an old file). */
  protected void onTick() throws IOException {}

  /** Called on the worker thread after a failed {@link #persist}. */
  protected void onFailure(Exception e) {}

  /** Called once on the worker thread after the last batch, before refusing what is left. */
  protected void onStop() {}

  @Override
  public final CompletableFuture<Void> submit(RelayEnvelope envelope) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (closed) {
      done.completeExceptionally(new IOException("the " + name + " is closed"));
    } else if (!queue.offer(new Pending<>(prepare(envelope), done))) {
      done.completeExceptionally(new IOException("the " + name + " queue is full"));
    }
    return done;
  }

  @Override
  public final void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      queue.put(stop);
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while closing the " + name, e);
    }
  }

  private void run() {
    boolean stopping = false;
    List<Pending<P>> batch = new ArrayList<>();
    while (!stopping) {
      Pending<P> first;
      try {
        first = queue.poll(pollMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        break;
      }
      if (first != null) {
        stopping = collect(first, batch);
      }
      try {
        onTick();
        if (!batch.isEmpty()) {
          persist(batch.stream().map(Pending::payload).toList());
          batch.forEach(p -> p.done().complete(null));
        }
      } catch (IOException | RuntimeException e) {
        LOG.error("The {} failed: {}", name, e.toString());
        batch.forEach(p -> p.done().completeExceptionally(e));
        onFailure(e);
      }
      batch.clear();
    }
    onStop();
    for (Pending<P> p; (p = queue.poll()) != null; ) {
      if (p != stop) {
        p.done().completeExceptionally(new IOException("the " + name + " is closed"));
      }
    }
  }

  /** Fills {@code batch} up to the count and weight limits; true when the stop marker was taken. */
  private boolean collect(Pending<P> first, List<Pending<P>> batch) {
    boolean stopping = false;
    long weight = 0;
    for (Pending<P> next = first; next != null; next = queue.poll()) {
      if (next == stop) {
        // Whatever was queued after the stop marker is refused, not written.
        stopping = true;
        break;
      } else {
        batch.add(next);
        weight += weight(next.payload());
      }
      if (batch.size() >= maxBatch || weight >= maxBatchWeight) {
        break;
      }
    }
    return stopping;
  }
}
