package dev.meetscope.transforms.streaming;

import static org.junit.Assert.assertEquals;

import dev.meetscope.models.record.DropoffAlert;
import dev.meetscope.transforms.schema.RecordCoders;
import dev.meetscope.transforms.sink.SinkFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.values.TimestampedValue;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Streaming table files: one file per flush (pane), named by pane index, same columns as the batch tables. */
public class WriteStreamTableTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

  private static TimestampedValue<DropoffAlert> alert(String key, int minute) {
    Instant start = T0.plusSeconds(60L * minute);
    return TimestampedValue.of(new DropoffAlert(key, "81234567890", start, start.plusSeconds(60), 5, 20, 0.25,
        "ON_TIME", 0L, start.plusSeconds(30), "1.0.0"), new org.joda.time.Instant(start.toEpochMilli()));
  }

  private static List<String> files(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    }
  }

  @Test
  public void eachFlushIsOnePaneFileNamedByItsIndex() throws IOException {
    TestStream<DropoffAlert> rows = TestStream.create(RecordCoders.of(DropoffAlert.class))
        .addElements(alert("m1", 0), alert("m1", 1))
        .advanceProcessingTime(org.joda.time.Duration.standardSeconds(11))
        .addElements(alert("m2", 2))
        .advanceWatermarkToInfinity();
    String out = tmp.getRoot().getPath();
    pipeline.apply(rows).apply(WriteStreamTable.of(DropoffAlert.class, "dropoff_alert", out, SinkFormat.JSONL,
        Duration.ofSeconds(10), 1));
    pipeline.run().waitUntilFinish();

    Path folder = tmp.getRoot().toPath().resolve("dropoff_alert");
    assertEquals(List.of("stream-pane-000000-00000-of-00001.jsonl", "stream-pane-000001-final-00000-of-00001.jsonl"),
        files(folder));
    List<String> first = Files.readAllLines(folder.resolve("stream-pane-000000-00000-of-00001.jsonl"));
    assertEquals(2, first.size());
    assertEquals("{\"meeting_key\":\"m2\",\"meeting_id\":\"81234567890\",\"window_start\":\"2026-03-02T15:02:00Z\","
            + "\"window_end\":\"2026-03-02T15:03:00Z\",\"departures\":5,\"present_before\":20,\"share\":0.25,"
            + "\"pane_timing\":\"ON_TIME\",\"pane_index\":0,\"max_event_time\":\"2026-03-02T15:02:30Z\","
            + "\"metrics_version\":\"1.0.0\"}",
        Files.readAllLines(folder.resolve("stream-pane-000001-final-00000-of-00001.jsonl")).get(0));
  }

  @Test
  public void parquetTablesGetTheSamePaneNames() throws IOException {
    TestStream<DropoffAlert> rows = TestStream.create(RecordCoders.of(DropoffAlert.class))
        .addElements(alert("m1", 0))
        .advanceWatermarkToInfinity();
    pipeline.apply(rows).apply(WriteStreamTable.of(DropoffAlert.class, "dropoff_alert", tmp.getRoot().getPath(),
        SinkFormat.PARQUET, Duration.ofSeconds(10), 1));
    pipeline.run().waitUntilFinish();
    assertEquals(List.of("stream-pane-000000-final-00000-of-00001.parquet"),
        files(tmp.getRoot().toPath().resolve("dropoff_alert")));
  }
}
