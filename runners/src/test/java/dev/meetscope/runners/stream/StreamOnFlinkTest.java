package dev.meetscope.runners.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meetscope.fixtures.TownHall;
import dev.meetscope.runners.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same bounded run of the files source on Flink in-process ({@code --flinkMaster=[local]}), in streaming
 * mode with checkpoints every second (the test sees Flink complete them), writes what the Direct runner
 * writes: the final rows, every on-time live pane, and the last pane of every window.
 */
@Tag("slow")
class StreamOnFlinkTest {
  /** Flink's checkpoint coordinator logs each completed checkpoint at INFO. */
  private static final String COORDINATOR = "org.apache.flink.runtime.checkpoint.CheckpointCoordinator";

  /** Columns of a window's last pane that do not depend on when panes fired (presence, alerts and pane do). */
  private static final List<String> WINDOW_TOTALS = List.of("meeting_key", "meeting_id", "window_start",
      "window_end", "joins", "leaves", "departures", "chat_messages", "questions", "reactions", "active_chatters",
      "events", "max_event_time");

  @Test
  void flinkLocalWithCheckpointsEqualsDirect(@TempDir Path dir) throws Exception {
    TownHall th = StreamJobTest.townHall();
    Path events = dir.resolve("events");
    StreamJobTest.writeEvents(th, events);
    Path direct = dir.resolve("direct");
    Path flink = dir.resolve("flink");
    // One key for both runs: without one each run keys people with its own random key.
    String key = "--pseudonymKey=file:" + java.nio.file.Files.writeString(dir.resolve("key"), StreamJobTest.KEY_HEX);
    StreamJobTest.Run d = StreamJobTest.meetscope(StreamJobTest.args(events, direct, key));
    assertEquals(ExitCodes.OK, d.exit(), d.err());

    ConcurrentLinkedQueue<String> completed = new ConcurrentLinkedQueue<>();
    Logger coordinator = Logger.getLogger(COORDINATOR);
    Level level = coordinator.getLevel();
    AppenderSkeleton listener = new AppenderSkeleton() {
      @Override
      protected void append(LoggingEvent event) {
        String message = event.getRenderedMessage();
        if (message != null && message.startsWith("Completed checkpoint")) {
          completed.add(message);
        }
      }

      @Override
      public void close() {}

      @Override
      public boolean requiresLayout() {
        return false;
      }
    };
    coordinator.setLevel(Level.INFO);
    coordinator.setAdditivity(false);
    coordinator.addAppender(listener);
    StreamJobTest.Run f;
    try {
      f = StreamJobTest.meetscope(StreamJobTest.args(events, flink, key, "--runner=FlinkRunner",
          "--flinkMaster=[local]", "--parallelism=2", "--checkpointingInterval=1000",
          "--stateBackendStoragePath=" + dir.resolve("checkpoints").toUri()));
    } finally {
      coordinator.removeAppender(listener);
      coordinator.setAdditivity(true);
      coordinator.setLevel(level);
    }
    assertEquals(ExitCodes.OK, f.exit(), f.err());
    // Checkpointing was on and worked: the job stays up at least --maxIdle (3 s) with checkpoints every second.
    assertFalse(completed.isEmpty(), "Flink completed no checkpoint");

    for (String table : List.of("participant_meeting", "meeting", "meeting_timeline")) {
      List<String> expected = StreamJobTest.rows(direct, table);
      assertFalse(expected.isEmpty(), table);
      assertEquals(expected, StreamJobTest.rows(flink, table), table);
    }
    assertEquals(StreamJobTest.onTimePanes(direct), StreamJobTest.onTimePanes(flink));
    Map<String, String> windows = lastPanes(direct);
    assertEquals(windows, lastPanes(flink));
    assertTrue(windows.values().stream().noneMatch(w -> w.contains("\"meeting_id\":null")), windows.toString());
    // Which pane first shows the drop-off depends on when early panes fire; that there is an alert does not.
    assertFalse(StreamJobTest.rows(direct, "dropoff_alert").isEmpty());
    assertFalse(StreamJobTest.rows(flink, "dropoff_alert").isEmpty());
    assertEquals(List.of(), StreamJobTest.rows(flink, "dead_letter"));
  }

  /** Per meeting and window, the totals of the window's last (highest-index) pane. */
  static Map<String, String> lastPanes(Path output) throws IOException {
    Map<String, JsonNode> last = new TreeMap<>();
    for (String line : StreamJobTest.rows(output, "live_window")) {
      JsonNode n = StreamJobTest.JSON.readTree(line);
      String key = n.get("meeting_key").asText() + " " + n.get("window_start").asText();
      JsonNode seen = last.get(key);
      if (seen == null || seen.get("pane_index").asLong() < n.get("pane_index").asLong()) {
        last.put(key, n);
      }
    }
    Map<String, String> out = new TreeMap<>();
    last.forEach((k, n) -> {
      ObjectNode totals = StreamJobTest.JSON.createObjectNode();
      for (String column : WINDOW_TOTALS) {
        totals.set(column, n.get(column));
      }
      out.put(k, totals.toString());
    });
    assertFalse(out.isEmpty(), "no live windows in " + output);
    return out;
  }
}
