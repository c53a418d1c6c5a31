package dev.meetscope.pipelines.streaming;

import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.transforms.sink.SinkFormat;
import dev.meetscope.transforms.sink.bigquery.BigQueryDataset;
import dev.meetscope.transforms.sink.bigquery.WriteBigQuery;
import dev.meetscope.transforms.streaming.WriteStreamTable;
import java.util.Optional;
import org.apache.beam.sdk.values.PCollection;

/**
 * Where the streaming job's tables go: {@link #forPlan} is the one place that picks the sink from
 * {@code --sink}, and {@link TownHallStreaming} writes every table through it. A new destination (another
 * BigQuery writer, a database) is a new implementation here and a new {@code --sink} value in
 * {@link StreamPlan}; the graph does not change.
 */
public abstract class StreamTableSink {

  /**
   * Adds the steps that write {@code rows} as {@code table}. Returns the rows the destination rejected, as
   * dead letters, when it can reject single rows (BigQuery's Storage Write API); empty when a failed write
   * fails the bundle and is retried instead (files).
   */
  public abstract <T> Optional<PCollection<DeadLetter>> write(PCollection<T> rows, Class<T> type, String table);

  /** The sink {@code --sink} names (options already checked by {@link StreamPlan}). */
  public static StreamTableSink forPlan(StreamPlan plan) {
    return plan.bigQuery() ? new BigQueryTables(plan) : new Files(plan);
  }

  /** Step name of a table's write, stable across releases: {@code Write<Table>} or {@code BigQuery<Table>}. */
  static String stepName(String prefix, String table) {
    StringBuilder name = new StringBuilder(prefix);
    for (String part : table.split("_")) {
      name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return name.toString();
  }

  /** Parquet or JSONL files under {@code <output>/<table>/}, one set per flush ({@link WriteStreamTable}). */
  static final class Files extends StreamTableSink {
    private final StreamPlan plan;
    private final SinkFormat format;

    Files(StreamPlan plan) {
      this.plan = plan;
      this.format = SinkFormat.parse(plan.sink());
    }

    @Override
    public <T> Optional<PCollection<DeadLetter>> write(PCollection<T> rows, Class<T> type, String table) {
      rows.apply(stepName("Write", table), WriteStreamTable.of(type, table, plan.output(), format,
          plan.flushInterval(), plan.shards()));
      return Optional.empty();
    }
  }

  /**
   * BigQuery, Storage Write API ({@link WriteBigQuery#storageWrite}): the same table layout as the batch job
   * (record columns + meeting_date of the event time + host_key, day partitions expiring after
   * {@code --retentionDays}, clustering), checked rows;
   * rejected rows come back as dead letters.
   */
  static final class BigQueryTables extends StreamTableSink {
    private final StreamPlan plan;

    BigQueryTables(StreamPlan plan) {
      this.plan = plan;
    }

    @Override
    public <T> Optional<PCollection<DeadLetter>> write(PCollection<T> rows, Class<T> type, String table) {
      return Optional.of(rows.apply(stepName("BigQuery", table), write(type, table)));
    }

    /** A table's write: Storage Write API, exactly-once, partitions expiring after {@code --retentionDays}. */
    <T> WriteBigQuery<T> write(Class<T> type, String table) {
      return WriteBigQuery.storageWrite(type, table, BigQueryDataset.parse(plan.bigQueryDataset()))
          .withTriggering(plan.flushInterval(), plan.shards())
          .withRetentionDays(plan.retentionDays());
    }
  }
}
