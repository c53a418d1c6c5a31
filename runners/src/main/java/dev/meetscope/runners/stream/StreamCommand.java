package dev.meetscope.runners.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meetscope.models.analytics.MetricsVersion;
import dev.meetscope.models.governance.OptionRedactor;
import dev.meetscope.models.governance.RunAudit;
import dev.meetscope.models.governance.RunIds;
import dev.meetscope.pipelines.governance.GovernanceOptions;
import dev.meetscope.pipelines.streaming.StreamPlan;
import dev.meetscope.pipelines.streaming.StreamingOptions;
import dev.meetscope.pipelines.streaming.TownHallStreaming;
import dev.meetscope.runners.cli.Command;
import dev.meetscope.runners.cli.DirectRunnerChecks;
import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.runners.cli.MissingInputException;
import dev.meetscope.runners.cli.OptionsHelp;
import dev.meetscope.runners.cli.UsageException;
import dev.meetscope.runners.nightly.AuditLog;
import dev.meetscope.runners.nightly.OutputFolder;
import dev.meetscope.transforms.governance.ApplyGovernance;
import dev.meetscope.transforms.governance.PseudonymKey;
import java.io.File;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code meetscope stream}: the streaming job for large town halls (docs/streaming.md). With
 * {@code --maxIdle} it finishes on its own once no new input arrived for that long; otherwise it runs until
 * stopped. On Flink it turns checkpointing on (Pub/Sub acknowledges on checkpoints).
 */
public final class StreamCommand implements Command {
  /** Flink checkpoint interval when none is given. */
  static final String DEFAULT_CHECKPOINT_MS = "10000";
  /** Where Flink keeps checkpoints when no {@code --stateBackendStoragePath} is given (this machine only). */
  static final String DEFAULT_CHECKPOINTS =
      new File(System.getProperty("java.io.tmpdir"), "meetscope-flink-checkpoints").toURI().toString();

  @Override
  public String name() {
    return "stream";
  }

  @Override
  public String summary() {
    return "Run the streaming job: live windows, drop-off alerts and final rows for town halls";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("Usage: meetscope stream [--source=files --input=FOLDER | --source=pubsub --subscription=...]"
        + " [--option=value ...]");
    out.println();
    out.println("Reads Zoom webhook deliveries (NDJSON files watched continuously, or Pub/Sub), removes repeated");
    out.println("deliveries, counts sliding event-time windows per meeting with early, on-time and late panes,");
    out.println("raises drop-off alerts, and writes the final participant_meeting, meeting and meeting_timeline");
    out.println("rows when a meeting ends. Tables: " + String.join(", ", TownHallStreaming.TABLES) + ".");
    out.println();
    out.println("Options:");
    OptionsHelp.print(out, StreamingOptions.class);
    OptionsHelp.print(out, GovernanceOptions.class);
    out.println("  --runner=DirectRunner");
    out.println("      DirectRunner (embedded default), FlinkRunner (--flinkMaster=[local] or host:port;"
        + " checkpointing every " + DEFAULT_CHECKPOINT_MS + " ms unless --checkpointingInterval, checkpoints in"
        + " --stateBackendStoragePath, default " + DEFAULT_CHECKPOINTS + ") or DataflowRunner.");
    out.println();
    out.println("Exit codes: 0 ok, 2 bad options, 3 missing input, 4 pipeline failed, 1 internal error.");
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (OptionsHelp.wantsHelp(args)) {
      printHelp(out);
      return ExitCodes.OK;
    }
    StreamingOptions options;
    StreamPlan plan;
    try {
      options = PipelineOptionsFactory.fromArgs(withDefaults(args)).as(StreamingOptions.class);
      plan = TownHallStreaming.validate(options);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    FileSystems.setDefaultPipelineOptions(options);
    if (plan.filesSource() && !plan.input().contains("://") && !new File(plan.input()).isDirectory()
        && !plan.input().contains("*")) {
      throw new MissingInputException("the folder to watch does not exist: " + plan.input()
          + " (create it, or point --input at the relay's files folder)");
    }
    OutputFolder output = plan.bigQuery() ? null : new OutputFolder(plan.output());
    if (output != null && options.getReplaceOutput()) {
      for (String table : TownHallStreaming.TABLES) {
        output.clear(table);
      }
      output.deleteFile("_METRICS.json");
    }

    if (!"all".equalsIgnoreCase(options.getConsentMode().strip()) && options.getConsentAllowList() == null) {
      err.println("meetscope stream: webhook events carry no consent flag, so with --consentMode="
          + options.getConsentMode() + " and no --consentAllowList no meeting will be analysed (each event is"
          + " counted as skipped). Give --consentAllowList=FILE of hosts and meetings, or --consentMode=all for"
          + " a pilot.");
    }
    Instant started = Instant.now();
    Pipeline pipeline = Pipeline.create(options);
    TownHallStreaming.build(pipeline, options);
    out.printf("meetscope stream: reading %s, writing %s%s%n",
        plan.filesSource() ? plan.input() : plan.subscription(),
        plan.bigQuery() ? "BigQuery " + plan.bigQueryDataset() : plan.output() + " (" + plan.sink() + ")",
        plan.maxIdle() == null ? "; runs until stopped" : "; stops after " + plan.maxIdle() + " without input");
    PipelineResult result;
    OutputFolder auditRoot = new OutputFolder(plan.output());
    try {
      result = pipeline.run();
      PipelineResult.State state = result.waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        err.println("meetscope stream: the pipeline ended in state " + state);
        appendAudit(auditRoot, "failed", started, args, plan, StreamMetrics.counters(result), err);
        return ExitCodes.PIPELINE_FAILED;
      }
    } catch (RuntimeException e) {
      err.println("meetscope stream: the pipeline failed: " + rootMessage(e));
      appendAudit(auditRoot, "failed", started, args, plan, Map.of(), err);
      return ExitCodes.PIPELINE_FAILED;
    }
    Duration elapsed = Duration.between(started, Instant.now());
    Map<String, Long> counters = StreamMetrics.counters(result);
    appendAudit(auditRoot, "succeeded", started, args, plan, counters, err);
    out.println(StreamMetrics.summary(counters, elapsed));
    if (output != null) {
      ObjectNode root = new ObjectMapper().createObjectNode();
      root.put("job", "stream");
      root.put("source", plan.source());
      root.put("input", plan.filesSource() ? plan.input() : plan.subscription());
      root.put("output", plan.output());
      root.put("sink", plan.sink());
      root.put("runner", options.getRunner().getSimpleName());
      root.put("elapsed_seconds", elapsed.toMillis() / 1000.0);
      ObjectNode beam = root.putObject("beam_counters");
      counters.forEach(beam::put);
      output.writeString("_METRICS.json", new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(root) + "\n");
    }
    return ExitCodes.OK;
  }

  /**
   * The run's {@code run_audit} row (docs/governance.md §7), as the nightly job writes one: a stream run ends on
   * {@code --maxIdle} or when it fails. Input files and bytes are 0: a stream reads deliveries, counted in
   * {@code _METRICS.json}. Meetings analysed = meetings closed; skipped = events without consent, by reason.
   */
  private static void appendAudit(OutputFolder root, String status, Instant started, String[] args, StreamPlan plan,
      Map<String, Long> counters, PrintStream err) {
    List<RunAudit.TableCount> tables = AuditLog.tableCounts(TownHallStreaming.TABLES, counters);
    java.util.SortedMap<String, Long> skipped =
        AuditLog.countersByReason(counters, ApplyGovernance.NAMESPACE + "/stream_events_skipped.");
    String keyId = plan.pseudonymKey() == null ? null
        : PseudonymKey.of(plan.pseudonymKey()).pseudonymizer().keyId();
    RunAudit row = new RunAudit(RunIds.newRunId(started), started, Instant.now(), "stream", status,
        OptionRedactor.redact(AuditLog.options(Arrays.asList(args))), 0, 0, tables,
        counters.getOrDefault("sink/dead_letter.rows", 0L), MetricsVersion.CURRENT, AuditLog.modelVersions(),
        AuditLog.codeVersion(), plan.gate().consentMode(), counters.getOrDefault("stream/meetings_closed", 0L),
        skipped, 0, keyId);
    try {
      AuditLog.append(root, row);
    } catch (java.io.IOException e) {
      err.println("meetscope stream: could not append the run_audit row: " + e.getMessage());
    }
  }

  /**
   * Adds {@code --streaming=true}; on Flink, checkpointing when none is set and, with {@code --maxIdle},
   * sources that shut down once done (else Flink keeps a finished source alive for its checkpoints).
   */
  public static String[] withDefaults(String[] args) {
    List<String> list = new ArrayList<>(Arrays.asList(args));
    if (list.stream().noneMatch(a -> a.startsWith("--streaming"))) {
      list.add("--streaming=true");
    }
    DirectRunnerChecks.offUnlessGiven(list);
    boolean flink = list.stream().anyMatch(a -> a.startsWith("--runner=") && a.contains("Flink"));
    if (flink) {
      if (list.stream().noneMatch(a -> a.startsWith("--checkpointingInterval="))) {
        list.add("--checkpointingInterval=" + DEFAULT_CHECKPOINT_MS);
      }
      // Flink's default checkpoint storage keeps state in the JobManager's memory, at most 5 MB per task: a
      // town hall's per-meeting state is larger, and every checkpoint would fail and restart the job.
      if (list.stream().noneMatch(a -> a.startsWith("--stateBackend="))) {
        list.add("--stateBackend=filesystem");
        if (list.stream().noneMatch(a -> a.startsWith("--stateBackendStoragePath="))) {
          list.add("--stateBackendStoragePath=" + DEFAULT_CHECKPOINTS);
        }
      }
      boolean maxIdle = list.stream().anyMatch(a -> a.startsWith("--maxIdle=") && a.length() > "--maxIdle=".length());
      if (maxIdle && list.stream().noneMatch(a -> a.startsWith("--shutdownSourcesAfterIdleMs="))) {
        list.add("--shutdownSourcesAfterIdleMs=0");
      }
    }
    return list.toArray(String[]::new);
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
