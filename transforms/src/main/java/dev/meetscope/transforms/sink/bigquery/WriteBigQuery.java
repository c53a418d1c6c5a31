package dev.meetscope.transforms.sink.bigquery;

import com.google.api.services.bigquery.model.TableRow;
import com.google.api.services.bigquery.model.TimePartitioning;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.transforms.schema.RecordCoders;
import dev.meetscope.transforms.sink.RowJson;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryHelpers;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.Write.CreateDisposition;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.Write.Method;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.Write.SchemaUpdateOption;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.Write.WriteDisposition;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryStorageApiInsertError;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryUtils;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowJsonCoder;
import org.apache.beam.sdk.io.gcp.bigquery.WriteResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.ValueProvider.StaticValueProvider;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Writes one table to BigQuery with an explicit schema ({@link BigQueryTables#tableSchema}: the record's Beam
 * schema plus {@code meeting_date} and {@code host_key}), partitioned by day on {@code meeting_date} and
 * clustered by {@code meeting_key, host_key}; partitions expire after {@link #withRetentionDays} days when it
 * is given, on tables this write creates. Every row is checked first ({@link BigQueryRowCheck}); a row
 * BigQuery would reject becomes a dead letter ({@value #ROW_INVALID}) with the reasons and the row as JSON,
 * never a failed load. Returns those dead letters.
 *
 * <p>Two ways to write:
 *
 * <ul>
 *   <li>{@link #loadDay}: batch. {@code FILE_LOADS} into the day's partition {@code table$YYYYMMDD} with
 *       {@code WRITE_TRUNCATE}: a rerun of a day replaces that day's rows and no other day's. The destination
 *       is one constant partition per run, so even a run with no rows for a table runs its (empty) load and
 *       empties the day, instead of leaving the previous run's rows behind.
 *   <li>{@link #storageWrite}: streaming. The Storage Write API, appended to the table: exactly-once ({@code
 *       STORAGE_WRITE_API}, committed every {@link #withTriggering} interval) or {@link #atLeastOnce} ({@code
 *       STORAGE_API_AT_LEAST_ONCE}). {@code meeting_date} is the day of each row's event time (in the zone given,
 *       UTC by default). Rows BigQuery still rejects come back from {@code getFailedStorageApiInserts()} as dead
 *       letters ({@value #INSERT_FAILED}).
 * </ul>
 *
 * Counters {@code sink/<table>.rows} (rows handed to BigQuery) and {@code sink/<table>.rejected}.
 */
public final class WriteBigQuery<T> extends PTransform<PCollection<T>, PCollection<DeadLetter>> {
  public static final String STAGE = "sink";
  public static final String FORMAT = "bigquery";
  public static final String ROW_INVALID = "BQ_ROW_INVALID";
  public static final String INSERT_FAILED = "BQ_INSERT_FAILED";
  private static final java.time.Duration DEFAULT_TRIGGERING = java.time.Duration.ofSeconds(5);

  private final Class<T> recordClass;
  private final String table;
  private final BigQueryDataset dataset;
  private final @Nullable LocalDate day;
  private final ZoneId streamZone;
  private final @Nullable PCollectionView<Map<String, String>> hosts;
  private final @Nullable String tempLocation;
  private final int maxStringBytes;
  private final boolean failOnInvalid;
  private final @Nullable BigQueryServices testServices;
  private final boolean atLeastOnce;
  private final java.time.Duration triggering;
  private final int streams;
  private final @Nullable Integer retentionDays;

  private WriteBigQuery(Class<T> recordClass, String table, BigQueryDataset dataset, @Nullable LocalDate day,
      ZoneId streamZone, @Nullable PCollectionView<Map<String, String>> hosts, @Nullable String tempLocation,
      int maxStringBytes, boolean failOnInvalid, @Nullable BigQueryServices testServices, boolean atLeastOnce,
      java.time.Duration triggering, int streams, @Nullable Integer retentionDays) {
    this.recordClass = recordClass;
    this.table = table;
    this.dataset = dataset;
    this.day = day;
    this.streamZone = streamZone;
    this.hosts = hosts;
    this.tempLocation = tempLocation;
    this.maxStringBytes = maxStringBytes;
    this.failOnInvalid = failOnInvalid;
    this.testServices = testServices;
    this.atLeastOnce = atLeastOnce;
    this.triggering = triggering;
    this.streams = streams;
    this.retentionDays = retentionDays;
  }

  /** Batch: load every row into {@code table$YYYYMMDD} of {@code day}, replacing that partition. */
  public static <T> WriteBigQuery<T> loadDay(Class<T> recordClass, String table, BigQueryDataset dataset,
      LocalDate day) {
    checkTable(recordClass, table);
    if (day == null) {
      throw new IllegalArgumentException("a BigQuery load needs the day it replaces");
    }
    return new WriteBigQuery<>(recordClass, table, dataset, day, ZoneOffset.UTC, null, null,
        BigQueryRowCheck.DEFAULT_MAX_STRING_BYTES, false, null, false, DEFAULT_TRIGGERING, 1, null);
  }

  /** Streaming: append through the Storage Write API (exactly-once unless {@link #atLeastOnce}), by event-time day. */
  public static <T> WriteBigQuery<T> storageWrite(Class<T> recordClass, String table, BigQueryDataset dataset) {
    checkTable(recordClass, table);
    return new WriteBigQuery<>(recordClass, table, dataset, null, ZoneOffset.UTC, null, null,
        BigQueryRowCheck.DEFAULT_MAX_STRING_BYTES, false, null, false, DEFAULT_TRIGGERING, 1, null);
  }

  private static void checkTable(Class<?> recordClass, String table) {
    if (table == null || !table.matches("[a-z_]+")) {
      throw new IllegalArgumentException("table names are lower_snake_case: " + table);
    }
    BigQueryTables.rowSchema(recordClass); // fails now, not at run time, for a record without meeting_key
  }

  /** {@code meeting_key → host_key} (see {@link BigQueryTables#hostKey}); without it host_key is null. */
  public WriteBigQuery<T> withHosts(@Nullable PCollectionView<Map<String, String>> view) {
    return new WriteBigQuery<>(recordClass, table, dataset, day, streamZone, view, tempLocation, maxStringBytes,
        failOnInvalid, testServices, atLeastOnce, triggering, streams, retentionDays);
  }

  /** Where load files are staged ({@code gs://…}); default: the pipeline's {@code --tempLocation}. */
  public WriteBigQuery<T> withTempLocation(@Nullable String location) {
    return new WriteBigQuery<>(recordClass, table, dataset, day, streamZone, hosts,
        location == null || location.isBlank() ? null : location, maxStringBytes, failOnInvalid, testServices,
        atLeastOnce, triggering, streams, retentionDays);
  }

  /** The zone whose calendar day of a streamed row's event time is its {@code meeting_date}. */
  public WriteBigQuery<T> withStreamZone(ZoneId zone) {
    return new WriteBigQuery<>(recordClass, table, dataset, day, zone, hosts, tempLocation, maxStringBytes,
        failOnInvalid, testServices, atLeastOnce, triggering, streams, retentionDays);
  }

  /** The longest STRING cell accepted, in UTF-8 bytes (tests shrink it). */
  public WriteBigQuery<T> withMaxStringBytes(int bytes) {
    new BigQueryRowCheck(bytes);
    return new WriteBigQuery<>(recordClass, table, dataset, day, streamZone, hosts, tempLocation, bytes,
        failOnInvalid, testServices, atLeastOnce, triggering, streams, retentionDays);
  }

  /**
   * For the dead-letter table itself, whose rejected rows have nowhere else to go: an invalid row fails the
   * pipeline with its reasons instead of becoming a dead letter.
   */
  public WriteBigQuery<T> failingOnInvalidRows() {
    return new WriteBigQuery<>(recordClass, table, dataset, day, streamZone, hosts, tempLocation, maxStringBytes,
        true, testServices, atLeastOnce, triggering, streams, retentionDays);
  }

  /**
   * Streaming: {@code STORAGE_API_AT_LEAST_ONCE} instead of the exactly-once {@code STORAGE_WRITE_API}: cheaper,
   * no commit interval, but a retried bundle can write a row twice (dedup downstream on the record's key).
   */
  public WriteBigQuery<T> atLeastOnce() {
    requireStreaming("atLeastOnce");
    return new WriteBigQuery<>(recordClass, table, dataset, day, streamZone, hosts, tempLocation, maxStringBytes,
        failOnInvalid, testServices, true, triggering, streams, retentionDays);
  }

  /** Streaming, exactly-once: commit unbounded input every {@code every} on {@code streams} write streams. */
  public WriteBigQuery<T> withTriggering(java.time.Duration every, int streams) {
    requireStreaming("withTriggering");
    if (every == null || every.isNegative() || every.isZero() || streams < 1) {
      throw new IllegalArgumentException("triggering must be positive and streams at least 1");
    }
    return new WriteBigQuery<>(recordClass, table, dataset, day, streamZone, hosts, tempLocation, maxStringBytes,
        failOnInvalid, testServices, atLeastOnce, every, streams, retentionDays);
  }

  private void requireStreaming(String what) {
    if (day != null) {
      throw new IllegalArgumentException(what + " applies to storageWrite, not to a day's load");
    }
  }

  /**
   * {@code --retentionDays}: a table this write creates gets partitions that expire {@code days} after their
   * day ({@link BigQueryTables#timePartitioning(Integer)}); null (the default) = never. Both ways to write. An
   * existing table keeps its expiry (BigQueryIO never alters a table): see {@link
   * BigQueryTables#partitionExpiryDdl}.
   */
  public WriteBigQuery<T> withRetentionDays(@Nullable Integer days) {
    BigQueryTables.timePartitioning(days); // checks the range now, not when the job runs
    return new WriteBigQuery<>(recordClass, table, dataset, day, streamZone, hosts, tempLocation, maxStringBytes,
        failOnInvalid, testServices, atLeastOnce, triggering, streams, days);
  }

  /** The partitioning a table created by this write gets. */
  public TimePartitioning timePartitioning() {
    return BigQueryTables.timePartitioning(retentionDays);
  }

  /** Beam's in-memory BigQuery ({@code FakeBigQueryServices}) for tests. */
  public WriteBigQuery<T> withTestServices(BigQueryServices services) {
    return new WriteBigQuery<>(recordClass, table, dataset, day, streamZone, hosts, tempLocation, maxStringBytes,
        failOnInvalid, services, atLeastOnce, triggering, streams, retentionDays);
  }

  /** What this write targets: {@code project:dataset.table$YYYYMMDD} for a day's load, else the table. */
  public String destination() {
    return day != null ? BigQueryTables.partitionSpec(dataset, table, day) : dataset.tableSpec(table);
  }

  @Override
  public PCollection<DeadLetter> expand(PCollection<T> records) {
    TupleTag<TableRow> valid = new TupleTag<>() {};
    TupleTag<DeadLetter> invalid = new TupleTag<>() {};
    ToTableRowFn<T> fn = new ToTableRowFn<>(table, BigQueryTables.rowSchema(recordClass), "bigquery:" + destination(),
        day, streamZone, hosts, maxStringBytes, failOnInvalid, invalid);
    ParDo.SingleOutput<T, TableRow> parDo = ParDo.of(fn);
    if (hosts != null) {
      parDo = parDo.withSideInputs(hosts);
    }
    PCollectionTuple checked = records.apply("ValidateRows", parDo.withOutputTags(valid, TupleTagList.of(invalid)));
    PCollection<TableRow> rows = checked.get(valid).setCoder(TableRowJsonCoder.of());
    PCollection<DeadLetter> rejected = checked.get(invalid).setCoder(RecordCoders.of(DeadLetter.class));

    BigQueryIO.Write<TableRow> write = BigQueryIO.writeTableRows()
        .withSchema(BigQueryTables.tableSchema(recordClass))
        .withTimePartitioning(timePartitioning())
        .withClustering(BigQueryTables.clustering(recordClass))
        .withCreateDisposition(CreateDisposition.CREATE_IF_NEEDED);
    if (testServices != null) {
      write = write.withTestServices(testServices);
    }
    if (day != null) {
      write = write.to(destination())
          .withMethod(Method.FILE_LOADS)
          .withWriteDisposition(WriteDisposition.WRITE_TRUNCATE)
          // BigQuery allows schema updates when truncating a partition: a record that gains a component adds
          // a nullable column to the existing table instead of failing the day's load.
          .withSchemaUpdateOptions(EnumSet.of(SchemaUpdateOption.ALLOW_FIELD_ADDITION));
      if (tempLocation != null) {
        write = write.withCustomGcsTempLocation(StaticValueProvider.of(tempLocation));
      }
      rows.apply("LoadDayPartition", write);
      return rejected;
    }
    write = write.to(destination()).withWriteDisposition(WriteDisposition.WRITE_APPEND);
    if (atLeastOnce) {
      write = write.withMethod(Method.STORAGE_API_AT_LEAST_ONCE);
    } else {
      write = write.withMethod(Method.STORAGE_WRITE_API);
      if (records.isBounded() == PCollection.IsBounded.UNBOUNDED) {
        write = write.withTriggeringFrequency(org.joda.time.Duration.millis(triggering.toMillis()))
            .withNumStorageWriteApiStreams(streams);
      }
    }
    WriteResult result = rows.apply("StorageWrite", write);
    String source = "bigquery:" + destination();
    PCollection<DeadLetter> failed = result.getFailedStorageApiInserts()
        .apply("FailedInsertsToDeadLetters", MapElements.into(TypeDescriptor.of(DeadLetter.class))
            .via((BigQueryStorageApiInsertError e) -> new DeadLetter(meetingKeyOf(e.getRow()), STAGE, FORMAT,
                source, null, null, INSERT_FAILED, "BigQuery rejected the row: " + e.getErrorMessage(),
                e.getRow() == null ? null : BigQueryHelpers.toJsonString(e.getRow()))))
        .setCoder(RecordCoders.of(DeadLetter.class));
    return PCollectionList.of(rejected).and(failed).apply("SinkDeadLetters", Flatten.pCollections());
  }

  private static @Nullable String meetingKeyOf(@Nullable TableRow row) {
    Object key = row == null ? null : row.get(BigQueryTables.MEETING_KEY);
    return key == null ? null : key.toString();
  }

  /** Record → BigQuery row with the derived columns; rows BigQuery would reject go to {@code invalid}. */
  private static final class ToTableRowFn<T> extends DoFn<T, TableRow> {
    private final org.apache.beam.sdk.schemas.Schema rowSchema;
    private final String source;
    private final @Nullable LocalDate day;
    private final ZoneId streamZone;
    private final @Nullable PCollectionView<Map<String, String>> hosts;
    private final int maxStringBytes;
    private final boolean failOnInvalid;
    private final TupleTag<DeadLetter> invalid;
    private final Counter written;
    private final Counter rejected;
    private transient BigQueryRowCheck check;

    ToTableRowFn(String table, org.apache.beam.sdk.schemas.Schema rowSchema, String source, @Nullable LocalDate day,
        ZoneId streamZone,
        @Nullable PCollectionView<Map<String, String>> hosts, int maxStringBytes, boolean failOnInvalid,
        TupleTag<DeadLetter> invalid) {
      this.rowSchema = rowSchema;
      this.source = source;
      this.day = day;
      this.streamZone = streamZone;
      this.hosts = hosts;
      this.maxStringBytes = maxStringBytes;
      this.failOnInvalid = failOnInvalid;
      this.invalid = invalid;
      this.written = Metrics.counter(STAGE, table + ".rows");
      this.rejected = Metrics.counter(STAGE, table + ".rejected");
    }

    @Setup
    public void setup() {
      check = new BigQueryRowCheck(maxStringBytes);
    }

    @ProcessElement
    public void process(ProcessContext c) {
      T record = c.element();
      Row plain = dev.meetscope.transforms.schema.RecordSchemaProvider.toRow(record);
      // Per-person tables spanning meetings (person_week) have no meeting key and no host.
      String meetingKey = plain.getSchema().hasField(BigQueryTables.MEETING_KEY)
          ? plain.getString(BigQueryTables.MEETING_KEY) : null;
      String host = null;
      if (hosts != null && meetingKey != null) {
        host = c.sideInput(hosts).get(meetingKey);
      }
      LocalDate date = day != null ? day
          : Instant.ofEpochMilli(c.timestamp().getMillis()).atZone(streamZone).toLocalDate();
      // attachValues does not check the values against the schema: BigQueryRowCheck does, and says which column.
      Row row = BigQueryTables.toRow(plain, rowSchema, date, host);
      List<String> problems = check.problems(row);
      if (problems.isEmpty()) {
        written.inc();
        c.output(BigQueryUtils.toTableRow(row));
        return;
      }
      String message = "BigQuery would reject this row: " + String.join("; ", problems);
      if (failOnInvalid) {
        throw new IllegalStateException(message + " (" + source + ", row " + RowJson.toJson(plain) + ")");
      }
      rejected.inc();
      c.output(invalid, new DeadLetter(meetingKey, STAGE, FORMAT, source, null, null, ROW_INVALID, message,
          RowJson.toJson(plain)));
    }
  }
}
