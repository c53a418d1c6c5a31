package dev.meetscope.transforms.streaming;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.meetscope.models.record.DeadLetter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Instant;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The files source: what it reads, its event-time watermark, checkpoints, idle finish; and on the Direct runner. */
public class NdjsonFolderSourceTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  /** A wall clock the test moves by hand. */
  static final AtomicLong NOW = new AtomicLong();
  private static final NdjsonFolderSource.WallClock CLOCK = NOW::get;

  private static final String UUID = "fIlEs+0001/aBcDeFg==";
  private static final long T0 = java.time.Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();

  private Path folder;

  static String join(String requestId, long eventTs, String user, String userId) {
    return "{\"request_id\":\"" + requestId + "\",\"received_at\":\"2026-03-02T15:00:01.000Z\",\"headers\":{},"
        + "\"body\":{\"payload\":{\"account_id\":\"Acc1\",\"object\":{\"uuid\":\"" + UUID + "\",\"id\":\"81234567890\","
        + "\"participant\":{\"user_id\":\"" + userId + "\",\"user_name\":\"" + user + "\",\"join_time\":"
        + "\"2026-03-02T15:00:00Z\"}}},\"event_ts\":" + eventTs + ",\"event\":\"meeting.participant_joined\"}}";
  }

  @Before
  public void files() throws IOException {
    folder = tmp.newFolder("events").toPath();
    write("events-20260302T150000Z-relay-000001.ndjson",
        join("r1", T0 + 1_000, "Ada Example", "101") + "\n\n"
            + "{\"request_id\":\"r2\",\"body\":{\"event\":\"meeting.part\n"
            + join("r3", T0 + 3_000, "Grace Sample", "102") + "\r\n");
    write("events-20260302T150100Z-relay-000002.ndjson",
        "[" + join("r4", T0 + 70_000, "Lee Placeholder", "103").replaceFirst("^\\{\"request_id\":\"r4\",.*\"body\":", "")
            .replaceAll("}$", "") + "," + "{\"event\":\"recording.started\",\"event_ts\":" + (T0 + 71_000)
            + ",\"payload\":{\"object\":{\"uuid\":\"" + UUID + "\",\"id\":81234567890}}}]\n"
            + join("r5", T0 + 72_000, "José Núñez", "104"));
    write(".events-20260302T150200Z-relay-000003.ndjson.inprogress", join("r9", T0, "Hidden", "1") + "\n");
    write("notes.txt", "not an event file\n");
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
  }

  private NdjsonFolderSource source(long maxIdleMs, long idleAdvanceMs) {
    return new NdjsonFolderSource(ReadEventFiles.filePattern(folder.toString()), 100, maxIdleMs, 5_000,
        idleAdvanceMs, CLOCK);
  }

  private static String describe(ParsedDelivery d, Instant ts) {
    if (d.event() != null) {
      return d.event().event() + "@" + (ts.getMillis() - T0) + " line " + d.event().sourceLine() + " "
          + d.event().requestId();
    }
    DeadLetter l = d.deadLetter();
    return l.reason() + " line " + l.sourceLine();
  }

  /** Reads everything available now; null reader = start one from the checkpoint. */
  private static List<String> drain(UnboundedSource.UnboundedReader<ParsedDelivery> reader, boolean started)
      throws IOException {
    List<String> out = new ArrayList<>();
    boolean more = started ? reader.advance() : reader.start();
    while (more) {
      out.add(describe(reader.getCurrent(), reader.getCurrentTimestamp()));
      more = reader.advance();
    }
    return out;
  }

  private static final List<String> ALL = List.of(
      "meeting.participant_joined@1000 line 1 r1",
      "WH_BAD_JSON line 3",
      "meeting.participant_joined@3000 line 4 r3",
      "meeting.participant_joined@70000 line 1 null",
      "recording.started@71000 line 1 null",
      "meeting.participant_joined@72000 line 2 r5");

  @Test
  public void readsEveryLineOnceWithAnEventTimeWatermark() throws IOException {
    NOW.set(1_000_000);
    PipelineOptions options = PipelineOptionsFactory.create();
    UnboundedSource.UnboundedReader<ParsedDelivery> reader = source(0, 0).createReader(options, null);
    List<String> read = drain(reader, false);
    assertEquals(ALL, read);
    assertEquals(new Instant(T0 + 72_000 - 5_000), reader.getWatermark());

    // A new complete file appears; it is seen at the next poll.
    write("events-20260302T150300Z-relay-000004.ndjson", join("r6", T0 + 200_000, "Dana Host", "105") + "\n");
    assertFalse(reader.advance());
    NOW.addAndGet(100);
    assertTrue(reader.advance());
    assertEquals("meeting.participant_joined@200000 line 1 r6", describe(reader.getCurrent(),
        reader.getCurrentTimestamp()));
    assertEquals(new Instant(T0 + 195_000), reader.getWatermark());
    // Without maxIdle the source never finishes.
    NOW.addAndGet(3_600_000);
    assertFalse(reader.advance());
    assertEquals(new Instant(T0 + 195_000), reader.getWatermark());
  }

  @Test
  public void aCheckpointAtAnyElementResumesWithoutLossOrRepeat() throws Exception {
    NOW.set(1_000_000);
    PipelineOptions options = PipelineOptionsFactory.create();
    NdjsonFolderSource source = source(0, 0);
    Coder<NdjsonFolderSource.Checkpoint> coder = source.getCheckpointMarkCoder();
    for (int k = 1; k <= ALL.size(); k++) {
      UnboundedSource.UnboundedReader<ParsedDelivery> first = source.createReader(options, null);
      List<String> read = new ArrayList<>();
      boolean more = first.start();
      while (more && read.size() < k) {
        read.add(describe(first.getCurrent(), first.getCurrentTimestamp()));
        if (read.size() < k) {
          more = first.advance();
        }
      }
      NdjsonFolderSource.Checkpoint cp = CoderUtils.clone(coder,
          (NdjsonFolderSource.Checkpoint) first.getCheckpointMark());
      first.close();
      read.addAll(drain(source.createReader(options, cp), false));
      assertEquals("checkpoint after " + k, ALL, read);
    }
  }

  @Test
  public void maxIdleFinishesAndIdleAdvanceMovesTheWatermark() throws IOException {
    NOW.set(1_000_000);
    UnboundedSource.UnboundedReader<ParsedDelivery> reader =
        source(30_000, 10_000).createReader(PipelineOptionsFactory.create(), null);
    assertEquals(ALL.size(), drain(reader, false).size());
    assertEquals(new Instant(T0 + 67_000), reader.getWatermark());
    NOW.addAndGet(17_000);
    assertFalse(reader.advance());
    // Idle for 17 s, 7 s beyond idleAdvance: the watermark moved on with the wall clock.
    assertEquals(new Instant(T0 + 74_000), reader.getWatermark());
    NOW.addAndGet(13_000);
    assertFalse(reader.advance());
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, reader.getWatermark());
  }

  @Test
  public void aBoundedRunOnTheDirectRunnerEndsAfterMaxIdle() {
    PCollectionTuple out = pipeline
        .apply(ReadEventFiles.of(folder.toString(), 50, 1_000, 5_000, 0))
        .apply(SplitDeliveries.create());
    PAssert.that(out.get(SplitDeliveries.EVENTS).apply("Ids",
            MapElements.into(TypeDescriptors.strings()).via(e -> e.meetingKey() + " " + e.displayName())))
        .containsInAnyOrder(UUID + " Ada Example", UUID + " Grace Sample", UUID + " Lee Placeholder",
            UUID + " José Núñez");
    PAssert.that(out.get(SplitDeliveries.DEAD_LETTERS).apply("Reasons",
            MapElements.into(TypeDescriptors.strings()).via(d -> d.reason() + " " + d.sourceLine())))
        .containsInAnyOrder("WH_BAD_JSON 3");
    pipeline.run().waitUntilFinish();
  }
}
