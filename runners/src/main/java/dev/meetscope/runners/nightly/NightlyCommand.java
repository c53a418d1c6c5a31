package dev.meetscope.runners.nightly;

import dev.meetscope.models.analytics.MetricsVersion;
import dev.meetscope.models.governance.OptionRedactor;
import dev.meetscope.models.governance.RunAudit;
import dev.meetscope.models.governance.RunIds;
import dev.meetscope.pipelines.governance.GovernanceOptions;
import dev.meetscope.pipelines.nightly.NightlyBatch;
import dev.meetscope.pipelines.nightly.NightlyOptions;
import dev.meetscope.pipelines.nlp.NlpOptions;
import dev.meetscope.runners.cli.Command;
import dev.meetscope.runners.cli.DirectRunnerChecks;
import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.runners.cli.InputResolver;
import dev.meetscope.runners.cli.OptionsHelp;
import dev.meetscope.runners.cli.PullCommand;
import dev.meetscope.runners.cli.UsageException;
import dev.meetscope.runners.dataflow.DataflowJob;
import dev.meetscope.runners.dataflow.OfflineJobSpec;
import dev.meetscope.runners.flink.FlinkRest;
import dev.meetscope.runners.flink.JvmFlags;
import dev.meetscope.transforms.governance.ApplyGovernance;
import dev.meetscope.transforms.governance.PseudonymKey;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.runners.TransformHierarchy;

/**
 * {@code meetscope nightly}: the batch job. With no arguments it reads the bundled sample meetings and
 * writes {@code ./out} on the Direct runner.
 */
public final class NightlyCommand implements Command {
  /** Where the bundled sample meetings live, relative to the repository root. */
  static final String BUNDLED_FIXTURES = "fixtures/meetings";
  /** How often a running job prints a progress line (runs shorter than this print none). */
  static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

  private final Clock clock;
  private final PullCommand pull;

  public NightlyCommand() {
    this(Clock.systemDefaultZone());
  }

  /** For tests: the clock that defines "yesterday". */
  public NightlyCommand(Clock clock) {
    this(clock, new PullCommand());
  }

  /** For tests: the clock that defines "yesterday" and the Zoom pull that {@code --pull} runs first. */
  public NightlyCommand(Clock clock, PullCommand pull) {
    this.clock = clock;
    this.pull = pull;
  }

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
    OptionsHelp.print(out, GovernanceOptions.class);
    out.println("Text analysis (docs/nlp.md):");
    OptionsHelp.print(out, NlpOptions.class);
    out.println("  --runner=DirectRunner");
    out.println("      DirectRunner (embedded default), FlinkRunner (with --flinkMaster=[local] or host:port)"
        + " or DataflowRunner.");
    out.println("  --flinkMaster=[auto]");
    out.println("      With --runner=FlinkRunner: [local] runs Flink in this JVM; host:port submits to a cluster");
    out.println("      (see `meetscope flink-cluster`); only the runnable jar is staged.");
    out.println("  --pull=false");
    out.println("      With --date and --input=<landing folder>: first fetch that day from the Zoom API into the");
    out.println("      day's input partition (`meetscope pull`; its options --credentialsFile, --apiBase,");
    out.println("      --oauthBase, --fileTypes, --maxRetries, --maxRateLimitWaitSeconds pass through), then run.");
    out.println("  Any other Beam option of the chosen runner (e.g. --parallelism, --project, --region,");
    out.println("  --tempLocation, --enforceImmutability=false) is passed through. See docs/runners.md.");
    out.println();
    out.println("Exit codes: 0 ok, 2 bad options, 3 missing input (or the --date partition is absent),");
    out.println("4 pipeline failed (or the Flink cluster does not answer), 1 internal error.");
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (OptionsHelp.wantsHelp(args)) {
      printHelp(out);
      return ExitCodes.OK;
    }
    ChainedPull chainedPull;
    boolean explicitInput = Arrays.stream(args).anyMatch(a -> a.startsWith("--input="));
    String[] fullArgs = withDefaults(args);
    if (!explicitInput && Arrays.stream(args).noneMatch(a -> a.startsWith("--consentMode"))) {
      err.println("meetscope nightly: the bundled sample meetings carry no consent flags; analysing them with"
          + " --consentMode=all (pilot mode)");
    }
    NightlyOptions options;
    PseudonymKey key;
    String keyId;
    String auditRoot;
    try {
      chainedPull = ChainedPull.split(fullArgs);
      options = PipelineOptionsFactory.fromArgs(chainedPull.nightlyArgs()).as(NightlyOptions.class);
      NightlyBatch.validate(options);
      if (chainedPull.enabled() && (options.getDate() == null || !explicitInput)) {
        throw new IllegalArgumentException("--pull fetches one day from Zoom into the landing folder: give"
            + " --date=YYYY-MM-DD|yesterday and --input=<landing folder> (the day is pulled into its partition)");
      }
      auditRoot = options.getOutput();
      applyDate(options, explicitInput);
      key = NightlyBatch.pseudonymKey(options);
      keyId = key.pseudonymizer().keyId(); // reads the key now: a missing key file stops the run here
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (key.isEphemeral() && !options.getDryRun()) {
      err.println("meetscope nightly: no --pseudonymKey: participant keys use a random key for this run only"
          + " (key id " + keyId + "); they will not match any other run");
    }
    String runner = options.getRunner().getSimpleName();
    if (!runner.equals("DirectRunner")) {
      // Workers of other runners may run in another folder: give them absolute local paths.
      options.setInput(absoluteIfLocal(options.getInput()));
      options.setOutput(absoluteIfLocal(options.getOutput()));
      auditRoot = absoluteIfLocal(auditRoot);
    }
    FileSystems.setDefaultPipelineOptions(options);
    if (chainedPull.enabled()) {
      if (options.getDryRun()) {
        out.println("meetscope nightly --dryRun: would first pull " + options.getDate() + " from Zoom into "
            + options.getInput() + "; nothing was pulled, run, or written.");
        return ExitCodes.OK;
      }
      int pulled = pull.run(chainedPull.pullArgs(options.getDate(), options.getTimeZone(), options.getInput()),
          out, err);
      if (pulled != ExitCodes.OK) {
        err.println("meetscope nightly: the Zoom pull of " + options.getDate() + " failed (exit " + pulled
            + "), so the job did not run; rerun when it is fixed (finished downloads are kept).");
        return pulled;
      }
    }
    String pattern = InputResolver.filePattern(options.getInput());
    if (options.getDryRun()) {
      return dryRun(options, pattern, out);
    }
    if (runner.equals("FlinkRunner")) {
      String problem = prepareFlinkCluster(options.as(FlinkPipelineOptions.class), err);
      if (problem != null) {
        err.println("meetscope nightly: " + problem);
        return ExitCodes.PIPELINE_FAILED;
      }
    }
    if (runner.equals("DirectRunner")) {
      // Return from run() at once so the progress line can read live counters.
      options.as(DirectOptions.class).setBlockOnRun(false);
    }

    OutputFolder output = new OutputFolder(options.getOutput());
    clearPreviousOutput(output);

    Instant started = Instant.now();
    AuditRun audit = new AuditRun(new OutputFolder(auditRoot), RunIds.newRunId(started), started,
        OptionRedactor.redact(AuditLog.options(Arrays.asList(fullArgs))), options.getConsentMode(), keyId, err);
    Pipeline pipeline = Pipeline.create(options);
    NightlyBatch.build(pipeline, options, pattern, key);
    PipelineResult result;
    try (ProgressReporter progress = new ProgressReporter("nightly", runner, PROGRESS_EVERY, err)) {
      result = pipeline.run();
      if (runner.equals("DirectRunner")) {
        // The Direct runner answers metric queries while running; others block in run() or ask a service.
        progress.running(result);
      }
      PipelineResult.State state = result.waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        err.println("meetscope nightly: the pipeline ended in state " + state);
        audit.write("failed", List.of(), null);
        return ExitCodes.PIPELINE_FAILED;
      }
    } catch (RuntimeException e) {
      err.println("meetscope nightly: the pipeline failed: " + rootMessage(e));
      audit.write("failed", List.of(), null);
      return ExitCodes.PIPELINE_FAILED;
    }
    Duration elapsed = Duration.between(started, Instant.now());

    Map<String, Object> run = new LinkedHashMap<>();
    run.put("job", "nightly");
    run.put("input", options.getInput());
    run.put("file_pattern", pattern);
    run.put("output", options.getOutput());
    run.put("sink", options.getSink());
    run.put("runner", runner);
    run.put("date", options.getDate());
    run.put("elapsed_seconds", elapsed.toMillis() / 1000.0);
    List<com.fasterxml.jackson.databind.JsonNode> fileStats =
        RunMetrics.readFileStats(output, NightlyBatch.FILE_STATS_TABLE + "/file_stat");
    RunMetrics metrics = new RunMetrics().build(run, fileStats, result, NightlyBatch.TABLES);
    output.writeString("_METRICS.json", metrics.toJson());
    output.clear(NightlyBatch.FILE_STATS_TABLE + "/file_stat");
    output.deleteEmptyFolder(NightlyBatch.FILE_STATS_TABLE + "/file_stat");
    output.deleteEmptyFolder(NightlyBatch.FILE_STATS_TABLE);

    RunMetrics.Totals t = metrics.totals();
    out.printf("meetscope nightly: %d meetings (%d skipped without consent), %d files (%d dead-lettered whole),"
            + " %d records read = %d parsed + %d dead letters + %d skipped → %s (%s) in %.1f s%n",
        t.meetings(), t.meetingsSkipped(), t.files(), t.filesDeadLettered(), t.recordsRead(), t.parsed(),
        t.deadLettered(), t.skipped(), options.getOutput(), options.getSink(), elapsed.toMillis() / 1000.0);
    if (!t.consistent()) {
      err.println("meetscope nightly: per-file counts do not add up (read != parsed + dead-lettered + skipped); "
          + "see _METRICS.json");
      audit.write("failed", fileStats, result);
      return ExitCodes.PIPELINE_FAILED;
    }
    audit.write("succeeded", fileStats, result);
    return ExitCodes.OK;
  }

  /** One run's {@code run_audit} row, written once when the run ends (also when it fails). */
  private static final class AuditRun {
    private final OutputFolder root;
    private final String runId;
    private final Instant started;
    private final java.util.SortedMap<String, String> options;
    private final String consentMode;
    private final String keyId;
    private final PrintStream err;

    AuditRun(OutputFolder root, String runId, Instant started, java.util.SortedMap<String, String> options,
        String consentMode, String keyId, PrintStream err) {
      this.root = root;
      this.runId = runId;
      this.started = started;
      this.options = options;
      this.consentMode = consentMode;
      this.keyId = keyId;
      this.err = err;
    }

    void write(String status, List<com.fasterxml.jackson.databind.JsonNode> fileStats, PipelineResult result) {
      Map<String, Long> counters = result == null ? Map.of() : RunMetrics.counters(result);
      long bytes = 0;
      for (com.fasterxml.jackson.databind.JsonNode f : fileStats) {
        bytes += f.get("bytes").asLong();
      }
      List<RunAudit.TableCount> tables = AuditLog.tableCounts(NightlyBatch.TABLES, counters);
      java.util.SortedMap<String, Long> skipped =
          AuditLog.countersByReason(counters, ApplyGovernance.NAMESPACE + "/skipped.");
      RunAudit row = new RunAudit(runId, started, Instant.now(), "nightly", status, options, fileStats.size(),
          bytes, tables, counters.getOrDefault("sink/dead_letter.rows", 0L), MetricsVersion.CURRENT,
          AuditLog.modelVersions(), AuditLog.codeVersion(), consentMode,
          counters.getOrDefault(ApplyGovernance.NAMESPACE + "/meetings_analysed", 0L), skipped,
          counters.getOrDefault(ApplyGovernance.NAMESPACE + "/opted_out_people", 0L), keyId);
      try {
        AuditLog.append(root, row);
      } catch (IOException e) {
        err.println("meetscope nightly: could not append the run_audit row: " + e.getMessage());
      }
    }
  }

  /**
   * {@code --date}: points input and output at the day's partitions. Without it, a {@code {date}} placeholder
   * in a path is a mistake.
   */
  private void applyDate(NightlyOptions options, boolean explicitInput) {
    String date = options.getDate();
    if (date == null || date.isBlank()) {
      for (String path : List.of(options.getInput(), options.getOutput())) {
        if (path.contains(DatePartition.PLACEHOLDER)) {
          throw new IllegalArgumentException(path + " contains " + DatePartition.PLACEHOLDER
              + ": say which day with --date=YYYY-MM-DD or --date=yesterday");
        }
      }
      return;
    }
    if (!explicitInput) {
      throw new IllegalArgumentException("--date selects a day under --input: give --input=<landing folder>"
          + " holding one folder per day (<input>/YYYY-MM-DD/<meeting>/), or a path with "
          + DatePartition.PLACEHOLDER);
    }
    DatePartition day = DatePartition.of(date, ZoneId.of(options.getTimeZone()), clock, options.getInput(),
        options.getOutput());
    options.setDate(day.date().toString());
    options.setInput(day.input());
    options.setOutput(day.output());
  }

  /**
   * For a Flink cluster ({@code --flinkMaster=host:port}): checks that it answers and stages only the
   * runnable jar (Beam would otherwise upload every class path entry). Returns a problem, or null.
   */
  private static String prepareFlinkCluster(FlinkPipelineOptions flink, PrintStream err) {
    FlinkRest.HostPort address;
    try {
      address = FlinkRest.clusterAddress(flink.getFlinkMaster()).orElse(null);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (address == null) {
      return null;
    }
    if (FlinkRest.overview(address.host(), address.port(), Duration.ofSeconds(5)).isEmpty()) {
      return "no Flink cluster answers at http://" + address + "/overview. Start one with `meetscope"
          + " flink-cluster start` (port 8081, or --port), or fix --flinkMaster.";
    }
    Path jar = JvmFlags.runnableJar();
    if (flink.getFilesToStage() == null) {
      if (jar != null) {
        flink.setFilesToStage(List.of(jar.toString()));
      } else {
        err.println("meetscope nightly: not started from meetscope.jar, so Beam stages every class-path entry to"
            + " the cluster (slow); pass --filesToStage=<jar> to stage one jar");
      }
    }
    return null;
  }

  /** {@code --dryRun}: everything up to running the job, and a report of what would run. */
  private int dryRun(NightlyOptions options, String pattern, PrintStream out) throws IOException {
    int files = 0;
    Set<String> meetings = new TreeSet<>();
    for (MatchResult r : FileSystems.match(List.of(pattern), EmptyMatchTreatment.ALLOW)) {
      if (r.status() != MatchResult.Status.OK) {
        continue;
      }
      for (MatchResult.Metadata m : r.metadata()) {
        String path = m.resourceId().toString();
        String folder = m.resourceId().getCurrentDirectory().toString();
        if (!m.resourceId().isDirectory() && !hidden(path) && !hidden(folder)) {
          files++;
          meetings.add(folder);
        }
      }
    }
    String runner = options.getRunner().getSimpleName();
    boolean dataflow = runner.equals("DataflowRunner");
    String jobFile = dataflow ? options.as(DataflowPipelineOptions.class).getDataflowJobFile() : null;
    Path work = dataflow ? Files.createTempDirectory("meetscope-dataflow-") : null;
    try {
      if (dataflow) {
        try {
          OfflineJobSpec.prepare(options.as(DataflowPipelineOptions.class), work);
        } catch (IllegalArgumentException e) {
          throw new UsageException(e.getMessage());
        }
      }
      Pipeline pipeline = Pipeline.create(options);
      NightlyBatch.build(pipeline, options, pattern);
      int[] transforms = {0};
      pipeline.traverseTopologically(new Pipeline.PipelineVisitor.Defaults() {
        @Override
        public void visitPrimitiveTransform(TransformHierarchy.Node node) {
          transforms[0]++;
        }
      });
      DataflowJob job = null;
      if (dataflow) {
        try {
          job = OfflineJobSpec.translate(pipeline, work);
        } catch (RuntimeException e) {
          throw new UsageException("the Dataflow translation failed: " + rootMessage(e));
        }
      }
      out.println("meetscope nightly --dryRun: options and input OK; nothing was run or written.");
      out.println("  runner:  " + runner);
      if (options.getDate() != null) {
        out.println("  date:    " + options.getDate());
      }
      out.printf("  input:   %s → %s: %d files in %d meeting folders%n", options.getInput(), pattern, files,
          meetings.size());
      out.printf("  output:  %s (%s): would replace %s and _METRICS.json%n", options.getOutput(),
          options.getSink(), String.join(", ", NightlyBatch.TABLES));
      out.printf("  graph:   %d primitive transforms%n", transforms[0]);
      if (job != null) {
        out.printf("  dataflow: job specification translated offline: %d steps%n", job.steps().size());
        if (jobFile != null && !jobFile.isBlank()) {
          Files.writeString(Path.of(jobFile), job.json());
          out.println("  dataflow: written to " + jobFile);
        }
      }
      return ExitCodes.OK;
    } finally {
      if (work != null) {
        deleteTree(work);
      }
    }
  }

  private static boolean hidden(String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String name = p.substring(p.lastIndexOf('/') + 1);
    return name.startsWith(".") || name.startsWith("_");
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A local path made absolute; URLs such as gs://… are returned as they are. */
  static String absoluteIfLocal(String path) {
    if (path.matches("[A-Za-z][A-Za-z0-9+.-]*://.*")) {
      return path;
    }
    return Path.of(path).toAbsolutePath().normalize().toString();
  }

  private static void clearPreviousOutput(OutputFolder output) throws java.io.IOException {
    for (String table : NightlyBatch.TABLES) {
      output.clear(table);
    }
    output.clear(NightlyBatch.FILE_STATS_TABLE + "/file_stat");
    // A meeting gone from the input must not keep its old page.
    output.clear(NightlyBatch.REPORTS_FOLDER + "/meetings");
    output.clear(NightlyBatch.REPORTS_FOLDER);
    output.clearTree(NightlyBatch.VIEWS_FOLDER);
    output.deleteFile("_METRICS.json");
  }

  /** Adds {@code --input} (the bundled samples) when absent, and keeps Direct-runner checks on. */
  static String[] withDefaults(String[] args) {
    List<String> list = new ArrayList<>(Arrays.asList(args));
    if (list.stream().noneMatch(a -> a.startsWith("--input="))) {
      list.add("--input=" + bundledFixtures());
      // The demo: the bundled sample meetings carry no consent flags, so they run in pilot mode.
      if (list.stream().noneMatch(a -> a.startsWith("--consentMode"))) {
        list.add("--consentMode=all");
      }
    }
    DirectRunnerChecks.offUnlessGiven(list);
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
