package dev.meetscope.transforms.streaming;

import static org.junit.Assert.assertEquals;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableRow;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.DropoffAlert;
import dev.meetscope.transforms.schema.RecordCoders;
import dev.meetscope.transforms.schema.RecordSchemaProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryUtils;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

/** The BigQuery sink through Beam's in-memory BigQuery (Storage Write API): rows in, rejected rows out. */
public class BigQuerySinkTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
  private FakeDatasetService datasets;
  private FakeBigQueryServices services;

  @Before
  public void fakeBigQuery() throws Exception {
    FakeDatasetService.setUp();
    datasets = new FakeDatasetService();
    datasets.createDataset("meetscope-test", "townhall", "", "", null);
    services = new FakeBigQueryServices().withDatasetService(datasets).withJobService(new FakeJobService());
  }

  private static DropoffAlert alert(String meetingKey, int minute) {
    Instant start = T0.plusSeconds(60L * minute);
    return new DropoffAlert(meetingKey, "81234567890", start, start.plusSeconds(60), 5, 20, 0.25, "EARLY", 0L,
        start.plusSeconds(30), "1.0.0");
  }

  private List<String> keysIn(String table) throws Exception {
    List<String> keys = new ArrayList<>();
    for (TableRow r : datasets.getAllRows("meetscope-test", "townhall", table)) {
      keys.add(r.get("meeting_key") + " " + r.get("departures") + " " + r.get("share"));
    }
    keys.sort(null);
    return keys;
  }

  @Test
  public void writesRowsWithTheRecordSchemaAndReturnsRejectedRowsAsDeadLetters() throws Exception {
    datasets.setShouldFailRow((java.util.function.Function<TableRow, Boolean> & java.io.Serializable)
        row -> "rejected".equals(row.get("meeting_key")));
    PCollection<DeadLetter> failed = pipeline
        .apply(Create.of(alert("m1", 0), alert("m2", 1), alert("rejected", 2))
            .withCoder(RecordCoders.of(DropoffAlert.class)))
        .apply(WriteBigQueryTable.of(DropoffAlert.class, "dropoff_alert", "meetscope-test:townhall",
            Duration.ofSeconds(5), 1).withTestServices(services));
    PAssert.that(failed.apply(MapElements.into(TypeDescriptors.strings())
            .via(d -> d.reason() + " " + d.sourceFile() + " " + d.rawText().contains("rejected"))))
        .containsInAnyOrder("BQ_INSERT_FAILED bigquery:meetscope-test:townhall.dropoff_alert true");
    pipeline.run().waitUntilFinish();
    assertEquals(List.of("m1 5 0.25", "m2 5 0.25"), keysIn("dropoff_alert"));
  }

  @Test
  public void unboundedRowsAreCommittedOnTheTriggeringFrequency() throws Exception {
    // The in-memory service cannot create a table from the streaming path: create it as a deployment would.
    datasets.createTable(new Table().setTableReference(new TableReference().setProjectId("meetscope-test")
            .setDatasetId("townhall").setTableId("dropoff_alert"))
        .setSchema(BigQueryUtils.toTableSchema(RecordSchemaProvider.schemaOf(DropoffAlert.class))));
    TestStream<DropoffAlert> alerts = TestStream.create(RecordCoders.of(DropoffAlert.class))
        .addElements(TimestampedValue.of(alert("m1", 0), new org.joda.time.Instant(T0.toEpochMilli())))
        .advanceProcessingTime(org.joda.time.Duration.standardSeconds(10))
        .addElements(TimestampedValue.of(alert("m2", 1), new org.joda.time.Instant(T0.toEpochMilli() + 60_000)))
        .advanceWatermarkToInfinity();
    pipeline.apply(alerts).apply(WriteBigQueryTable.of(DropoffAlert.class, "dropoff_alert",
        "meetscope-test:townhall", Duration.ofSeconds(5), 1).withTestServices(services));
    pipeline.run().waitUntilFinish();
    assertEquals(List.of("m1 5 0.25", "m2 5 0.25"), keysIn("dropoff_alert"));
  }
}
