package dev.meetscope.runners.cli;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.javanet.NetHttpTransport;
import dev.meetscope.models.webhook.WebhookIntake;
import dev.meetscope.models.webhook.WebhookSignature;
import dev.meetscope.runners.cli.OptionArgs.Option;
import dev.meetscope.runners.relay.RelayServer;
import dev.meetscope.transforms.relay.EnvelopeSink;
import dev.meetscope.transforms.relay.NdjsonFileSink;
import dev.meetscope.transforms.relay.PubsubRestSink;
import dev.meetscope.transforms.http.Sleeper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code meetscope relay}: the Zoom webhook endpoint that verifies deliveries and forwards them to Pub/Sub
 * or to NDJSON files for {@code meetscope stream} (see docs/relay.md). The secret token comes from
 * {@code ZOOM_WEBHOOK_SECRET_TOKEN} in the environment only.
 */
public final class RelayCommand implements Command {
  public static final String SECRET_ENV = "ZOOM_WEBHOOK_SECRET_TOKEN";
  private static final String NAME = "relay";
  private static final List<Option> OPTIONS = List.of(
      new Option("sink", null, "Where accepted events go: pubsub:projects/<p>/topics/<t> or files:<folder>."
          + " Required."),
      new Option("port", "8080", "TCP port to listen on (0 = any free port)."),
      new Option("bind", "0.0.0.0", "Address to listen on."),
      new Option("path", "/", "URL path Zoom posts to (the Event notification endpoint URL's path)."),
      new Option("maxBodyBytes", "1048576", "Larger requests are answered 413."),
      new Option("ackTimeoutMs", "2500", "How long a request waits for the sink to persist before answering"
          + " 503 (Zoom wants an answer within 3 s and retries later)."),
      new Option("threads", "16", "Request threads."),
      new Option("pubsubRootUrl", PubsubRestSink.DEFAULT_ROOT_URL, "Pub/Sub REST root URL (an emulator or"
          + " private endpoint)."),
      new Option("pubsubAuth", "adc", "adc = Application Default Credentials; none = no Authorization header"
          + " (emulator)."),
      new Option("rollBytes", "67108864", "files sink: roll a file at this size."),
      new Option("rollSeconds", "60", "files sink: roll a non-empty file this long after it was opened."),
      new Option("instance", "relay", "files sink: this relay's name in file names ([A-Za-z0-9_-])."),
      new Option("fsync", "true", "files sink: force each batch to disk before acknowledging."));

  private final Map<String, String> env;
  private final Clock clock;

  public RelayCommand() {
    this(System.getenv(), Clock.systemUTC());
  }

  /** For tests: an explicit environment and clock. */
  public RelayCommand(Map<String, String> env, Clock clock) {
    this.env = Map.copyOf(env);
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String summary() {
    return "Receive Zoom webhooks, verify them and forward them to Pub/Sub or NDJSON files";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("meetscope relay --sink=pubsub:projects/<p>/topics/<t>|files:<folder> [options]");
    out.println();
    out.println(summary() + ".");
    out.println("The webhook secret token is read from " + SECRET_ENV + " in the environment.");
    out.println();
    new OptionArgs(OPTIONS).printOptions(out);
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    OptionArgs options = new OptionArgs(OPTIONS).parse(NAME, args);
    if (options.help()) {
      printHelp(out);
      return ExitCodes.OK;
    }
    RelayServer server = start(options, out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (IOException e) {
        err.println("meetscope relay: closing the sink failed: " + e.getMessage());
      } finally {
        stopped.countDown();
      }
    }, "relay-shutdown"));
    stopped.await();
    return ExitCodes.OK;
  }

  /** Parses options and starts the relay; the caller closes it. Tests use this instead of {@link #run}. */
  public RelayServer start(String[] args, PrintStream out) throws IOException {
    return start(new OptionArgs(OPTIONS).parse(NAME, args), out);
  }

  private RelayServer start(OptionArgs options, PrintStream out) throws IOException {
    String secret = env.get(SECRET_ENV);
    if (secret == null || secret.isBlank()) {
      throw new UsageException("meetscope relay: set " + SECRET_ENV + " in the environment to the app's webhook"
          + " Secret Token (it is never taken from the command line)");
    }
    String path = options.get("path");
    if (!path.startsWith("/")) {
      throw new UsageException("meetscope relay: --path must start with '/', got '" + path + "'");
    }
    int port = (int) options.getLong(NAME, "port", 0, 65_535);
    int maxBody = (int) options.getLong(NAME, "maxBodyBytes", 1024, 64L * 1024 * 1024);
    Duration ackTimeout = Duration.ofMillis(options.getLong(NAME, "ackTimeoutMs", 100, 60_000));
    int threads = (int) options.getLong(NAME, "threads", 1, 512);
    EnvelopeSink sink = sink(options, options.required(NAME, "sink"));
    RelayServer server;
    try {
      server = new RelayServer(new RelayServer.Config(new InetSocketAddress(options.get("bind"), port), path,
          maxBody, ackTimeout, threads), new WebhookIntake(new WebhookSignature(secret), path,
          WebhookIntake.DEFAULT_WINDOW), sink, clock).start();
    } catch (IOException | RuntimeException e) {
      sink.close();
      throw e;
    }
    out.printf("meetscope relay: listening on http://%s:%d%s, forwarding to %s%n", options.get("bind"),
        server.port(), path, sink.describe());
    return server;
  }

  private EnvelopeSink sink(OptionArgs options, String spec) throws IOException {
    if (spec.startsWith("pubsub:")) {
      String auth = options.get("pubsubAuth").toLowerCase(Locale.ROOT);
      HttpRequestInitializer credentials;
      if (auth.equals("none")) {
        credentials = null;
      } else if (auth.equals("adc")) {
        try {
          credentials = PubsubRestSink.applicationDefaultCredentials();
        } catch (IOException e) {
          throw new UsageException("meetscope relay: no Google Application Default Credentials for Pub/Sub ("
              + e.getMessage() + "); run on GCP with a service account, set GOOGLE_APPLICATION_CREDENTIALS,"
              + " or use --pubsubAuth=none with an emulator");
        }
      } else {
        throw new UsageException("meetscope relay: --pubsubAuth must be adc or none, got '" + auth + "'");
      }
      try {
        return new PubsubRestSink(new NetHttpTransport(), options.get("pubsubRootUrl"),
            spec.substring("pubsub:".length()), credentials, Sleeper.SYSTEM, 3, 10_000);
      } catch (IllegalArgumentException e) {
        throw new UsageException("meetscope relay: --sink: " + e.getMessage());
      }
    }
    if (spec.startsWith("files:") && spec.length() > "files:".length()) {
      try {
        return new NdjsonFileSink(Path.of(spec.substring("files:".length())), options.get("instance"),
            options.getLong(NAME, "rollBytes", 1024, 1L << 40),
            Duration.ofSeconds(options.getLong(NAME, "rollSeconds", 1, 86_400)), clock,
            options.getBoolean(NAME, "fsync"), 10_000);
      } catch (IllegalArgumentException e) {
        throw new UsageException("meetscope relay: " + e.getMessage());
      }
    }
    throw new UsageException("meetscope relay: --sink must be pubsub:projects/<p>/topics/<t> or files:<folder>,"
        + " got '" + spec + "'");
  }
}
