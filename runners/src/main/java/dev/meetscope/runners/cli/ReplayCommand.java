package dev.meetscope.runners.cli;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.javanet.NetHttpTransport;
import dev.meetscope.fixtures.TownHall;
import dev.meetscope.fixtures.TownHallEventGenerator;
import dev.meetscope.fixtures.TownHallSpec;
import dev.meetscope.runners.cli.OptionArgs.Option;
import dev.meetscope.runners.replay.Replayer;
import dev.meetscope.transforms.relay.EnvelopeSink;
import dev.meetscope.transforms.relay.NdjsonFileSink;
import dev.meetscope.transforms.relay.PubsubRestSink;
import dev.meetscope.transforms.http.Sleeper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * {@code meetscope replay}: publishes a recorded or generated town hall into the stream's sources (NDJSON
 * files for {@code --source=files}, or a Pub/Sub topic) at a chosen speed-up, exactly as the relay would.
 */
public final class ReplayCommand implements Command {
  private static final String NAME = "replay";
  private static final List<Option> OPTIONS = List.of(
      new Option("to", null, "Where to publish: files:<folder> (what `meetscope stream --input` watches) or"
          + " pubsub:projects/<p>/topics/<t>. Required."),
      new Option("input", "", "A recorded NDJSON file or folder (relay envelopes or bare webhook bodies) to"
          + " replay. Empty = generate a town hall."),
      new Option("participants", "10000", "Generated town hall: people attending."),
      new Option("minutes", "90", "Generated town hall: scheduled length."),
      new Option("seed", "42", "Generated town hall: the same seed gives the same deliveries."),
      new Option("start", TownHallSpec.DEFAULT_START.toString(), "Generated town hall: meeting start (ISO-8601"
          + " UTC), or now (live demo: event times close to the wall clock)."),
      new Option("deliveries", "realistic", "Generated town hall: realistic (some retries, late and too-late"
          + " deliveries) or clean (each event once, on time)."),
      new Option("speedup", "60", "Replay speed: 60 = an hour in a minute; 1 = real time; 0 = as fast as"
          + " possible."),
      new Option("rollSeconds", "1", "files: close and publish a file this often (wall clock)."),
      new Option("instance", "replay", "files: this replayer's name in file names ([A-Za-z0-9_-])."),
      new Option("pubsubRootUrl", PubsubRestSink.DEFAULT_ROOT_URL, "pubsub: REST root URL (an emulator)."),
      new Option("pubsubAuth", "adc", "pubsub: adc = Application Default Credentials; none = no header."));

  private final Clock clock;
  private final Sleeper sleeper;

  public ReplayCommand() {
    this(Clock.systemUTC(), Sleeper.SYSTEM);
  }

  /** For tests: an explicit clock and sleeper. */
  public ReplayCommand(Clock clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String summary() {
    return "Publish a recorded or generated town hall into the stream's files or Pub/Sub topic";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("meetscope replay --to=files:<folder>|pubsub:projects/<p>/topics/<t> [--input=<ndjson>] [options]");
    out.println();
    out.println(summary() + ",");
    out.println("at a chosen speed-up, in the relay's own formats (docs/relay.md, docs/streaming.md).");
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
    String to = options.required(NAME, "to");
    if (!(to.startsWith("files:") && to.length() > "files:".length()) && !to.startsWith("pubsub:")) {
      throw new UsageException("meetscope replay: --to must be files:<folder> or pubsub:projects/<p>/topics/<t>,"
          + " got '" + to + "'");
    }
    double speedup = speedup(options.get("speedup"));
    List<Replayer.Delivery> deliveries;
    String what;
    if (options.get("input").isBlank()) {
      TownHallSpec spec = spec(options);
      TownHall townHall = new TownHallEventGenerator().generate(spec);
      deliveries = Replayer.of(townHall);
      what = String.format("a generated town hall (%d people, %d minutes, meeting %s: %d events, %d retries, %d"
              + " late, %d too late)", townHall.participants(), spec.minutes(), townHall.uuid(),
          townHall.distinctEvents(), townHall.retries(), townHall.late(), townHall.tooLate());
    } else {
      Path input = Path.of(options.get("input"));
      if (!Files.exists(input)) {
        throw new MissingInputException("meetscope replay: no such file or folder: " + input);
      }
      int[] skipped = {0};
      deliveries = Replayer.recorded(input, skipped);
      what = input + (skipped[0] > 0 ? " (" + skipped[0] + " lines that are not webhook events skipped)" : "");
    }
    try (EnvelopeSink sink = sink(options, to)) {
      out.printf("meetscope replay: publishing %d deliveries of %s to %s at %s%n", deliveries.size(), what,
          sink.describe(), speedup == 0 ? "full speed" : speedup + "x");
      Replayer.Report report = new Replayer(clock, sleeper).replay(deliveries, sink, speedup);
      out.printf("meetscope replay: published %d deliveries in %.1f s (%.0f/s)%n", report.published(),
          report.elapsed().toMillis() / 1000.0, report.perSecond());
    }
    return ExitCodes.OK;
  }

  static double speedup(String value) {
    try {
      double s = Double.parseDouble(value.strip());
      if (s < 0 || Double.isNaN(s) || Double.isInfinite(s)) {
        throw new NumberFormatException();
      }
      return s;
    } catch (NumberFormatException e) {
      throw new UsageException("meetscope replay: --speedup must be 0 (as fast as possible) or a positive number,"
          + " got '" + value + "'");
    }
  }

  private TownHallSpec spec(OptionArgs options) {
    int participants = (int) options.getLong(NAME, "participants", 1, 50_000);
    int minutes = (int) options.getLong(NAME, "minutes", 5, 600);
    long seed = options.getLong(NAME, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
    Instant start;
    String s = options.get("start").strip();
    if (s.equalsIgnoreCase("now")) {
      start = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    } else {
      try {
        start = Instant.parse(s);
      } catch (DateTimeParseException e) {
        throw new UsageException("meetscope replay: --start must be an ISO-8601 UTC time such as"
            + " 2026-03-02T15:00:00Z, or now; got '" + s + "'");
      }
    }
    TownHallSpec spec = TownHallSpec.of(participants, minutes, seed).withStart(start);
    String kind = options.get("deliveries").strip().toLowerCase(Locale.ROOT);
    return switch (kind) {
      case "realistic" -> spec;
      case "clean" -> spec.inOrder();
      default -> throw new UsageException("meetscope replay: --deliveries must be realistic or clean, got '"
          + kind + "'");
    };
  }

  private EnvelopeSink sink(OptionArgs options, String spec) throws IOException {
    if (spec.startsWith("files:") && spec.length() > "files:".length()) {
      Path folder = Path.of(spec.substring("files:".length()));
      Files.createDirectories(folder);
      try {
        return new NdjsonFileSink(folder, options.get("instance"), 64L << 20,
            Duration.ofSeconds(options.getLong(NAME, "rollSeconds", 1, 3_600)), clock, false, 10_000);
      } catch (IllegalArgumentException e) {
        throw new UsageException("meetscope replay: " + e.getMessage());
      }
    }
    if (spec.startsWith("pubsub:")) {
      String auth = options.get("pubsubAuth").toLowerCase(Locale.ROOT);
      HttpRequestInitializer credentials;
      if (auth.equals("none")) {
        credentials = null;
      } else if (auth.equals("adc")) {
        try {
          credentials = PubsubRestSink.applicationDefaultCredentials();
        } catch (IOException e) {
          throw new UsageException("meetscope replay: no Google Application Default Credentials for Pub/Sub ("
              + e.getMessage() + "); set GOOGLE_APPLICATION_CREDENTIALS or use --pubsubAuth=none with an emulator");
        }
      } else {
        throw new UsageException("meetscope replay: --pubsubAuth must be adc or none, got '" + auth + "'");
      }
      try {
        return new PubsubRestSink(new NetHttpTransport(), options.get("pubsubRootUrl"),
            spec.substring("pubsub:".length()), credentials, sleeper, 3, 10_000);
      } catch (IllegalArgumentException e) {
        throw new UsageException("meetscope replay: --to: " + e.getMessage());
      }
    }
    throw new UsageException("meetscope replay: --to must be files:<folder> or pubsub:projects/<p>/topics/<t>, got '"
        + spec + "'");
  }
}
