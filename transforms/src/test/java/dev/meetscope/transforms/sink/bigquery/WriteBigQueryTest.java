package dev.meetscope.transforms.sink.bigquery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.api.services.bigquery.model.JobConfigurationLoad;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableRow;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.Utterance;
import dev.meetscope.transforms.sink.bigquery.testing.DayPartitionJobService;
import dev.meetscope.transforms.schema.RecordCoders;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The BigQuery sink through Beam's in-memory BigQuery: rows, schemas, partitions, reruns, rejected rows. */
public class WriteBigQueryTest {
  private static final String PROJECT = "meetscope-test";
  private static final String DATASET = "analytics";
  private static final BigQueryDataset DS = new BigQueryDataset(PROJECT, DATASET);
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
  private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

  @Rule public final transient TestPipeline p1 = TestPipeline.create();
  @Rule public final transient TestPipeline p2 = TestPipeline.create();
  @Rule public final transient TestPipeline p3 = TestPipeline.create();
  @Rule public final transient TestPipeline p4 = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  private FakeDatasetService datasets;
  private FakeBigQueryServices services;

  @Before
  public void fakeBigQuery() throws Exception {
    FakeDatasetService.setUp();
    DayPartitionJobService.reset();
    datasets = new FakeDatasetService();
    datasets.createDataset(PROJECT, DATASET, "", "", null);
    services = new FakeBigQueryServices().withDatasetService(datasets).withJobService(new DayPartitionJobService());
  }

  private static Utterance utterance(String meetingKey, String text) {
    return new Utterance(meetingKey, "/in/" + meetingKey + "/t.vtt", 3, "cloud_transcript", 1, "Ada", false,
        "recording_offset", 4859, 7410L, T0.plusMillis(6859), text, List.of("speaker_inferred"));
  }

  private WriteBigQuery<Utterance> loadUtterances(LocalDate day) {
    return WriteBigQuery.loadDay(Utterance.class, "utterance", DS, day)
        .withTempLocation(tmp.getRoot().getAbsolutePath())
        .withTestServices(services);
  }

  private static PCollection<Utterance> utterances(TestPipeline p, Utterance... rows) {
    return p.apply("Utterances", Create.of(List.of(rows)).withCoder(RecordCoders.of(Utterance.class)));
  }

  /** "meeting_key meeting_date host_key text", sorted. */
  private List<String> rows(String table) throws Exception {
    List<String> out = new ArrayList<>();
    for (TableRow r : datasets.getAllRows(PROJECT, DATASET, table)) {
      out.add(r.get("meeting_key") + " " + day(r.get("meeting_date")) + " " + r.get("host_key") + " " + r.get("text"));
    }
    out.sort(null);
    return out;
  }

  /** Load jobs give the fake "2026-03-02"; the Storage Write API gives it the proto's days since 1970. */
  private static String day(Object value) {
    return value instanceof Number n ? LocalDate.ofEpochDay(n.longValue()).toString() : String.valueOf(value);
  }

  /** A protected participant row marked host: only its key reaches BigQuery as host_key. */
  private static ParticipantMeeting host(String meeting, String key) {
    return new ParticipantMeeting(meeting, key, null, null, true, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, "exact", List.of(), 1.0, "1.1.0");
  }

  @Test
  public void aDaysRowsAreLoadedIntoItsPartitionWithTheRecordSchema() throws Exception {
    PCollectionView<Map<String, String>> hosts = p1
        .apply("People", Create.of(host("m1", "k-host-b"), host("m1", "k-host-a"))
            .withCoder(RecordCoders.of(ParticipantMeeting.class)))
        .apply("Hosts", MeetingHosts.create());
    PCollection<DeadLetter> rejected = utterances(p1, utterance("m1", "hello"), utterance("m2", "hi"))
        .apply(loadUtterances(DAY).withHosts(hosts));
    PAssert.that(rejected).empty();
    p1.run().waitUntilFinish();

    assertEquals(List.of("m1 2026-03-02 k-host-a hello", "m2 2026-03-02 null hi"), rows("utterance"));
    TableRow first = datasets.getAllRows(PROJECT, DATASET, "utterance").stream()
        .filter(r -> "m1".equals(r.get("meeting_key"))).findFirst().orElseThrow();
    assertEquals("2026-03-02 15:00:06.859 UTC", first.get("wall_time"));
    assertEquals("3", String.valueOf(first.get("source_line")));

    List<JobConfigurationLoad> loads = DayPartitionJobService.loads();
    assertEquals(1, loads.size());
    JobConfigurationLoad load = loads.get(0);
    assertEquals(new TableReference().setProjectId(PROJECT).setDatasetId(DATASET).setTableId("utterance$20260302"),
        load.getDestinationTable());
    assertEquals("WRITE_TRUNCATE", load.getWriteDisposition());
    assertEquals("CREATE_IF_NEEDED", load.getCreateDisposition());
    assertEquals("NEWLINE_DELIMITED_JSON", load.getSourceFormat());
    assertEquals(List.of("ALLOW_FIELD_ADDITION"), load.getSchemaUpdateOptions());
    assertEquals(BigQueryTables.tableSchema(Utterance.class), load.getSchema());
    assertEquals(BigQueryTables.timePartitioning(), load.getTimePartitioning());
    assertEquals(BigQueryTables.clustering(), load.getClustering());

    Table table = datasets.getTable(new TableReference().setProjectId(PROJECT).setDatasetId(DATASET)
        .setTableId("utterance"));
    assertEquals("meeting_date", table.getTimePartitioning().getField());
    assertNull("without --retentionDays partitions never expire", table.getTimePartitioning().getExpirationMs());
    assertEquals(List.of("meeting_key", "host_key"), table.getClustering().getFields());
    assertEquals(BigQueryTables.tableSchema(Utterance.class), table.getSchema());
  }

  @Test
  public void retentionDaysSetThePartitionExpiryOfTheTableTheLoadCreates() throws Exception {
    utterances(p1, utterance("m1", "hello")).apply(loadUtterances(DAY).withRetentionDays(30));
    p1.run().waitUntilFinish();

    long thirtyDays = 30L * 86_400_000L;
    assertEquals(thirtyDays, (long) DayPartitionJobService.loads().get(0).getTimePartitioning().getExpirationMs());
    Table table = datasets.getTable(new TableReference().setProjectId(PROJECT).setDatasetId(DATASET)
        .setTableId("utterance"));
    assertEquals("meeting_date", table.getTimePartitioning().getField());
    assertEquals(thirtyDays, (long) table.getTimePartitioning().getExpirationMs());
    assertEquals(List.of("m1 2026-03-02 null hello"), rows("utterance"));
    // The stream job's writes create their tables with the same partitioning (the fake cannot create a table
    // from the Storage Write API path, so this is checked on the write's configuration).
    assertEquals(thirtyDays, (long) WriteBigQuery.storageWrite(Utterance.class, "utterance", DS)
        .withRetentionDays(30).timePartitioning().getExpirationMs());
    assertNull(WriteBigQuery.storageWrite(Utterance.class, "utterance", DS).timePartitioning().getExpirationMs());
    assertThrows(IllegalArgumentException.class, () -> loadUtterances(DAY).withRetentionDays(-1));
  }

  @Test
  public void rerunningADayReplacesThatDayAndNoOther() throws Exception {
    utterances(p1, utterance("m1", "first run"), utterance("m2", "first run")).apply(loadUtterances(DAY));
    p1.run().waitUntilFinish();
    utterances(p2, utterance("m0", "the day before")).apply(loadUtterances(DAY.minusDays(1)));
    p2.run().waitUntilFinish();
    assertEquals(List.of("m0 2026-03-01 null the day before", "m1 2026-03-02 null first run",
        "m2 2026-03-02 null first run"), rows("utterance"));

    utterances(p3, utterance("m1", "rerun")).apply(loadUtterances(DAY));
    p3.run().waitUntilFinish();
    assertEquals(List.of("m0 2026-03-01 null the day before", "m1 2026-03-02 null rerun"), rows("utterance"));

    // A rerun with no rows for the table still replaces the day: it is empty now, not left as it was.
    utterances(p4).apply(loadUtterances(DAY));
    p4.run().waitUntilFinish();
    assertEquals(List.of("m0 2026-03-01 null the day before"), rows("utterance"));
    List<String> destinations = DayPartitionJobService.loads().stream()
        .map(l -> l.getDestinationTable().getTableId() + " " + l.getWriteDisposition()).toList();
    assertEquals(List.of("utterance$20260302 WRITE_TRUNCATE", "utterance$20260301 WRITE_TRUNCATE",
        "utterance$20260302 WRITE_TRUNCATE", "utterance$20260302 WRITE_TRUNCATE"), destinations);
  }

  private static MeetingSummary meeting(String key, Double ratio, String summary) {
    return new MeetingSummary(key, "81234567890", "Weekly Sync", T0, T0.plusSeconds(3600), 3600L, "manifest", 3, 3,
        0, ratio, 1200.0, 0.5, 0.1, 1.5, 4.0, List.of(), 1, 2, 0.5, 7, List.of(), List.of(), List.of(),
        List.of("budget"), 0.6, 0.7, summary, List.of(), 0.9, "1.0.0");
  }

  @Test
  public void rowsBigQueryWouldRejectBecomeDeadLettersAndTheRestIsLoaded() throws Exception {
    PCollection<DeadLetter> rejected = p1
        .apply(Create.of(meeting("good", 0.5, "fine"), meeting("nan", Double.NaN, "fine"),
                meeting("long", 0.5, "x".repeat(65)))
            .withCoder(RecordCoders.of(MeetingSummary.class)))
        .apply(WriteBigQuery.loadDay(MeetingSummary.class, "meeting", DS, DAY)
            .withTempLocation(tmp.getRoot().getAbsolutePath())
            .withMaxStringBytes(64)
            .withTestServices(services));
    PAssert.that(rejected.apply(MapElements.into(TypeDescriptors.strings())
            .via(d -> String.join(" | ", d.meetingKey(), d.stage(), d.format(), d.sourceFile(), d.reason(),
                d.message(), String.valueOf(d.rawText().startsWith("{\"meeting_key\":\"" + d.meetingKey()))))))
        .containsInAnyOrder(
            "nan | sink | bigquery | bigquery:meetscope-test:analytics.meeting$20260302 | BQ_ROW_INVALID"
                + " | BigQuery would reject this row: avg_attendance_ratio: NaN is not a finite FLOAT64 | true",
            "long | sink | bigquery | bigquery:meetscope-test:analytics.meeting$20260302 | BQ_ROW_INVALID"
                + " | BigQuery would reject this row: summary: STRING of 65 bytes exceeds 64 | true");
    p1.run().waitUntilFinish();
    List<String> keys = datasets.getAllRows(PROJECT, DATASET, "meeting").stream()
        .map(r -> r.get("meeting_key") + " " + r.get("avg_attendance_ratio")).toList();
    assertEquals(List.of("good 0.5"), keys);
  }

  @Test
  public void theDeadLetterTableFailsTheRunInsteadOfDroppingARowItCannotStore() {
    p1.apply(Create.of(new DeadLetter("m1", "parse", "unknown", "/f", null, 0L, "R", "y".repeat(100), "raw"))
            .withCoder(RecordCoders.of(DeadLetter.class)))
        .apply(WriteBigQuery.loadDay(DeadLetter.class, "dead_letter", DS, DAY)
            .withTempLocation(tmp.getRoot().getAbsolutePath())
            .withMaxStringBytes(64)
            .failingOnInvalidRows()
            .withTestServices(services));
    try {
      p1.run().waitUntilFinish();
      throw new AssertionError("the run should fail");
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null && !(cause instanceof IllegalStateException)) {
        cause = cause.getCause();
      }
      assertTrue(String.valueOf(cause.getMessage()), String.valueOf(cause.getMessage()).startsWith(
          "BigQuery would reject this row: message: STRING of 100 bytes exceeds 64"));
    }
  }

  @Test
  public void streamingRowsAreCommittedThroughTheStorageWriteApiOnTheirEventDay() throws Exception {
    // The in-memory service cannot create a table from the streaming path: create it as provisioning would.
    datasets.createTable(new Table()
        .setTableReference(new TableReference().setProjectId(PROJECT).setDatasetId(DATASET).setTableId("utterance"))
        .setSchema(BigQueryTables.tableSchema(Utterance.class))
        .setTimePartitioning(BigQueryTables.timePartitioning())
        .setClustering(BigQueryTables.clustering()));
    datasets.setShouldFailRow((Function<TableRow, Boolean> & Serializable) r -> "refused".equals(r.get("text")));
    org.joda.time.Instant lateEvening = new org.joda.time.Instant(Instant.parse("2026-03-02T23:30:00Z").toEpochMilli());
    TestStream<Utterance> events = TestStream.create(RecordCoders.of(Utterance.class))
        .addElements(TimestampedValue.of(utterance("m1", "before midnight"), lateEvening))
        .advanceProcessingTime(org.joda.time.Duration.standardSeconds(10))
        .addElements(TimestampedValue.of(utterance("m1", "after midnight in UTC"), lateEvening.plus(3_600_000)),
            TimestampedValue.of(utterance("m2", "refused"), lateEvening))
        .advanceWatermarkToInfinity();
    PCollection<DeadLetter> failed = p1.apply(events)
        .apply(WriteBigQuery.storageWrite(Utterance.class, "utterance", DS)
            .withTriggering(java.time.Duration.ofSeconds(5), 1).withTestServices(services));
    PAssert.that(failed.apply(MapElements.into(TypeDescriptors.strings())
            .via(d -> d.meetingKey() + " " + d.reason() + " " + d.sourceFile() + " "
                + d.rawText().contains("\"text\":\"refused\""))))
        .containsInAnyOrder("m2 BQ_INSERT_FAILED bigquery:meetscope-test:analytics.utterance true");
    p1.run().waitUntilFinish();
    assertEquals(List.of("m1 2026-03-02 null before midnight", "m1 2026-03-03 null after midnight in UTC"),
        rows("utterance"));
  }

  @Test
  public void atLeastOnceAppendsThroughTheDefaultStream() throws Exception {
    datasets.createTable(new Table()
        .setTableReference(new TableReference().setProjectId(PROJECT).setDatasetId(DATASET).setTableId("utterance"))
        .setSchema(BigQueryTables.tableSchema(Utterance.class)));
    org.joda.time.Instant noon = new org.joda.time.Instant(T0.toEpochMilli());
    TestStream<Utterance> events = TestStream.create(RecordCoders.of(Utterance.class))
        .addElements(TimestampedValue.of(utterance("m1", "one"), noon))
        .advanceProcessingTime(org.joda.time.Duration.standardSeconds(10))
        .addElements(TimestampedValue.of(utterance("m2", "two"), noon.plus(60_000)))
        .advanceWatermarkToInfinity();
    PCollection<DeadLetter> failed = p1.apply(events)
        .apply(WriteBigQuery.storageWrite(Utterance.class, "utterance", DS).atLeastOnce().withTestServices(services));
    PAssert.that(failed).empty();
    p1.run().waitUntilFinish();
    assertEquals(List.of("m1 2026-03-02 null one", "m2 2026-03-02 null two"), rows("utterance"));
  }

  @Test
  public void streamingOptionsDoNotApplyToADaysLoad() {
    WriteBigQuery<Utterance> load = WriteBigQuery.loadDay(Utterance.class, "utterance", DS, DAY);
    assertEquals("meetscope-test:analytics.utterance$20260302", load.destination());
    org.junit.Assert.assertThrows(IllegalArgumentException.class, load::atLeastOnce);
    assertEquals("meetscope-test:analytics.utterance",
        WriteBigQuery.storageWrite(Utterance.class, "utterance", DS).destination());
  }

  @Test
  public void streamingDaysFollowTheZoneGiven() throws Exception {
    datasets.createTable(new Table()
        .setTableReference(new TableReference().setProjectId(PROJECT).setDatasetId(DATASET).setTableId("utterance"))
        .setSchema(BigQueryTables.tableSchema(Utterance.class)));
    org.joda.time.Instant lateEvening = new org.joda.time.Instant(Instant.parse("2026-03-03T03:30:00Z").toEpochMilli());
    p1.apply(Create.timestamped(TimestampedValue.of(utterance("m1", "evening in New York"), lateEvening))
            .withCoder(RecordCoders.of(Utterance.class)))
        .apply(WriteBigQuery.storageWrite(Utterance.class, "utterance", DS)
            .withStreamZone(java.time.ZoneId.of("America/New_York")).withTestServices(services));
    p1.run().waitUntilFinish();
    assertEquals(List.of("m1 2026-03-02 null evening in New York"), rows("utterance"));
  }
}
