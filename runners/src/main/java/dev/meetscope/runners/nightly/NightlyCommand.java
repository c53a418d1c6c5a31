package dev.meetscope.runners.nightly;

import dev.meetscope.pipelines.nightly.NightlyBatch;
import dev.meetscope.pipelines.nightly.NightlyOptions;
import dev.meetscope.runners.cli.Command;
import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.runners.cli.InputResolver;
import dev.meetscope.runners.cli.OptionsHelp;
import dev.meetscope.runners.cli.UsageException;
import java.io.File;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code meetscope nightly}: the batch job. With no arguments it reads the bundled sample meetings and
 * writes {@code ./out} on the Direct runner.
 */
public final class NightlyCommand implements Command {
  /** Where the bundled sample meetings live, relative to the repository root. */
  static final String BUNDLED_FIXTURES = "fixtures/meetings";

  @Override
  public String name() {
    return "nightly";
  }

  @Override
  public String summary() {
    return "Run the batch job over meeting folders (default: the bundled samples → ./out)";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("Usage: meetscope nightly [--option=value ...]");
    out.println();
    out.println("Reads one folder per meeting occurrence (participant reports, transcripts, captions, chats,");
    out.println("webhook event captures, meeting.json), parses every file by content, and writes the tables");
    out.println(String.join(", ", NightlyBatch.TABLES) + " under <output>/<table>/, plus <output>/_METRICS.json.");
    out.println();
    out.println("Options:");
    OptionsHelp.print(out, NightlyOptions.class);
    out.println("  --runner=DirectRunner");
    out.println("      DirectRunner (embedded default), FlinkRunner (with --flinkMaster=[local] or host:port)"
        + " or DataflowRunner.");
    out.println("  --flinkMaster=[auto]");
    out.println("      With --runner=FlinkRunner: [local] runs Flink in this JVM; host:port submits to a cluster.");
    out.println();
    out.println("Exit codes: 0 ok, 2 bad options, 3 missing input, 4 pipeline failed, 1 internal error.");
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (OptionsHelp.wantsHelp(args)) {
      printHelp(out);
      return ExitCodes.OK;
    }
    NightlyOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(withDefaults(args)).as(NightlyOptions.class);
      NightlyBatch.validate(options);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    FileSystems.setDefaultPipelineOptions(options);
    String pattern = InputResolver.filePattern(options.getInput());

    OutputFolder output = new OutputFolder(options.getOutput());
    clearPreviousOutput(output);

    Instant started = Instant.now();
    Pipeline pipeline = Pipeline.create(options);
    NightlyBatch.build(pipeline, options, pattern);
    PipelineResult result;
    try {
      result = pipeline.run();
      PipelineResult.State state = result.waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        err.println("meetscope nightly: the pipeline ended in state " + state);
        return ExitCodes.PIPELINE_FAILED;
      }
    } catch (RuntimeException e) {
      err.println("meetscope nightly: the pipeline failed: " + rootMessage(e));
      return ExitCodes.PIPELINE_FAILED;
    }
    Duration elapsed = Duration.between(started, Instant.now());

    Map<String, Object> run = new LinkedHashMap<>();
    run.put("job", "nightly");
    run.put("input", options.getInput());
    run.put("file_pattern", pattern);
    run.put("output", options.getOutput());
    run.put("sink", options.getSink());
    run.put("runner", options.getRunner().getSimpleName());
    run.put("elapsed_seconds", elapsed.toMillis() / 1000.0);
    RunMetrics metrics = new RunMetrics().build(run,
        RunMetrics.readFileStats(output, NightlyBatch.FILE_STATS_TABLE + "/file_stat"), result,
        NightlyBatch.TABLES);
    output.writeString("_METRICS.json", metrics.toJson());
    output.clear(NightlyBatch.FILE_STATS_TABLE + "/file_stat");
    output.deleteEmptyFolder(NightlyBatch.FILE_STATS_TABLE + "/file_stat");
    output.deleteEmptyFolder(NightlyBatch.FILE_STATS_TABLE);

    RunMetrics.Totals t = metrics.totals();
    out.printf("meetscope nightly: %d meetings, %d files (%d dead-lettered whole), %d records read = %d parsed"
            + " + %d dead letters → %s (%s) in %.1f s%n",
        t.meetings(), t.files(), t.filesDeadLettered(), t.recordsRead(), t.parsed(), t.deadLettered(),
        options.getOutput(), options.getSink(), elapsed.toMillis() / 1000.0);
    if (!t.consistent()) {
      err.println("meetscope nightly: per-file counts do not add up (read != parsed + dead-lettered); "
          + "see _METRICS.json");
      return ExitCodes.PIPELINE_FAILED;
    }
    return ExitCodes.OK;
  }

  private static void clearPreviousOutput(OutputFolder output) throws java.io.IOException {
    for (String table : NightlyBatch.TABLES) {
      output.clear(table);
    }
    output.clear(NightlyBatch.FILE_STATS_TABLE + "/file_stat");
    output.deleteFile("_METRICS.json");
  }

  /** Adds {@code --input} (the bundled samples) when absent, and keeps Direct-runner checks on. */
  static String[] withDefaults(String[] args) {
    List<String> list = new ArrayList<>(Arrays.asList(args));
    if (list.stream().noneMatch(a -> a.startsWith("--input="))) {
      list.add("--input=" + bundledFixtures());
    }
    return list.toArray(String[]::new);
  }

  static String bundledFixtures() {
    String home = System.getenv("MEETSCOPE_HOME");
    if (home != null && new File(home, BUNDLED_FIXTURES).isDirectory()) {
      return new File(home, BUNDLED_FIXTURES).getPath();
    }
    // Tests run from a module folder; the launcher from the repository root.
    for (String prefix : List.of("", "../")) {
      File f = new File(prefix + BUNDLED_FIXTURES);
      if (f.isDirectory()) {
        return f.getPath();
      }
    }
    return BUNDLED_FIXTURES;
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
