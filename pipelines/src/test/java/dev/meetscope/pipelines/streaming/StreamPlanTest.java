package dev.meetscope.pipelines.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.record.Utterance;
import java.time.Duration;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

class StreamPlanTest {
  private static StreamPlan plan(String... args) {
    return StreamPlan.of(PipelineOptionsFactory.fromArgs(args).as(StreamingOptions.class));
  }

  private static String error(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> plan(args)).getMessage();
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    StreamPlan p = plan();
    assertTrue(p.filesSource());
    assertEquals("events", p.input());
    assertEquals("parquet", p.sink());
    assertNull(p.maxIdle());
    assertEquals(Duration.ofSeconds(60), p.settings().windowSize());
    assertEquals(Duration.ofSeconds(10), p.settings().windowPeriod());
    assertEquals(Duration.ofSeconds(2), p.settings().earlyFiring());
    assertEquals(Duration.ofMinutes(5), p.settings().allowedLateness());
    assertEquals(Duration.ofMinutes(30), p.settings().meetingIdleTimeout());
    assertEquals(16, p.settings().hotKeyFanout());
    assertEquals(Duration.ofSeconds(30), plan("--maxIdle=30s").maxIdle());
  }

  @Test
  void everyBadValueNamesItsOption() {
    assertEquals("--source must be files or pubsub (got 'kafka')", error("--source=kafka"));
    assertEquals("--source=pubsub needs --subscription=projects/<p>/subscriptions/<s>", error("--source=pubsub"));
    assertTrue(error("--source=pubsub", "--subscription=zoom").startsWith("--subscription must be"));
    assertEquals("--sink must be one of parquet, jsonl, bigquery (got 'csv')", error("--sink=csv"));
    assertEquals("--sink=bigquery needs --bigQueryDataset=project:dataset", error("--sink=bigquery"));
    assertTrue(error("--liveTopic=live").startsWith("--liveTopic must be"));
    assertTrue(error("--windowSize=65s").startsWith("--windowSize (PT1M5S) must be a multiple of --windowPeriod"));
    assertTrue(error("--allowedLateness=soon").startsWith("--allowedLateness must be a duration"));
    assertEquals("--maxIdle must be positive (leave it empty to run until cancelled)", error("--maxIdle=0s"));
    assertEquals("--shards must be at least 1", error("--shards=0"));
  }

  @Test
  void retentionDaysSetTheExpiryOfTheBigQueryTablesAndOnlyThose() {
    assertNull(plan().retentionDays());
    String dataset = "--bigQueryDataset=acme-analytics:meetscope";
    StreamPlan p = plan("--sink=bigquery", dataset, "--retentionDays=90");
    assertEquals(90, p.retentionDays());
    StreamTableSink.BigQueryTables sink = (StreamTableSink.BigQueryTables) StreamTableSink.forPlan(p);
    assertEquals(90L * 86_400_000L, sink.write(Utterance.class, "utterance").timePartitioning().getExpirationMs());
    StreamTableSink.BigQueryTables keep =
        (StreamTableSink.BigQueryTables) StreamTableSink.forPlan(plan("--sink=bigquery", dataset));
    assertNull(keep.write(Utterance.class, "utterance").timePartitioning().getExpirationMs());
    assertEquals("--retentionDays: must be at least 1 day, got 0",
        error("--sink=bigquery", dataset, "--retentionDays=0"));
    assertEquals("--retentionDays: must be at least 1 day, got -1",
        error("--sink=bigquery", dataset, "--retentionDays=-1"));
    assertEquals("--retentionDays: sets BigQuery partition expiry and needs --sink=bigquery; file outputs are aged"
        + " out by meetscope purge --olderThanDays=30", error("--retentionDays=30"));
  }
}
