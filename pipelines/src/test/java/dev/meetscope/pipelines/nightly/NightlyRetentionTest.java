package dev.meetscope.pipelines.nightly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.Utterance;
import dev.meetscope.transforms.schema.RecordCoders;
import dev.meetscope.transforms.sink.TableSink;
import dev.meetscope.transforms.sink.WriteTable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --retentionDays} through the nightly job's sink ({@link NightlySink#of}, as {@link NightlyBatch} builds
 * it) into Beam's in-memory BigQuery: the tables the run creates carry the partition expiry, and none without
 * the option. Two tiny tables (a record table and {@code dead_letter}), not the whole job: that is
 * NightlyBigQueryTest's.
 */
class NightlyRetentionTest {
  private static final String PROJECT = "meetscope-test";
  private static final String DATASET = "analytics";

  @TempDir Path tmp;
  private FakeDatasetService datasets;
  private FakeBigQueryServices services;

  @BeforeEach
  void fakeBigQuery() throws Exception {
    FakeBigQuery bigQuery = FakeBigQuery.withEmptyDataset(PROJECT, DATASET);
    datasets = bigQuery.datasets();
    services = bigQuery.services();
  }

  /** Writes one utterance and one dead letter the way the nightly job does, with the given extra options. */
  private void runTheDay(String... extra) {
    List<String> args = new ArrayList<>(List.of("--input=in", "--output=" + tmp.resolve("out"), "--sink=bigquery",
        "--bigQueryDataset=" + PROJECT + ":" + DATASET, "--date=2026-03-02",
        "--bigQueryTempLocation=" + tmp.resolve("bq")));
    args.addAll(List.of(extra));
    NightlyOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(NightlyOptions.class);
    NightlyBatch.validate(options);
    Pipeline pipeline = Pipeline.create(options);
    PCollection<ParticipantMeeting> people = pipeline.apply("People",
        Create.empty(RecordCoders.of(ParticipantMeeting.class)));
    TableSink sink = NightlySink.of(options, people, services);
    pipeline.apply("Utterances", Create.of(new Utterance("m1", "/in/m1/t.vtt", 3, "cloud_transcript", 1, "Ada",
            false, "recording_offset", 0, 1000L, Instant.parse("2026-03-02T15:00:00Z"), "hello", List.of()))
            .withCoder(RecordCoders.of(Utterance.class)))
        .apply("WriteUtterance", WriteTable.of(Utterance.class, "utterance", "unused", sink));
    PCollection<DeadLetter> parsed = pipeline.apply("DeadLetters", Create.of(new DeadLetter("m2", "parse",
            "unknown", "/in/m2/x.bin", null, 0L, "UNRECOGNISED_FORMAT", "?", "x"))
        .withCoder(RecordCoders.of(DeadLetter.class)));
    PCollectionList.of(parsed).and(sink.rejectedRows())
        .apply("FlattenDeadLetters", org.apache.beam.sdk.transforms.Flatten.pCollections())
        .apply("WriteDeadLetters", WriteTable.of(DeadLetter.class, "dead_letter", "unused", sink));
    pipeline.run().waitUntilFinish();
  }

  private Table table(String name) throws Exception {
    return datasets.getTable(new TableReference().setProjectId(PROJECT).setDatasetId(DATASET).setTableId(name));
  }

  @Test
  void theTablesARunCreatesExpireAfterRetentionDays() throws Exception {
    runTheDay("--retentionDays=30");
    for (String name : List.of("utterance", "dead_letter")) {
      assertEquals("meeting_date", table(name).getTimePartitioning().getField(), name);
      assertEquals(30L * 86_400_000L, table(name).getTimePartitioning().getExpirationMs(), name);
      assertEquals(1, datasets.getAllRows(PROJECT, DATASET, name).size(), name);
    }
  }

  @Test
  void withoutRetentionDaysPartitionsNeverExpire() throws Exception {
    runTheDay();
    for (String name : List.of("utterance", "dead_letter")) {
      assertEquals("meeting_date", table(name).getTimePartitioning().getField(), name);
      assertNull(table(name).getTimePartitioning().getExpirationMs(), name);
    }
  }

  @Test
  void runAuditIsNoBigQueryTableSoItNeverExpires() {
    // The audit is appended by the launcher as files (runners AuditLog), never through the sink: if it ever
    // becomes a sink table it must be written without --retentionDays (docs/governance.md §6, §7).
    assertFalse(NightlyBatch.TABLES.contains("run_audit"));
    assertFalse(NightlyTables.records().containsKey("run_audit"));
  }
}
