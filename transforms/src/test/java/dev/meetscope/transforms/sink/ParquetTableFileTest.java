package dev.meetscope.transforms.sink;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import dev.meetscope.models.record.Utterance;
import dev.meetscope.transforms.schema.RecordCoders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A table file written by {@link WriteTable} as Parquet reads into the rows its records hold, and rows written
 * back keep the file's schema, so another Parquet reader (Hadoop's, here) reads the same values.
 */
public class ParquetTableFileTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  private static final Instant WALL = Instant.parse("2026-03-02T15:00:00Z");

  private static Utterance utterance(int cue, String speaker, String text, Instant wall, List<String> flags) {
    return new Utterance("m1", "/in/m1/t.vtt", cue * 4L, "cloud_transcript", cue, speaker, false,
        "recording_offset", cue * 1000L, cue % 2 == 0 ? null : cue * 1000L + 900, wall, text, flags);
  }

  /** The rows of every file the write made (the Direct runner may shard), and the first file's bytes. */
  private record Written(List<Map<String, Object>> rows, byte[] firstFile) {}

  private Written writeParquet() throws IOException {
    String root = tmp.newFolder("out").getAbsolutePath();
    pipeline.apply("Utterances", Create.of(
            utterance(1, "Ada Example", "Hello Grace", WALL, List.of("OVERLAP", "LONG")),
            utterance(2, "Grace Sample", "Hi Ada", null, List.of()),
            utterance(3, "Ada Example", "Thanks", WALL.plusSeconds(3), List.of("LONG")))
        .withCoder(RecordCoders.of(Utterance.class)))
        .apply("Write", WriteTable.of(Utterance.class, "utterance", root, SinkFormat.PARQUET));
    pipeline.run().waitUntilFinish();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of(root, "utterance"))) {
      files = walk.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Path f : files) {
      rows.addAll(ParquetTableFile.read(Files.readAllBytes(f)).rows());
    }
    rows.sort((a, b) -> Long.compare((Long) a.get("start_ms"), (Long) b.get("start_ms")));
    return new Written(rows, Files.readAllBytes(files.get(0)));
  }

  @Test
  public void readsRowsAndWritesThemBackWithTheSameSchema() throws Exception {
    Written written = writeParquet();
    ParquetTableFile table = ParquetTableFile.read(written.firstFile());
    List<Map<String, Object>> rows = written.rows();
    assertEquals(3, rows.size());
    Map<String, Object> first = rows.get(0);
    assertEquals("Ada Example", first.get("speaker_label"));
    assertEquals("Hello Grace", first.get("text"));
    assertEquals(List.of("OVERLAP", "LONG"), first.get("flags"));
    assertEquals(1900L, first.get("end_ms"));
    assertEquals(WALL.toEpochMilli(), first.get("wall_time"));
    assertNull(rows.get(1).get("wall_time"));
    assertNull(rows.get(1).get("end_ms"));
    assertEquals(List.of(), rows.get(1).get("flags"));

    // Drop the second row and change the first one's text and flags, as purge does.
    Map<String, Object> changed = new LinkedHashMap<>(first);
    changed.put("text", "Hello [redacted]");
    changed.put("flags", List.of("LONG"));
    byte[] rewritten = table.write(List.of(changed, rows.get(2)));
    Path out = tmp.newFile("rewritten.parquet").toPath();
    Files.write(out, rewritten);

    List<String> seen = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
        HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(out.toUri()), new Configuration())).build()) {
      for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
        assertEquals(table.schema(), r.getSchema());
        seen.add(r.get("cue_id") + " " + r.get("text") + " " + r.get("flags") + " " + r.get("wall_time"));
      }
    }
    assertEquals(List.of("1 Hello [redacted] [LONG] " + WALL.toEpochMilli(),
        "3 Thanks [LONG] " + WALL.plusSeconds(3).toEpochMilli()), seen);
    assertEquals(List.of(changed, rows.get(2)), ParquetTableFile.read(rewritten).rows());
  }

  @Test
  public void aNullInARequiredColumnNamesTheColumnAndAnEmptyFileKeepsItsSchema() throws Exception {
    Written written = writeParquet();
    ParquetTableFile table = ParquetTableFile.read(written.firstFile());
    Map<String, Object> row = new LinkedHashMap<>(written.rows().get(0));
    row.put("source_line", null); // a long: required in the schema
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> table.write(List.of(row)));
    assertEquals("column source_line (LONG) may not be null", e.getMessage());

    ParquetTableFile empty = ParquetTableFile.read(table.write(List.of()));
    assertEquals(List.of(), empty.rows());
    assertEquals(table.schema(), empty.schema());
  }
}
