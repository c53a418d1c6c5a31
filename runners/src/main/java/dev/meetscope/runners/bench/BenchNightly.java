package dev.meetscope.runners.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meetscope.fixtures.GenerationSummary;
import dev.meetscope.fixtures.GeneratorSpec;
import dev.meetscope.fixtures.MeetingGenerator;
import dev.meetscope.runners.cli.Command;
import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.runners.cli.OptionArgs;
import dev.meetscope.runners.cli.OptionArgs.Option;
import dev.meetscope.runners.cli.UsageException;
import dev.meetscope.runners.flink.JvmFlags;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code meetscope bench nightly}: the end-to-end nightly batch on generated meetings, each run in its own
 * JVM, on the Direct runner (enforcement checks off) and on Flink in-process, for one or more sizes. Prints
 * meetings per minute, CPU seconds per meeting, peak memory, the runners' ratio, the scaling over sizes and
 * the ratio to the NLP-only floor. Not a test: numbers depend on the machine; docs/benchmarks.md has ours.
 */
public final class BenchNightly implements Command {
  private static final String NAME = "nightly";
  private static final List<Option> OPTIONS = List.of(
      new Option("meetings", "200", "Meetings to generate and process; a comma list (50,100,200) runs each size."),
      new Option("participants", "25", "Participants per meeting."),
      new Option("minutes", "60", "Meeting length in minutes."),
      new Option("seed", "1", "Generator seed (the same seed writes the same meetings)."),
      new Option("runners", "direct,flink", "Runners to measure: direct (enforcement off) and/or flink ([local])."),
      new Option("sink", "parquet", "Output format of the job: parquet or jsonl."),
      new Option("heap", "3g", "-Xmx of each measured JVM."),
      new Option("workDir", null, "Folder for generated meetings, outputs and logs (default: a new temporary"
          + " folder, deleted afterwards unless --keep=true)."),
      new Option("keep", "false", "Keep the work folder."));

  private final NlpFloor floor;

  public BenchNightly() {
    this(new ProjectNlpFloor());
  }

  /** @param floor measures the NLP-only time of the same meetings (see {@link NlpFloor}) */
  public BenchNightly(NlpFloor floor) {
    this.floor = floor;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String summary() {
    return "End-to-end nightly batch on generated meetings: Direct vs Flink [local], scaling, NLP floor";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("Usage: meetscope bench nightly [--meetings=200|50,100,200] [--option=value ...]");
    out.println();
    out.println(summary() + ".");
    out.println("Each run is a separate JVM (java -Xmx<heap>), measured from inside: wall and CPU time of the");
    out.println("command, peak resident memory (VmHWM), peak heap. Results as Markdown for docs/benchmarks.md.");
    out.println();
    new OptionArgs(OPTIONS).printOptions(out);
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    OptionArgs options = new OptionArgs(OPTIONS).parse("bench " + NAME, args);
    if (options.help()) {
      printHelp(out);
      return ExitCodes.OK;
    }
    List<Integer> sizes = sizes(options.get("meetings"));
    List<String> runners = runners(options.get("runners"));
    int participants = (int) options.getLong("bench " + NAME, "participants", 1, 50_000);
    int minutes = (int) options.getLong("bench " + NAME, "minutes", 5, 600);
    long seed = options.getLong("bench " + NAME, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
    String sink = options.get("sink");
    String heap = options.get("heap");
    if (!heap.matches("\\d+[mMgG]")) {
      throw new UsageException("bench nightly: --heap must look like 3g or 2048m, got '" + heap + "'");
    }
    boolean keep = options.getBoolean("bench " + NAME, "keep");
    Path work = options.get("workDir") == null ? Files.createTempDirectory("meetscope-bench-")
        : Files.createDirectories(Path.of(options.get("workDir")));
    int cores = Runtime.getRuntime().availableProcessors();
    out.printf("meetscope bench nightly: sizes %s, %d participants, %d-minute meetings, runners %s, %d cores,"
        + " -Xmx%s, work folder %s%n", sizes, participants, minutes, runners, cores, heap, work);
    List<RunStats> runs = new ArrayList<>();
    try {
      Files.writeString(work.resolve("classpath.args"), JvmFlags.argFileClassPath(JvmFlags.absoluteClassPath()));
      Path largest = null;
      for (int n : sizes) {
        Path generated = work.resolve("meetings-" + n);
        if (!Files.isDirectory(generated)) {
          GenerationSummary g = new MeetingGenerator().generate(
              GeneratorSpec.of(n, participants, seed).withMinutes(minutes), generated);
          out.println("meetscope bench nightly: generated " + g.describe());
        }
        largest = generated;
        for (String runner : runners) {
          RunStats r = measure(work, generated, n, runner, sink, heap, cores);
          out.printf(Locale.ROOT, "meetscope bench nightly: %-11s %4d meetings: %.1f s wall, %.1f meetings/min,"
                  + " %.3f CPU s/meeting, peak RSS %d MiB%n", r.runner(), n, r.wallSeconds(), r.meetingsPerMinute(),
              r.cpuSecondsPerMeeting(), r.peakRssBytes() >> 20);
          runs.add(r);
        }
      }
      out.println();
      out.print(BenchReport.table(runs));
      out.println();
      BenchReport.ratios(runs).forEach(out::println);
      BenchReport.scaling(runs).forEach(out::println);
      RunStats biggestFirstRunner = runs.stream().filter(r -> r.runner().equals(runs.get(0).runner()))
          .max(Comparator.comparingInt(RunStats::meetings)).orElseThrow();
      out.println("meetscope bench nightly: measuring the NLP floor (NLP alone on the same " + biggestFirstRunner.meetings()
          + " meetings' text, this JVM, one thread) ...");
      out.println(BenchReport.floor(biggestFirstRunner, floor.measure(largest)));
      return ExitCodes.OK;
    } catch (BenchFailure e) {
      err.println("meetscope bench nightly: " + e.getMessage());
      return ExitCodes.PIPELINE_FAILED;
    } finally {
      if (!keep && options.get("workDir") == null) {
        deleteTree(work);
      }
    }
  }

  private RunStats measure(Path work, Path generated, int meetings, String runner, String sink, String heap,
      int cores) throws IOException, InterruptedException, BenchFailure {
    String label = runner.equals("flink") ? "flink-local" : "direct";
    Path output = work.resolve("out-" + meetings + "-" + label);
    List<String> cmd = new ArrayList<>();
    cmd.add(JvmFlags.javaBinary().toString());
    cmd.add("-Xmx" + heap);
    cmd.addAll(JvmFlags.addOpens());
    cmd.add("@" + work.resolve("classpath.args"));
    cmd.add(BenchChild.class.getName());
    // Generated meetings carry no consent flag: benchmarks run in pilot mode (docs/governance.md §2).
    cmd.addAll(List.of("nightly", "--input=" + generated, "--output=" + output, "--sink=" + sink,
        "--consentMode=all"));
    if (runner.equals("flink")) {
      cmd.addAll(List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=" + cores));
    } else {
      // The Direct runner's immutability and encodability checks are for tests, not for speed.
      cmd.add("--runner=DirectRunner");
      cmd.addAll(dev.meetscope.runners.cli.DirectRunnerChecks.OFF);
    }
    Path log = work.resolve("run-" + meetings + "-" + label + ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    p.getOutputStream().close();
    int exit = p.waitFor();
    String result = null;
    for (String line : Files.readAllLines(log)) {
      if (line.startsWith(BenchChild.MARKER)) {
        result = line.substring(BenchChild.MARKER.length());
      }
    }
    if (exit != 0 || result == null) {
      throw new BenchFailure(label + " run on " + meetings + " meetings failed (exit " + exit + "); see " + log);
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode r = json.readTree(result);
    JsonNode metrics = json.readTree(output.resolve("_METRICS.json").toFile());
    return new RunStats(label, meetings, metrics.path("totals").path("records_read").asLong(),
        r.get("wall_seconds").asDouble(), r.get("cpu_seconds").asDouble(), r.get("peak_rss_bytes").asLong(),
        r.get("peak_heap_bytes").asLong(), r.get("gc_seconds").asDouble());
  }

  static List<Integer> sizes(String option) {
    List<Integer> sizes = new ArrayList<>();
    for (String s : option.split(",")) {
      try {
        int n = Integer.parseInt(s.strip());
        if (n < 1 || n > 100_000) {
          throw new NumberFormatException();
        }
        sizes.add(n);
      } catch (NumberFormatException e) {
        throw new UsageException("bench nightly: --meetings must be whole numbers from 1 to 100000, comma"
            + " separated, got '" + option + "'");
      }
    }
    return sizes.stream().distinct().sorted().toList();
  }

  static List<String> runners(String option) {
    List<String> runners = new ArrayList<>();
    for (String s : option.split(",")) {
      String r = s.strip().toLowerCase(Locale.ROOT);
      if (!r.equals("direct") && !r.equals("flink")) {
        throw new UsageException("bench nightly: --runners accepts direct and flink, got '" + s.strip() + "'");
      }
      if (!runners.contains(r)) {
        runners.add(r);
      }
    }
    return runners;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A measured run failed; the message points at its log. */
  private static final class BenchFailure extends Exception {
    BenchFailure(String message) {
      super(message);
    }
  }
}
