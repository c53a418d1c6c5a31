package dev.meetscope.transforms.sink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.SeekableInputStream;

/**
 * One Parquet table file (as {@link WriteTable} writes them: Avro schema from the record's Beam schema, Snappy)
 * read into plain rows and written back with the same schema. Rows are maps of column name to plain Java
 * values (String, Long, Double, Boolean, List, Map for nested records), the shape JSON-lines rows have, so
 * {@code meetscope purge} applies one rule set to both formats. Works on bytes, so the caller can use Beam's
 * {@code FileSystems} for local paths and gs:// alike.
 */
public final class ParquetTableFile {
  private final Schema schema;
  private final List<Map<String, Object>> rows;

  private ParquetTableFile(Schema schema, List<Map<String, Object>> rows) {
    this.schema = schema;
    this.rows = List.copyOf(rows);
  }

  /** Reads every row of a Parquet file written with an Avro schema. */
  public static ParquetTableFile read(byte[] parquet) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    Schema schema = null;
    try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new BytesInputFile(parquet))
        .withDataModel(GenericData.get())
        .build()) {
      for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
        schema = r.getSchema();
        rows.add(toMap(r));
      }
    }
    if (schema == null) {
      schema = emptyFileSchema(parquet);
    }
    return new ParquetTableFile(schema, rows);
  }

  public Schema schema() {
    return schema;
  }

  public List<Map<String, Object>> rows() {
    return rows;
  }

  /**
   * Writes rows with this file's schema (Snappy, as {@link WriteTable}). A null in a column the schema does not
   * allow null fails with the column's name.
   */
  public byte[] write(List<Map<String, Object>> newRows) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new StreamOutputFile(bytes))
        .withSchema(schema)
        .withDataModel(GenericData.get())
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .build()) {
      for (Map<String, Object> row : newRows) {
        writer.write((GenericRecord) fromPlain(row, schema, "row"));
      }
    }
    return bytes.toByteArray();
  }

  private static Schema emptyFileSchema(byte[] parquet) throws IOException {
    try (org.apache.parquet.hadoop.ParquetFileReader reader =
        org.apache.parquet.hadoop.ParquetFileReader.open(new BytesInputFile(parquet))) {
      String avro = reader.getFooter().getFileMetaData().getKeyValueMetaData().get("parquet.avro.schema");
      if (avro != null) {
        return new Schema.Parser().parse(avro);
      }
      return new org.apache.parquet.avro.AvroSchemaConverter()
          .convert(reader.getFooter().getFileMetaData().getSchema());
    }
  }

  private static Map<String, Object> toMap(GenericRecord record) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Schema.Field f : record.getSchema().getFields()) {
      out.put(f.name(), toPlain(record.get(f.pos())));
    }
    return out;
  }

  private static Object toPlain(Object value) {
    if (value instanceof CharSequence || value instanceof GenericEnumSymbol<?>) {
      return value.toString();
    }
    if (value instanceof GenericRecord r) {
      return toMap(r);
    }
    if (value instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      c.forEach(v -> out.add(toPlain(v)));
      return out;
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k.toString(), toPlain(v)));
      return out;
    }
    return value;
  }

  private static Object fromPlain(Object value, Schema schema, String column) {
    if (value == null && schema.getType() != Schema.Type.UNION && schema.getType() != Schema.Type.NULL) {
      throw new IllegalArgumentException("column " + column + " (" + schema.getType() + ") may not be null");
    }
    switch (schema.getType()) {
      case UNION -> {
        Schema nonNull = null;
        for (Schema branch : schema.getTypes()) {
          if (branch.getType() == Schema.Type.NULL) {
            if (value == null) {
              return null;
            }
          } else if (nonNull == null) {
            nonNull = branch;
          }
        }
        return fromPlain(value, nonNull, column);
      }
      case RECORD -> {
        Map<?, ?> map = (Map<?, ?>) value;
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field f : schema.getFields()) {
          record.put(f.pos(), fromPlain(map.get(f.name()), f.schema(), f.name()));
        }
        return record;
      }
      case ARRAY -> {
        List<Object> items = new ArrayList<>();
        for (Object o : (Collection<?>) value) {
          items.add(fromPlain(o, schema.getElementType(), column));
        }
        return new GenericData.Array<>(schema, items);
      }
      case MAP -> {
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((k, v) ->
            out.put(k.toString(), fromPlain(v, schema.getValueType(), column)));
        return out;
      }
      case ENUM -> {
        return new GenericData.EnumSymbol(schema, value.toString());
      }
      case FIXED -> {
        return value instanceof GenericFixed ? value : new GenericData.Fixed(schema, (byte[]) value);
      }
      case BYTES -> {
        return value instanceof byte[] b ? ByteBuffer.wrap(b) : value;
      }
      case STRING -> {
        return value.toString();
      }
      default -> {
        return value;
      }
    }
  }

  /** A Parquet input over bytes already in memory. */
  private static final class BytesInputFile implements InputFile {
    private final byte[] data;

    BytesInputFile(byte[] data) {
      this.data = data;
    }

    @Override
    public long getLength() {
      return data.length;
    }

    @Override
    public SeekableInputStream newStream() {
      SeekableBytes in = new SeekableBytes(data);
      return new DelegatingSeekableInputStream(in) {
        @Override
        public long getPos() {
          return in.position();
        }

        @Override
        public void seek(long newPos) {
          in.seek(newPos);
        }
      };
    }
  }

  private static final class SeekableBytes extends ByteArrayInputStream {
    SeekableBytes(byte[] data) {
      super(data);
    }

    long position() {
      return pos;
    }

    void seek(long newPos) {
      pos = (int) newPos;
    }
  }

  /** A Parquet output into a stream, counting the bytes written (Parquet needs the position). */
  private static final class StreamOutputFile implements OutputFile {
    private final OutputStream out;

    StreamOutputFile(OutputStream out) {
      this.out = out;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new PositionOutputStream() {
        private long pos;

        @Override
        public long getPos() {
          return pos;
        }

        @Override
        public void write(int b) throws IOException {
          out.write(b);
          pos++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
          pos += len;
        }

        @Override
        public void flush() throws IOException {
          out.flush();
        }

        @Override
        public void close() throws IOException {
          out.close();
        }
      };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }
}
