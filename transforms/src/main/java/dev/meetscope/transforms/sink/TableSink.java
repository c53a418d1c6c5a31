package dev.meetscope.transforms.sink;

import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.transforms.sink.bigquery.BigQueryDataset;
import dev.meetscope.transforms.sink.bigquery.BigQueryRowCheck;
import dev.meetscope.transforms.sink.bigquery.WriteBigQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a job's tables go, chosen once per job and handed to every {@link WriteTable}: files in a {@link
 * SinkFormat} under the output folder, or the BigQuery dataset (one day's partitions, see {@link
 * WriteBigQuery#loadDay}).
 *
 * <p>A BigQuery sink also gathers the rows each table rejected before loading (as dead letters). The job adds
 * {@link #rejectedRows()} to its dead letters before it writes the dead-letter table; after that call no other
 * table may be written through this sink (it would have nowhere to send its rejects), and the dead-letter
 * table's own invalid rows fail the run with their reasons. Build one sink per pipeline.
 */
public final class TableSink {
  private final SinkFormat format;
  private final @Nullable BigQueryDataset dataset;
  private final @Nullable LocalDate day;
  private final @Nullable String tempLocation;
  private final @Nullable PCollectionView<Map<String, String>> hosts;
  private final int maxStringBytes;
  private final @Nullable BigQueryServices testServices;
  private final @Nullable Integer retentionDays;
  private final List<PCollection<DeadLetter>> rejected = new ArrayList<>();
  private boolean collected;

  private TableSink(SinkFormat format, @Nullable BigQueryDataset dataset, @Nullable LocalDate day,
      @Nullable String tempLocation, @Nullable PCollectionView<Map<String, String>> hosts, int maxStringBytes,
      @Nullable BigQueryServices testServices, @Nullable Integer retentionDays) {
    this.format = format;
    this.dataset = dataset;
    this.day = day;
    this.tempLocation = tempLocation;
    this.hosts = hosts;
    this.maxStringBytes = maxStringBytes;
    this.testServices = testServices;
    this.retentionDays = retentionDays;
  }

  /** Parquet or JSONL files. */
  public static TableSink files(SinkFormat format) {
    if (format == SinkFormat.BIGQUERY) {
      throw new IllegalArgumentException("--sink=bigquery needs a dataset and a day: use TableSink.bigQuery");
    }
    return new TableSink(format, null, null, null, null, BigQueryRowCheck.DEFAULT_MAX_STRING_BYTES, null, null);
  }

  /** The {@code day} partition of every table in {@code dataset}, replaced by this run. */
  public static TableSink bigQuery(BigQueryDataset dataset, LocalDate day) {
    if (dataset == null || day == null) {
      throw new IllegalArgumentException("a BigQuery sink needs a dataset and the day it replaces");
    }
    return new TableSink(SinkFormat.BIGQUERY, dataset, day, null, null, BigQueryRowCheck.DEFAULT_MAX_STRING_BYTES,
        null, null);
  }

  /** BigQuery: stage load files here ({@code gs://…}) instead of under {@code --tempLocation}. */
  public TableSink withTempLocation(@Nullable String location) {
    return new TableSink(format, dataset, day, location, hosts, maxStringBytes, testServices, retentionDays);
  }

  /** BigQuery: {@code meeting_key → host_key} ({@link dev.meetscope.transforms.sink.bigquery.MeetingHosts}). */
  public TableSink withHosts(@Nullable PCollectionView<Map<String, String>> view) {
    return new TableSink(format, dataset, day, tempLocation, view, maxStringBytes, testServices, retentionDays);
  }

  /**
   * BigQuery: the longest STRING cell accepted in the record tables (tests shrink it). The dead-letter table
   * keeps BigQuery's own limit: its rows are small by construction (raw text at most 4 KiB).
   */
  public TableSink withMaxStringBytes(int bytes) {
    return new TableSink(format, dataset, day, tempLocation, hosts, bytes, testServices, retentionDays);
  }

  /** BigQuery: Beam's in-memory services, for tests. */
  public TableSink withTestServices(@Nullable BigQueryServices services) {
    return new TableSink(format, dataset, day, tempLocation, hosts, maxStringBytes, services, retentionDays);
  }

  /**
   * BigQuery: {@code --retentionDays}, the partition expiry of the tables the run creates (null = never). Every
   * table of the sink gets it, the dead-letter table too; {@code run_audit} is not written through a sink.
   */
  public TableSink withRetentionDays(@Nullable Integer days) {
    return new TableSink(format, dataset, day, tempLocation, hosts, maxStringBytes, testServices, days);
  }

  public SinkFormat format() {
    return format;
  }

  /**
   * The rows the tables written so far rejected, as dead letters (empty for files). Call once, after every
   * table but the dead-letter table is written.
   */
  public List<PCollection<DeadLetter>> rejectedRows() {
    if (collected) {
      throw new IllegalStateException("rejectedRows() was already called on this sink");
    }
    collected = true;
    return List.copyOf(rejected);
  }

  /** The BigQuery write of one table, with this sink's settings. */
  <T> WriteBigQuery<T> bigQueryWrite(Class<T> recordClass, String table) {
    boolean deadLetters = recordClass == DeadLetter.class;
    WriteBigQuery<T> write = WriteBigQuery.loadDay(recordClass, table, dataset, day)
        .withHosts(hosts)
        .withTempLocation(tempLocation)
        .withMaxStringBytes(deadLetters ? BigQueryRowCheck.DEFAULT_MAX_STRING_BYTES : maxStringBytes)
        .withRetentionDays(retentionDays);
    if (testServices != null) {
      write = write.withTestServices(testServices);
    }
    return deadLetters ? write.failingOnInvalidRows() : write;
  }

  /** Keeps a table's rejected rows for {@link #rejectedRows()}; the dead-letter table's are not kept. */
  void rejected(String table, Class<?> recordClass, PCollection<DeadLetter> rows) {
    if (recordClass == DeadLetter.class) {
      return;
    }
    if (collected) {
      throw new IllegalStateException("table " + table + " is written after the sink's rejected rows were"
          + " collected; write every table before the dead letters");
    }
    rejected.add(rows);
  }
}
