package dev.meetscope.transforms.streaming;

import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.transforms.schema.RecordCoders;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryStorageApiInsertError;
import org.apache.beam.sdk.io.gcp.bigquery.WriteResult;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Writes one table to BigQuery with the Storage Write API ({@code <dataset>.<table>}, created from the
 * record's schema when missing, rows appended). Unbounded input is committed every {@code triggering} on
 * {@code streams} write streams (exactly once). Rows BigQuery rejects come back from
 * {@code getFailedStorageApiInserts()} (the only failure output of the Storage Write API) and are returned
 * as dead letters ({@code BQ_INSERT_FAILED}) with the row as raw text.
 */
public final class WriteBigQueryTable<T> extends PTransform<PCollection<T>, PCollection<DeadLetter>> {
  public static final String INSERT_FAILED = "BQ_INSERT_FAILED";

  private final Class<T> recordClass;
  private final String table;
  private final String dataset;
  private final java.time.Duration triggering;
  private final int streams;
  private final @Nullable BigQueryServices testServices;

  private WriteBigQueryTable(Class<T> recordClass, String table, String dataset, java.time.Duration triggering,
      int streams, @Nullable BigQueryServices testServices) {
    this.recordClass = recordClass;
    this.table = table;
    this.dataset = dataset;
    this.triggering = triggering;
    this.streams = streams;
    this.testServices = testServices;
  }

  /** @param dataset {@code project:dataset} (or {@code project.dataset}) */
  public static <T> WriteBigQueryTable<T> of(Class<T> recordClass, String table, String dataset,
      java.time.Duration triggering, int streams) {
    if (!dataset.matches("[A-Za-z0-9_.-]+[:.][A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("--bigQueryDataset must be project:dataset, got '" + dataset + "'");
    }
    return new WriteBigQueryTable<>(recordClass, table, dataset, triggering, streams, null);
  }

  /** Beam's in-memory BigQuery ({@code FakeBigQueryServices}) for tests. */
  public WriteBigQueryTable<T> withTestServices(BigQueryServices services) {
    return new WriteBigQueryTable<>(recordClass, table, dataset, triggering, streams, services);
  }

  public String tableSpec() {
    return dataset + "." + table;
  }

  @Override
  public PCollection<DeadLetter> expand(PCollection<T> records) {
    BigQueryIO.Write<T> write = BigQueryIO.<T>write()
        .to(tableSpec())
        .useBeamSchema()
        .withMethod(BigQueryIO.Write.Method.STORAGE_WRITE_API)
        .withCreateDisposition(BigQueryIO.Write.CreateDisposition.CREATE_IF_NEEDED)
        .withWriteDisposition(BigQueryIO.Write.WriteDisposition.WRITE_APPEND);
    if (records.isBounded() == PCollection.IsBounded.UNBOUNDED) {
      write = write.withTriggeringFrequency(StreamSettings.joda(triggering)).withNumStorageWriteApiStreams(streams);
    }
    if (testServices != null) {
      write = write.withTestServices(testServices);
    }
    WriteResult result = records.apply("StorageWrite", write);
    String source = "bigquery:" + tableSpec();
    return result.getFailedStorageApiInserts()
        .apply("FailedRowsToDeadLetters", MapElements.into(TypeDescriptor.of(DeadLetter.class))
            .via((BigQueryStorageApiInsertError e) -> new DeadLetter(null, "sink", "bigquery", source, null, null,
                INSERT_FAILED, "BigQuery rejected the row: " + e.getErrorMessage(), String.valueOf(e.getRow()))))
        .setCoder(RecordCoders.of(DeadLetter.class));
  }
}
