package dev.meetscope.transforms.sink;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import com.google.api.services.bigquery.model.TableRow;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.Utterance;
import dev.meetscope.transforms.schema.RecordCoders;
import dev.meetscope.transforms.sink.bigquery.BigQueryDataset;
import dev.meetscope.transforms.sink.bigquery.testing.DayPartitionJobService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** WriteTable into BigQuery through a job's TableSink: a table's rejected rows reach the dead-letter table. */
public class TableSinkTest {
  private static final BigQueryDataset DS = new BigQueryDataset("meetscope-test", "analytics");
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  private FakeDatasetService datasets;
  private TableSink sink;

  @Before
  public void fakeBigQuery() throws Exception {
    FakeDatasetService.setUp();
    DayPartitionJobService.reset();
    datasets = new FakeDatasetService();
    datasets.createDataset("meetscope-test", "analytics", "", "", null);
    sink = TableSink.bigQuery(DS, DAY)
        .withTempLocation(tmp.getRoot().getAbsolutePath())
        .withMaxStringBytes(40)
        .withTestServices(new FakeBigQueryServices().withDatasetService(datasets)
            .withJobService(new DayPartitionJobService()));
  }

  private static Utterance utterance(String key, String text) {
    return new Utterance(key, "/in/" + key + "/t.vtt", 7, "cloud_transcript", 1, "Ada", false, "recording_offset", 0,
        1000L, Instant.parse("2026-03-02T15:00:00Z"), text, List.of());
  }

  private List<String> column(String table, String a, String b) throws Exception {
    List<String> out = new ArrayList<>();
    for (TableRow r : datasets.getAllRows("meetscope-test", "analytics", table)) {
      out.add(r.get(a) + " " + r.get(b));
    }
    out.sort(null);
    return out;
  }

  @Test
  public void aTablesRejectedRowsLandInTheDeadLetterTableAndEveryRowIsAccountedFor() throws Exception {
    pipeline.apply("Utterances", Create.of(utterance("m1", "fine"), utterance("m2", "x".repeat(41)))
            .withCoder(RecordCoders.of(Utterance.class)))
        .apply("WriteUtterances", WriteTable.of(Utterance.class, "utterance", "unused", sink));
    PCollection<DeadLetter> parseDeadLetters = pipeline.apply("ParseDeadLetters",
        Create.of(new DeadLetter("m3", "parse", "unknown", "/in/m3/x.bin", null, 0L, "UNRECOGNISED_FORMAT", "?", "x"))
            .withCoder(RecordCoders.of(DeadLetter.class)));
    PCollectionList.of(parseDeadLetters).and(sink.rejectedRows())
        .apply("FlattenDeadLetters", Flatten.pCollections())
        .apply("WriteDeadLetters", WriteTable.of(DeadLetter.class, "dead_letter", "unused", sink));
    pipeline.run().waitUntilFinish();

    assertEquals(List.of("m1 fine"), column("utterance", "meeting_key", "text"));
    assertEquals(List.of("m2 BQ_ROW_INVALID", "m3 UNRECOGNISED_FORMAT"), column("dead_letter", "meeting_key", "reason"));
    TableRow rejected = datasets.getAllRows("meetscope-test", "analytics", "dead_letter").stream()
        .filter(r -> "m2".equals(r.get("meeting_key"))).findFirst().orElseThrow();
    assertEquals("BigQuery would reject this row: text: STRING of 41 bytes exceeds 40", rejected.get("message"));
    assertEquals("bigquery:meetscope-test:analytics.utterance$20260302", rejected.get("source_file"));
    assertEquals("2026-03-02", rejected.get("meeting_date"));
  }

  @Test
  public void aTableWrittenAfterTheRejectsWereCollectedIsRefused() {
    sink.rejectedRows();
    PCollection<Utterance> rows = pipeline.apply(Create.of(utterance("m1", "fine"))
        .withCoder(RecordCoders.of(Utterance.class)));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> rows.apply("Late", WriteTable.of(Utterance.class, "utterance", "unused", sink)));
    assertEquals("table utterance is written after the sink's rejected rows were collected; write every table"
        + " before the dead letters", e.getMessage());
    assertThrows(IllegalStateException.class, sink::rejectedRows);
    pipeline.enableAbandonedNodeEnforcement(false);
  }

  @Test
  public void bigQueryIsNotAFileFormat() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WriteTable.of(Utterance.class, "utterance", "out", SinkFormat.BIGQUERY));
    assertEquals("--sink=bigquery needs a dataset and a day: use TableSink.bigQuery", e.getMessage());
    assertEquals("--sink must be one of parquet, jsonl, bigquery (got 'csv')",
        assertThrows(IllegalArgumentException.class, () -> SinkFormat.parse("csv")).getMessage());
    assertEquals(SinkFormat.BIGQUERY, SinkFormat.parse(" BigQuery "));
  }
}
