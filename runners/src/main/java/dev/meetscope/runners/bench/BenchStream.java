package dev.meetscope.runners.bench;

import dev.meetscope.fixtures.TownHall;
import dev.meetscope.fixtures.TownHallEventGenerator;
import dev.meetscope.fixtures.TownHallSpec;
import dev.meetscope.models.record.LiveWindowStats;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.pipelines.streaming.StreamingOptions;
import dev.meetscope.pipelines.streaming.TownHallStreaming;
import dev.meetscope.transforms.streaming.ParsedDelivery;
import dev.meetscope.runners.replay.Replayer;
import dev.meetscope.runners.stream.StreamCommand;
import dev.meetscope.runners.stream.StreamMetrics;
import dev.meetscope.transforms.relay.NdjsonFileSink;
import dev.meetscope.transforms.http.Sleeper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;

/**
 * The streaming benchmark: replays a generated town hall (default 10,000 people, 90 minutes) as fast as
 * possible through the files source while the streaming job runs, and prints the events per second and the
 * event-time-to-output lag at the 50th and 99th percentile. Lag of a live pane = when the pane came out −
 * when the replay handed over the pane's newest event (so it includes the file roll and the folder poll, as
 * with a live relay). The job runs in this JVM (Direct runner with its enforcement checks off, or
 * {@code --runner=FlinkRunner --flinkMaster=[local]}) and finishes {@code --maxIdle} after the last file. With a
 * speed-up, the default {@code --maxIdle} outlasts the longest pause of the replay (late deliveries come
 * minutes after the rest), and a run that stopped before reading every delivery fails instead of printing
 * figures of part of the town hall.
 *
 * <p>{@code meetscope bench-stream [--participants=10000] [--minutes=90] [--seed=42] [--speedup=0]
 * [--maxIdle=5s, longer for the pauses of a sped-up replay] [beam options]}.
 */
public final class BenchStream {
  /** Output times observed by the probe: {wall ms, newest event ms, kind (0 live pane, 1 meeting row)}. */
  static final ConcurrentLinkedQueue<long[]> OBSERVED = new ConcurrentLinkedQueue<>();
  /** Deliveries the source has read so far (the warm-up tells when the job is up). */
  static final AtomicLong READ = new AtomicLong();
  /** A one-line file read before the replay starts, so job start-up is not measured. */
  static final String WARM_UP = "{\"event\":\"meeting.started\",\"event_ts\":%d,\"payload\":{\"object\":"
      + "{\"uuid\":\"bench-warm-up\",\"id\":\"1\"}}}\n";

  /** What one run measured. */
  public record Result(long deliveries, long events, double eventsPerSecond, long p50LagMs, long p99LagMs,
      long maxLagMs, long panes, long finalRowsLagMs, double replaySeconds, double processingSeconds,
      Map<String, Long> counters) {}

  private BenchStream() {}

  public static Result run(String[] args, PrintStream out) throws Exception {
    int participants = 10_000;
    int minutes = 90;
    long seed = 42;
    double speedup = 0;
    String maxIdle = null;
    List<String> beam = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("--participants=")) {
        participants = Integer.parseInt(a.substring(15));
      } else if (a.startsWith("--minutes=")) {
        minutes = Integer.parseInt(a.substring(10));
      } else if (a.startsWith("--seed=")) {
        seed = Long.parseLong(a.substring(7));
      } else if (a.startsWith("--speedup=")) {
        speedup = Double.parseDouble(a.substring(10));
      } else if (a.startsWith("--maxIdle=")) {
        maxIdle = a.substring(10);
      } else {
        beam.add(a);
      }
    }
    TownHall townHall = new TownHallEventGenerator().generate(TownHallSpec.of(participants, minutes, seed));
    if (maxIdle == null) {
      maxIdle = defaultMaxIdleMs(Replayer.of(townHall), speedup) + "ms";
    }
    Path work = Files.createTempDirectory("meetscope-bench-stream");
    Path events = Files.createDirectories(work.resolve("events"));
    Path output = work.resolve("out");
    List<String> opts = new ArrayList<>(List.of("--input=" + events, "--output=" + output, "--sink=jsonl",
        "--maxIdle=" + maxIdle, "--pollInterval=200ms", "--flushInterval=2s", "--streaming=true",
        // The generated town hall carries no consent: pilot mode, as the stream demo runs it.
        "--consentMode=all"));
    if (beam.stream().noneMatch(a -> a.startsWith("--runner="))) {
      opts.addAll(dev.meetscope.runners.cli.DirectRunnerChecks.OFF);
    }
    opts.addAll(beam);
    opts = new ArrayList<>(List.of(StreamCommand.withDefaults(opts.toArray(String[]::new))));
    StreamingOptions options = PipelineOptionsFactory.fromArgs(opts.toArray(String[]::new))
        .as(StreamingOptions.class);
    Pipeline pipeline = Pipeline.create(options);
    TownHallStreaming.Outputs outputs = TownHallStreaming.build(pipeline, options);
    outputs.live().apply("BenchProbeLive", ParDo.of(new ProbeLive()));
    outputs.meetings().apply("BenchProbeMeetings", ParDo.of(new ProbeMeetings()));
    outputs.deliveries().apply("BenchProbeReads", ParDo.of(new ProbeReads()));
    OBSERVED.clear();
    READ.set(0);
    Files.writeString(events.resolve("events-00000000T000000Z-warmup-000001.ndjson"),
        String.format(WARM_UP, townHall.startMs() - 3_600_000));

    out.printf("bench stream: %d deliveries of a %d-person, %d-minute town hall → %s%n",
        townHall.deliveries().size(), participants, minutes, work);
    ExecutorService runner = Executors.newSingleThreadExecutor();
    long submitted = System.currentTimeMillis();
    Future<PipelineResult> job = runner.submit(() -> {
      PipelineResult r = pipeline.run();
      r.waitUntilFinish();
      return r;
    });
    while (READ.get() == 0 && !job.isDone()) {
      Thread.sleep(100);
    }
    long started = System.currentTimeMillis();
    out.printf("bench stream: the job took %.1f s to start%n", (started - submitted) / 1000.0);
    Replayer.Report report;
    try (NdjsonFileSink sink = new NdjsonFileSink(events, "bench", 64L << 20, Duration.ofSeconds(1),
        Clock.systemUTC(), false, 10_000)) {
      report = new Replayer(Clock.systemUTC(), Sleeper.SYSTEM).replay(Replayer.of(townHall), sink, speedup);
    }
    PipelineResult result = job.get();
    runner.shutdown();
    if (result.getState() != PipelineResult.State.DONE) {
      throw new IllegalStateException("the streaming job ended in state " + result.getState());
    }
    // The warm-up line is one more delivery than the replay's.
    if (READ.get() != report.published() + 1) {
      throw new IllegalStateException("the streaming job read " + (READ.get() - 1) + " of the " + report.published()
          + " deliveries before --maxIdle=" + maxIdle + " ended it: raise --maxIdle above the replay's pauses");
    }

    List<long[]> observed = new ArrayList<>(OBSERVED);
    long lastOutput = observed.stream().mapToLong(o -> o[0]).max().orElse(System.currentTimeMillis());
    long[] lags = observed.stream().filter(o -> o[2] == 0).mapToLong(o -> lag(report, o)).sorted().toArray();
    long finalLag = observed.stream().filter(o -> o[2] == 1).mapToLong(o -> lag(report, o)).max().orElse(-1);
    double seconds = Math.max(1, lastOutput - started) / 1000.0;
    Map<String, Long> counters = StreamMetrics.counters(result);
    Result r = new Result(report.published(), counters.getOrDefault("stream/events", 0L),
        report.published() / seconds, percentile(lags, 50), percentile(lags, 99),
        lags.length == 0 ? -1 : lags[lags.length - 1], lags.length, finalLag,
        report.elapsed().toMillis() / 1000.0, seconds, counters);
    out.printf("bench stream: %.0f events/s (%d deliveries in %.1f s, replay %.1f s); event-to-output lag over %d"
            + " live panes: p50 %d ms, p99 %d ms, max %d ms; final rows %d ms after the last event was handed over%n",
        r.eventsPerSecond(), r.deliveries(), r.processingSeconds(), r.replaySeconds(), r.panes(), r.p50LagMs(),
        r.p99LagMs(), r.maxLagMs(), r.finalRowsLagMs());
    out.println(StreamMetrics.summary(counters, Duration.ofMillis(lastOutput - started)));
    deleteTree(work);
    return r;
  }

  /**
   * 5 s after the last file, or, with a speed-up, 5 s more than the longest pause between two deliveries of
   * the replay (wall time), so the job does not stop while the replay waits to hand over late deliveries.
   */
  static long defaultMaxIdleMs(List<Replayer.Delivery> schedule, double speedup) {
    long longestPause = 0;
    if (speedup > 0) {
      for (int i = 1; i < schedule.size(); i++) {
        longestPause = Math.max(longestPause, schedule.get(i).deliverAtMs() - schedule.get(i - 1).deliverAtMs());
      }
    }
    return 5_000 + (long) Math.ceil(longestPause / Math.max(speedup, 1));
  }

  /** Output wall time − wall time the replay handed over the newest event at or before the pane's newest. */
  private static long lag(Replayer.Report report, long[] observed) {
    Entry<Long, Long> e = report.submittedAt().floorEntry(observed[1]);
    return e == null ? 0 : observed[0] - e.getValue();
  }

  static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return -1;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static final class ProbeLive extends DoFn<LiveWindowStats, Void> {
    @ProcessElement
    public void process(@Element LiveWindowStats s) {
      if (s.maxEventTime() != null && !s.meetingKey().equals("bench-warm-up")) {
        OBSERVED.add(new long[] {System.currentTimeMillis(), s.maxEventTime().toEpochMilli(), 0});
      }
    }
  }

  static final class ProbeReads extends DoFn<ParsedDelivery, Void> {
    @ProcessElement
    public void process(@Element ParsedDelivery d) {
      READ.incrementAndGet();
    }
  }

  static final class ProbeMeetings extends DoFn<MeetingSummary, Void> {
    @ProcessElement
    public void process(@Element MeetingSummary m) {
      if (m.meetingKey().equals("bench-warm-up")) {
        return;
      }
      OBSERVED.add(new long[] {System.currentTimeMillis(), Long.MAX_VALUE, 1});
    }
  }

  /** Entry point for a quick run without the CLI. */
  public static void main(String[] args) throws Exception {
    run(args, System.out);
    System.exit(0);
  }
}
