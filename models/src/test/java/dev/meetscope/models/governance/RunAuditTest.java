package dev.meetscope.models.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.governance.RunAudit.TableCount;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RunAuditTest {
  @Test
  void runIdIsStartSecondPlusRandomHex() {
    Instant start = Instant.parse("2026-11-28T07:51:58.734Z");
    String id = RunIds.newRunId(start, new SplittableRandom(42));
    assertTrue(RunIds.isRunId(id), id);
    assertEquals("20261128T075158Z-", id.substring(0, 17));
    assertEquals(id, RunIds.newRunId(start, new SplittableRandom(42)));
    assertNotEquals(id, RunIds.newRunId(start, new SplittableRandom(43)));
    assertEquals(Instant.parse("2026-11-28T07:51:58Z"), RunIds.startOf(id));
    assertEquals(id.toLowerCase(), RunIds.asLabel(id));
  }

  @Test
  void runIdsSortByStartTime() {
    String a = RunIds.newRunId(Instant.parse("2026-11-28T07:51:58Z"), new SplittableRandom(1));
    String b = RunIds.newRunId(Instant.parse("2026-11-28T07:52:00Z"), new SplittableRandom(1));
    assertTrue(a.compareTo(b) < 0);
  }

  @Test
  void runIdShape() {
    assertTrue(RunIds.isRunId("20261128T075158Z-0000000a"));
    assertFalse(RunIds.isRunId("20261128T075158Z-0000000A"));
    assertFalse(RunIds.isRunId("2026-11-28T07:51:58Z-0000000a"));
    assertThrows(IllegalArgumentException.class, () -> RunIds.startOf("nope"));
  }

  static RunAudit audit() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("pseudonymKey", "env:MEETSCOPE_KEY");
    options.put("zoomClientSecret", "abcDEF123");
    options.put("consentMode", "manifest");
    Map<String, Long> skipped = new TreeMap<>();
    skipped.put("NO_CONSENT", 3L);
    skipped.put("HOST_DISABLED", 1L);
    return new RunAudit("20261128T075158Z-3f9a1c2b", Instant.parse("2026-11-28T07:51:58Z"),
        Instant.parse("2026-11-28T07:53:10Z"), "nightly", "succeeded", new TreeMap<>(options), 42,
        1_234_567, List.of(new TableCount("participant_meeting", 120), new TableCount("meeting", 9)),
        4, "1.0", new TreeMap<>(Map.of("corenlp", "4.5.10")), "0.1.0-SNAPSHOT+e6713c5", "manifest", 9,
        new TreeMap<>(skipped), 2, "491c2048a41e69d9");
  }

  @Test
  void optionsAreRedactedEvenIfTheCallerForgot() {
    assertEquals("***", audit().options().get("zoomClientSecret"));
    assertEquals("env:MEETSCOPE_KEY", audit().options().get("pseudonymKey"));
  }

  @Test
  void rowHasTheDocumentedColumnsAndValues() {
    Map<String, Object> row = audit().toRow();
    assertEquals(RunAudit.COLUMNS, List.copyOf(row.keySet()));
    assertEquals("20261128T075158Z-3f9a1c2b", row.get("run_id"));
    assertEquals("2026-11-28T07:51:58Z", row.get("started_at"));
    assertEquals("2026-11-28T07:53:10Z", row.get("ended_at"));
    assertEquals(List.of(Map.of("name", "consentMode", "value", "manifest"),
        Map.of("name", "pseudonymKey", "value", "env:MEETSCOPE_KEY"),
        Map.of("name", "zoomClientSecret", "value", "***")), row.get("options"));
    assertEquals(List.of(Map.of("table", "participant_meeting", "rows", 120L),
        Map.of("table", "meeting", "rows", 9L)), row.get("output_tables"));
    assertEquals(List.of(Map.of("name", "HOST_DISABLED", "value", 1L),
        Map.of("name", "NO_CONSENT", "value", 3L)), row.get("meetings_skipped"));
    assertEquals(42L, row.get("input_files"));
    assertEquals(1_234_567L, row.get("input_bytes"));
    assertEquals(4L, row.get("dead_letters"));
    assertEquals(List.of(Map.of("name", "corenlp", "value", "4.5.10")), row.get("model_versions"));
    assertEquals("491c2048a41e69d9", row.get("pseudonym_key_id"));
    assertEquals("participant_meeting=120", audit().outputTables().get(0).toString());
  }

  @Test
  void theRowNeverHoldsTheSecret() {
    assertFalse(audit().toRow().toString().contains("abcDEF123"));
    assertFalse(audit().toString().contains("abcDEF123"));
  }
}
