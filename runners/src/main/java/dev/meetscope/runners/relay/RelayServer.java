package dev.meetscope.runners.relay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.meetscope.models.webhook.WebhookDecision;
import dev.meetscope.models.webhook.WebhookDecision.Outcome;
import dev.meetscope.models.webhook.WebhookIntake;
import dev.meetscope.models.webhook.WebhookRequest;
import dev.meetscope.transforms.relay.EnvelopeSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Zoom webhook endpoint (JDK {@link HttpServer}). A request thread reads at most {@code maxBodyBytes},
 * lets {@link WebhookIntake} decide, hands accepted envelopes to the sink and acknowledges only once the
 * sink says the envelope is persisted, waiting at most {@code ackTimeout} (below Zoom's 3 s); a sink that
 * is slower or failing gets a 503 so Zoom retries. Nothing slow runs on the request thread itself. Logs carry
 * the outcome, request id and event, never headers or bodies.
 */
public final class RelayServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RelayServer.class);
  /** Bodies up to this size are read and discarded before a 4xx, so the client sees the answer. */
  private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

  /**
   * @param bind address and port; port 0 picks a free one
   * @param path the webhook path, e.g. {@code /}
   * @param ackTimeout how long a request waits for the sink before answering 503
   */
  public record Config(InetSocketAddress bind, String path, int maxBodyBytes, Duration ackTimeout, int threads) {}

  private final Config config;
  private final WebhookIntake intake;
  private final EnvelopeSink sink;
  private final Clock clock;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<Outcome, AtomicLong> counts = new EnumMap<>(Outcome.class);
  private final AtomicLong notPersisted = new AtomicLong();

  public RelayServer(Config config, WebhookIntake intake, EnvelopeSink sink, Clock clock) throws IOException {
    this.config = config;
    this.intake = intake;
    this.sink = sink;
    this.clock = clock;
    for (Outcome o : Outcome.values()) {
      counts.put(o, new AtomicLong());
    }
    this.server = HttpServer.create(config.bind(), 256);
    this.executor = Executors.newFixedThreadPool(config.threads(), r -> {
      Thread t = new Thread(r, "relay-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  public RelayServer start() {
    server.start();
    LOG.info("Zoom webhook relay listening on {} path {} -> {}", server.getAddress(), config.path(),
        sink.describe());
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Requests that ended with this outcome so far. */
  public long count(Outcome outcome) {
    return counts.get(outcome).get();
  }

  /** Accepted requests answered 503 because the sink did not persist them in time. */
  public long notPersisted() {
    return notPersisted.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getPath();
      byte[] body = new byte[0];
      boolean tooLarge = false;
      if (config.path().equals(path) && "POST".equals(method)) {
        long declared = declaredLength(ex);
        if (declared > config.maxBodyBytes()) {
          tooLarge = true;
          drain(ex.getRequestBody(), declared);
        } else {
          body = ex.getRequestBody().readNBytes(config.maxBodyBytes() + 1);
          if (body.length > config.maxBodyBytes()) {
            tooLarge = true;
            body = new byte[0];
            drain(ex.getRequestBody(), -1);
          }
        }
      } else {
        drain(ex.getRequestBody(), declaredLength(ex));
      }
      WebhookDecision d = intake.decide(new WebhookRequest(method, path, ex.getRequestHeaders(), body, tooLarge),
          clock.instant());
      counts.get(d.outcome()).incrementAndGet();
      if (!d.forwards()) {
        if (d.outcome() != Outcome.URL_VALIDATION) {
          LOG.info("{} {} -> {} {}", method, path, d.status(), d.outcome());
        } else {
          LOG.info("Answered endpoint.url_validation");
        }
        if (d.outcome() == Outcome.METHOD_NOT_ALLOWED) {
          ex.getResponseHeaders().add("Allow", "POST");
        }
        respond(ex, d.status(), d.responseJson());
        return;
      }
      try {
        sink.submit(d.envelope()).get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        notPersisted.incrementAndGet();
        LOG.warn("Not persisted in time, answering 503 (Zoom will retry): request_id={} event={} cause={}",
            d.envelope().requestId(), d.envelope().event(),
            e instanceof ExecutionException ? e.getCause().toString() : "timeout");
        respond(ex, 503, "{\"error\":\"NOT_PERSISTED\"}".getBytes(StandardCharsets.UTF_8));
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        respond(ex, 503, "{\"error\":\"SHUTTING_DOWN\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      LOG.debug("Accepted request_id={} event={}", d.envelope().requestId(), d.envelope().event());
      respond(ex, d.status(), d.responseJson());
    } catch (RuntimeException e) {
      LOG.error("Relay request failed: {}", e.toString());
      throw e;
    }
  }

  private static long declaredLength(HttpExchange ex) {
    String v = ex.getRequestHeaders().getFirst("Content-Length");
    if (v == null) {
      return -1;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Reads and discards the rest of a body up to {@link #DRAIN_LIMIT}; beyond that the connection is dropped. */
  private static void drain(InputStream in, long declared) throws IOException {
    if (declared > DRAIN_LIMIT) {
      return;
    }
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    int n;
    while (total < DRAIN_LIMIT && (n = in.read(buf)) > 0) {
      total += n;
    }
  }

  private static void respond(HttpExchange ex, int status, byte[] json) throws IOException {
    if (json == null || json.length == 0) {
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, json.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(json);
    }
  }

  /** Stops taking requests (in-flight ones get up to a second), then closes the sink, which persists the rest. */
  @Override
  public void close() throws IOException {
    server.stop(1);
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sink.close();
  }
}
