package dev.meetscope.transforms.streaming;

import dev.meetscope.transforms.schema.RecordSchemaProvider;
import dev.meetscope.transforms.sink.RowJson;
import dev.meetscope.transforms.sink.SinkFormat;
import dev.meetscope.transforms.sink.WriteTable;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.joda.time.Duration;

/**
 * The streaming counterpart of {@link WriteTable}: the same table folder ({@code <output>/<table>/}), the
 * same columns (Parquet or JSONL from the record's schema), written continuously. Rows are collected in the
 * global window and flushed {@code flush} after the first row of a batch (processing time); each flush is
 * one pane and writes files named by it: {@code stream-pane-000042-00000-of-00001.jsonl} (pane index,
 * shard), deterministic, never a clock reading. The last pane, written when the input ends, is marked
 * {@code -final}. Counter {@code sink/<table>.rows}.
 */
public final class WriteStreamTable<T> extends PTransform<PCollection<T>, PDone> {
  public static final String PREFIX = "stream";

  private final Class<T> recordClass;
  private final String table;
  private final String outputRoot;
  private final SinkFormat format;
  private final Duration flush;
  private final int shards;

  private WriteStreamTable(Class<T> recordClass, String table, String outputRoot, SinkFormat format,
      Duration flush, int shards) {
    this.recordClass = recordClass;
    this.table = table;
    this.outputRoot = outputRoot;
    this.format = format;
    this.flush = flush;
    this.shards = shards;
  }

  public static <T> WriteStreamTable<T> of(Class<T> recordClass, String table, String outputRoot,
      SinkFormat format, java.time.Duration flush, int shards) {
    if (!table.matches("[a-z_]+")) {
      throw new IllegalArgumentException("table names are lower_snake_case: " + table);
    }
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be at least 1");
    }
    return new WriteStreamTable<>(recordClass, table, outputRoot, format, StreamSettings.joda(flush), shards);
  }

  @Override
  public PDone expand(PCollection<T> records) {
    String folder = WriteTable.tableFolder(outputRoot, table);
    PCollection<T> panes = records.apply("FlushEvery", Window.<T>into(new GlobalWindows())
        .triggering(Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(flush)))
        .withAllowedLateness(Duration.ZERO)
        .discardingFiredPanes());
    PaneNaming naming = new PaneNaming(format.suffix());
    switch (format) {
      case PARQUET -> {
        Schema beamSchema = RecordSchemaProvider.schemaOf(recordClass);
        org.apache.avro.Schema avro = AvroUtils.toAvroSchema(beamSchema, recordClass.getSimpleName(),
            "dev.meetscope.tables");
        panes
            .apply("ToAvro", ParDo.of(new ToAvroFn<T>(table, avro.toString())))
            .setCoder(AvroCoder.of(GenericRecord.class, avro))
            .apply("WriteParquet", FileIO.<GenericRecord>write()
                .via(ParquetIO.sink(avro))
                .to(folder)
                .withNaming(naming)
                .withNumShards(shards));
      }
      case JSONL -> panes
          .apply("ToJsonLines", ParDo.of(new ToJsonFn<T>(table)))
          .setCoder(StringUtf8Coder.of())
          .apply("WriteJsonLines", FileIO.<String>write()
              .via(TextIO.sink())
              .to(folder)
              .withNaming(naming)
              .withNumShards(shards));
      default -> throw new IllegalStateException("unhandled sink " + format);
    }
    return PDone.in(records.getPipeline());
  }

  /** {@code stream-pane-<index>[-final]-<shard>-of-<shards><suffix>}. */
  static final class PaneNaming implements FileIO.Write.FileNaming {
    private final String suffix;

    PaneNaming(String suffix) {
      this.suffix = suffix;
    }

    @Override
    public String getFilename(BoundedWindow window, PaneInfo pane, int numShards, int shardIndex,
        Compression compression) {
      return String.format("%s-pane-%06d%s-%05d-of-%05d%s", PREFIX, pane.getIndex(), pane.isLast() ? "-final" : "",
          shardIndex, numShards, suffix);
    }
  }

  private static final class ToAvroFn<T> extends DoFn<T, GenericRecord> {
    private final String avroSchemaJson;
    private final Counter rows;
    private transient org.apache.avro.Schema avro;

    ToAvroFn(String table, String avroSchemaJson) {
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
