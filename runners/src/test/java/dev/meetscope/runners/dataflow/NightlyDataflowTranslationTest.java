package dev.meetscope.runners.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meetscope.pipelines.nightly.NightlyBatch;
import dev.meetscope.pipelines.nightly.NightlyOptions;
import dev.meetscope.runners.Meetscope;
import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.runners.dataflow.DataflowJob.Dangling;
import dev.meetscope.runners.dataflow.DataflowJob.Step;
import dev.meetscope.transforms.governance.ProtectIdentities;
import dev.meetscope.transforms.parse.ParseMeetingFolders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Translates the nightly graph with the real DataflowRunner into the Dataflow job specification, offline (no
 * GCP project, credentials or network), and checks its steps: a graph Dataflow cannot run, or a table output
 * that nothing writes, fails here instead of at submission.
 */
class NightlyDataflowTranslationTest {
  private static final String BUCKET = "gs://meetscope-demo";
  private static final String PATTERN = BUCKET + "/landing/2026-03-02/*/*";

  /**
   * Dataflow options carrying the nightly options too. NightlyOptions is reached with {@code as()}, never
   * registered: a registered interface would clash with other commands' options in this JVM.
   */
  private static DataflowPipelineOptions options() {
    DataflowPipelineOptions options = PipelineOptionsFactory.fromArgs("--runner=DataflowRunner",
        "--project=meetscope-demo", "--region=europe-west1", "--tempLocation=" + BUCKET + "/tmp",
        "--jobName=meetscope-nightly-2026-03-02").as(DataflowPipelineOptions.class);
    NightlyOptions nightly = options.as(NightlyOptions.class);
    nightly.setInput(BUCKET + "/landing/2026-03-02");
    nightly.setOutput(BUCKET + "/tables/2026-03-02");
    // Dataflow refuses a per-run random pseudonym key (it would travel in the uploaded graph).
    nightly.setPseudonymKey("projects/meetscope-demo/secrets/pseudonym-key/versions/3");
    return options;
  }

  @Test
  void theNightlyGraphTranslatesWithEveryStageNamedAndEveryTableWritten(@TempDir Path dir) throws Exception {
    DataflowPipelineOptions options = options();
    OfflineJobSpec.prepare(options, dir);
    Pipeline pipeline = Pipeline.create(options);
    NightlyBatch.build(pipeline, options.as(NightlyOptions.class), PATTERN);

    DataflowJob job = OfflineJobSpec.translate(pipeline, dir);

    JsonNode root = new ObjectMapper().readTree(job.json());
    assertEquals("JOB_TYPE_BATCH", root.get("type").asText());
    assertEquals("meetscope-nightly-2026-03-02", root.get("name").asText());
    for (String stage : List.of("MatchMeetingFiles", "ParseMeetingFiles", "ApplyGovernance",
        "WriteParticipantSessions", "WriteUtterances", "WriteChatMessages", "WriteMeetingEvents",
        "AnalyzeMeetings", "ProtectIdentities", "WriteParticipantMeetings", "WriteMeetings",
        "WriteMeetingTimeline", "WriteRoleViews", "WriteDeadLetters", "WriteFileStats")) {
      assertTrue(job.steps().stream().anyMatch(s -> s.userName().startsWith(stage + "/")), stage);
    }
    assertNotNull(job.step("MatchMeetingFiles/GroupFilesByMeeting"));
    assertEquals("GroupByKey", job.step("MatchMeetingFiles/GroupFilesByMeeting").kind());

    // Every output of the parse step goes to the governance gate, and only there: nothing parsed reaches a
    // writer or the analysis without consent and opt-out applied.
    Step parse = job.step("ParseMeetingFiles/ParseMeetingFolder");
    assertEquals("ParallelDo", parse.kind());
    for (TupleTag<?> tag : List.of(ParseMeetingFolders.SESSIONS, ParseMeetingFolders.UTTERANCES,
        ParseMeetingFolders.CHAT_MESSAGES, ParseMeetingFolders.EVENTS, ParseMeetingFolders.MANIFESTS,
        ParseMeetingFolders.DEAD_LETTERS, ParseMeetingFolders.FILE_STATS)) {
      List<String> consumers = job.consumersOf(parse, tag.getId()).stream().map(Step::userName).toList();
      assertFalse(consumers.isEmpty(), tag.getId());
      assertTrue(consumers.stream().allMatch(c -> c.startsWith("ApplyGovernance/")), tag.getId() + " → " + consumers);
    }
    // The gated records are analysed; every table writer reads the output policy's results.
    Step gate = job.step("ApplyGovernance/GateMeetings");
    assertTrue(job.consumersOf(gate, ParseMeetingFolders.MANIFESTS.getId()).stream()
        .anyMatch(s -> s.userName().startsWith("AnalyzeMeetings/")), "the analysis reads the gated manifests");
    assertTrue(job.consumersOf(gate, ParseMeetingFolders.FILE_STATS.getId()).stream()
        .anyMatch(s -> s.userName().startsWith("WriteFileStats/")), "file statistics after the gate");
    Step policy = job.step("ProtectIdentities/ApplyIdentityPolicy");
    Map<TupleTag<?>, String> writers = Map.of(
        ProtectIdentities.SESSIONS, "WriteParticipantSessions/ToAvro",
        ProtectIdentities.UTTERANCES, "WriteUtterances/ToAvro",
        ProtectIdentities.CHAT_MESSAGES, "WriteChatMessages/ToAvro",
        ProtectIdentities.EVENTS, "WriteMeetingEvents/ToAvro",
        // Meeting and person rows are scored after the policy, so scores only ever see keyed rows.
        ProtectIdentities.MEETINGS, "ScoreMeetings/",
        ProtectIdentities.SENTIMENTS, "WriteUtteranceSentiments/ToAvro",
        ProtectIdentities.TOPICS, "WriteMeetingTopics/ToAvro",
        ProtectIdentities.ACTION_ITEMS, "WriteActionItems/ToAvro",
        ProtectIdentities.DEAD_LETTERS, "FlattenWrittenDeadLetters");
    writers.forEach((tag, writer) -> assertTrue(
        job.consumersOf(policy, tag.getId()).stream().anyMatch(s -> s.userName().startsWith(writer)),
        tag.getId() + " → " + writer + " in " + job.consumersOf(policy, tag.getId()).stream()
            .map(Step::userName).toList()));

    // Nothing computed is thrown away, apart from the inner bookkeeping outputs of Beam's file writes.
    List<Dangling> dangling = job.unconsumedOutputs().stream()
        .filter(d -> !d.userName().matches("Write[A-Za-z]+/Write(Parquet|JsonLines)/.*")
            && !d.userName().matches("WriteRoleViews/Write(HostView|ManagerView|OrgWeek|DepartmentWeek)/.*")
            // The manager digest pages are written by a DoFn with no output worth keeping.
            && !d.userName().equals("WriteRoleViews/WriteManagerDigests"))
        .toList();
    assertEquals(List.of(), dangling);
  }

  private static final TupleTag<String> MAIN = new TupleTag<>("main") {};
  private static final TupleTag<String> FORGOTTEN = new TupleTag<>("forgotten") {};

  /** Emits every element on both outputs. */
  private static final class SplitFn extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element String s, MultiOutputReceiver out) {
      out.get(MAIN).output(s);
      out.get(FORGOTTEN).output(s);
    }
  }

  @Test
  void anUnconsumedOutputIsFound() throws Exception {
    String json;
    {
      Path dir = Files.createTempDirectory("meetscope-dataflow-test");
      DataflowPipelineOptions options = options();
      OfflineJobSpec.prepare(options, dir);
      Pipeline pipeline = Pipeline.create(options);
      pipeline.apply("Words", Create.of("a", "b"))
          .apply("Split", ParDo.of(new SplitFn()).withOutputTags(MAIN, TupleTagList.of(FORGOTTEN)))
          .get(MAIN).apply("Upper", org.apache.beam.sdk.transforms.MapElements
              .into(org.apache.beam.sdk.values.TypeDescriptors.strings()).via(String::toUpperCase));
      json = OfflineJobSpec.translate(pipeline, dir).json();
    }
    DataflowJob job = DataflowJob.parse(json);
    List<Dangling> dangling = job.unconsumedOutputs();
    assertTrue(dangling.contains(new Dangling("Split", "forgotten")), dangling.toString());
    assertTrue(dangling.stream().anyMatch(d -> d.userName().equals("Upper/Map")), dangling.toString());
    assertTrue(dangling.stream().noneMatch(d -> d.userName().equals("Split") && d.output().equals("main")));
  }

  @Test
  void dryRunOnDataflowTranslatesOfflineAndWritesTheJobFile(@TempDir Path dir) throws Exception {
    Path jobFile = dir.resolve("job.json");
    Path key = Files.writeString(dir.resolve("key"), "0123456789abcdef0123456789abcdef");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new Meetscope().run(new String[] {"nightly", "--dryRun", "--runner=DataflowRunner",
        "--project=meetscope-demo", "--region=europe-west1", "--tempLocation=" + BUCKET + "/tmp",
        "--input=../fixtures/meetings", "--output=" + BUCKET + "/tables", "--dataflowJobFile=" + jobFile,
        "--pseudonymKey=file:" + key},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(ExitCodes.OK, exit, printed + err.toString(StandardCharsets.UTF_8));
    assertTrue(printed.contains("dataflow: job specification translated offline: "), printed);
    assertTrue(Files.isRegularFile(jobFile));
  }

  @Test
  void dataflowWithoutAPseudonymKeyIsABadOption() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new Meetscope().run(new String[] {"nightly", "--dryRun", "--runner=DataflowRunner",
        "--project=meetscope-demo", "--region=europe-west1", "--tempLocation=" + BUCKET + "/tmp",
        "--input=../fixtures/meetings", "--output=" + BUCKET + "/tables"},
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(ExitCodes.BAD_OPTIONS, exit);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--pseudonymKey: DataflowRunner needs a key"),
        err.toString());
  }

  @Test
  void dataflowWithoutACloudStorageTempLocationIsABadOption(@TempDir Path dir) throws Exception {
    Path key = Files.writeString(dir.resolve("key"), "0123456789abcdef0123456789abcdef");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new Meetscope().run(new String[] {"nightly", "--dryRun", "--runner=DataflowRunner",
        "--project=meetscope-demo", "--region=europe-west1", "--input=../fixtures/meetings",
        "--output=" + BUCKET + "/tables", "--pseudonymKey=file:" + key}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(ExitCodes.BAD_OPTIONS, exit);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--tempLocation=gs://"), err.toString());
  }
}
