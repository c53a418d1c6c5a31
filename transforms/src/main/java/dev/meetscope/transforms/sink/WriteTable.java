package dev.meetscope.transforms.sink;

import dev.meetscope.transforms.schema.RecordSchemaProvider;
import dev.meetscope.transforms.sink.bigquery.WriteBigQuery;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * Writes one table of records to {@code <output>/<table>/} as Parquet or JSONL, or to the BigQuery table of
 * the same name. The columns come from the record's schema ({@link RecordSchemaProvider}), so every format
 * carries the same fields and types. File names are deterministic ({@code part-SSSSS-of-NNNNN}); the job
 * clears each table folder before it runs, so a rerun replaces the output instead of adding to it. BigQuery
 * ({@link TableSink#bigQuery}): the run's day partition is replaced ({@link WriteBigQuery#loadDay}), and rows
 * BigQuery would reject are handed to the sink's {@link TableSink#rejectedRows()}. Counter
 * {@code sink/<table>.rows}.
 */
public final class WriteTable<T> extends PTransform<PCollection<T>, PDone> {
  private final Class<T> recordClass;
  private final String table;
  private final String outputRoot;
  private final TableSink sink;
  private final SinkFormat format;

  private WriteTable(Class<T> recordClass, String table, String outputRoot, TableSink sink) {
    this.recordClass = recordClass;
    this.table = table;
    this.outputRoot = outputRoot;
    this.sink = sink;
    this.format = sink.format();
  }

  /** Files in {@code format} (Parquet or JSONL) under {@code <outputRoot>/<table>/}. */
  public static <T> WriteTable<T> of(Class<T> recordClass, String table, String outputRoot,
      SinkFormat format) {
    return of(recordClass, table, outputRoot, TableSink.files(format));
  }

  /** The table in the job's sink: files under {@code <outputRoot>/<table>/}, or BigQuery. */
  public static <T> WriteTable<T> of(Class<T> recordClass, String table, String outputRoot, TableSink sink) {
    if (!table.matches("[a-z_]+")) {
      throw new IllegalArgumentException("table names are lower_snake_case: " + table);
    }
    return new WriteTable<>(recordClass, table, outputRoot, sink);
  }

  /** The folder a table is written to. */
  public static String tableFolder(String outputRoot, String table) {
    return outputRoot.endsWith("/") ? outputRoot + table : outputRoot + "/" + table;
  }

  @Override
  public PDone expand(PCollection<T> records) {
    Schema beamSchema = RecordSchemaProvider.schemaOf(recordClass);
    String folder = tableFolder(outputRoot, table);
    switch (format) {
      case PARQUET -> {
        org.apache.avro.Schema avro = AvroUtils.toAvroSchema(beamSchema, recordClass.getSimpleName(),
            "dev.meetscope.tables");
        records
            .apply("ToAvro", ParDo.of(new ToAvroFn<T>(table, avro.toString())))
            .setCoder(AvroCoder.of(GenericRecord.class, avro))
            .apply("WriteParquet", FileIO.<GenericRecord>write()
                .via(ParquetIO.sink(avro))
                .to(folder)
                .withPrefix("part")
                .withSuffix(format.suffix()));
      }
      case JSONL -> records
          .apply("ToJsonLines", ParDo.of(new ToJsonFn<T>(table)))
          .setCoder(StringUtf8Coder.of())
          .apply("WriteJsonLines", TextIO.write()
              .to(folder + "/part")
              .withShardNameTemplate("-SSSSS-of-NNNNN")
              .withSuffix(format.suffix()));
      case BIGQUERY -> sink.rejected(table, recordClass,
          records.apply("WriteBigQuery", sink.bigQueryWrite(recordClass, table)));
      default -> throw new IllegalStateException("unhandled sink " + format);
    }
    return PDone.in(records.getPipeline());
  }

  private static final class ToAvroFn<T> extends DoFn<T, GenericRecord> {
    private final String table;
    private final String avroSchemaJson;
    private final Counter rows;
    private transient org.apache.avro.Schema avro;

    ToAvroFn(String table, String avroSchemaJson) {
      this.table = table;
      this.avroSchemaJson = avroSchemaJson;
      this.rows = Metrics.counter("sink", table + ".rows");
    }

    @Setup
    public void setup() {
      avro = new org.apache.avro.Schema.Parser().parse(avroSchemaJson);
    }

    @ProcessElement
    public void process(@Element T record, OutputReceiver<GenericRecord> out) {
      rows.inc();
      out.output(AvroUtils.toGenericRecord(RecordSchemaProvider.toRow(record), avro));
    }
  }

  private static final class ToJsonFn<T> extends DoFn<T, String> {
    private final Counter rows;

    ToJsonFn(String table) {
      this.rows = Metrics.counter("sink", table + ".rows");
    }

    @ProcessElement
    public void process(@Element T record, OutputReceiver<String> out) {
      rows.inc();
      out.output(RowJson.toJson(RecordSchemaProvider.toRow(record)));
    }
  }
}
