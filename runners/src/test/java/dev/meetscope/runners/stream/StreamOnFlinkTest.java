package dev.meetscope.runners.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.meetscope.fixtures.TownHall;
import dev.meetscope.runners.cli.ExitCodes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same bounded run of the files source on Flink in-process ({@code --flinkMaster=[local]}), in streaming
 * mode with checkpointing every second, writes what the Direct runner writes: the final rows and every
 * on-time live pane.
 */
@Tag("slow")
class StreamOnFlinkTest {

  @Test
  void flinkLocalWithCheckpointsEqualsDirect(@TempDir Path dir) throws Exception {
    TownHall th = StreamJobTest.townHall();
    Path events = dir.resolve("events");
    StreamJobTest.writeEvents(th, events);
    Path direct = dir.resolve("direct");
    Path flink = dir.resolve("flink");
    StreamJobTest.Run d = StreamJobTest.meetscope(StreamJobTest.args(events, direct));
    assertEquals(ExitCodes.OK, d.exit(), d.err());
    StreamJobTest.Run f = StreamJobTest.meetscope(StreamJobTest.args(events, flink, "--runner=FlinkRunner",
        "--flinkMaster=[local]", "--parallelism=2", "--checkpointingInterval=1000"));
    assertEquals(ExitCodes.OK, f.exit(), f.err());
    for (String table : List.of("participant_meeting", "meeting", "meeting_timeline", "dropoff_alert")) {
      List<String> expected = StreamJobTest.rows(direct, table);
      if (!table.equals("dropoff_alert")) {
        assertEquals(expected, StreamJobTest.rows(flink, table), table);
      }
      assertFalse(expected.isEmpty(), table);
    }
    assertEquals(StreamJobTest.onTimePanes(direct), StreamJobTest.onTimePanes(flink));
  }
}
