package dev.meetscope.models.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.meetscope.models.governance.PersonPurge.FileAction;
import dev.meetscope.models.governance.PersonPurge.RowAction;
import dev.meetscope.models.governance.PersonPurge.RowDecision;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonPurgeTest {
  static final String ADA_EMAIL = "3eb666f88834c77bed39c0e395cd0ceaa2e56ce7aa2ff432f027ebde5eb982b5";
  static final String ADA_NAME_MK1 = "f28a3c1fb894131c0a201089aa2dfc4df288329c68abad2ba467357e8d9a74ff";
  static final String ADA_NAME_MK2 = "a51b53da10c532ba9742c1c5f7cf590afbbfb13380b4875460e672efa7823050";
  static final String GRACE = "f7752bd1ed9caa3eb905869bc5ee7415986f9fa35aa12461747f048cffadcacf";

  static final PersonPurge PURGE = PersonPurge.of(
      new Pseudonymizer("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)),
      List.of(PersonRef.parse("ada@example.com"), PersonRef.parse("name:Ada Example")),
      List.of("mk1", "mk2"));

  private static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void keysFromStableIdentityAndFromTheNameInEveryMeeting() {
    assertEquals(Set.of(ADA_EMAIL, ADA_NAME_MK1, ADA_NAME_MK2), PURGE.participantKeys());
  }

  @Test
  void personRowsAreDeletedByKeyOrAlias() {
    assertEquals(RowAction.DELETE, PURGE.decide("participant_meeting",
        row("participant_key", ADA_EMAIL, "meeting_key", "mk1", "talk_seconds", 300L)).action());
    assertEquals(RowAction.DELETE, PURGE.decide("participant_meeting",
        row("participant_key", "uidkey", "alias_keys", List.of(ADA_NAME_MK1))).action());
    assertNull(PURGE.decide("utterance", row("participant_key", ADA_NAME_MK2, "text", "hi")).row());
  }

  @Test
  void otherPeoplesRowsAreKeptAsTheyAre() {
    Map<String, Object> grace = row("participant_key", GRACE, "alias_keys", List.of(),
        "display_name", null, "talk_seconds", 100L);
    RowDecision d = PURGE.decide("participant_meeting", grace);
    assertEquals(RowAction.KEEP, d.action());
    assertSame(grace, d.row());
  }

  @Test
  void sharedRowsLoseTheKeyInListsAndNestedRecordsAndTheNameInText() {
    assertEquals(new RowDecision(RowAction.REWRITE,
            row("meeting_key", "mk1", "label", "Budget", "contributors", List.of(GRACE))),
        PURGE.decide("meeting_topic",
            row("meeting_key", "mk1", "label", "Budget", "contributors", List.of(ADA_EMAIL, GRACE))));
    Map<String, Object> segment = row("start_s", 61L, "speakers", List.of(ADA_NAME_MK1, GRACE));
    RowDecision meeting = PURGE.decide("meeting", row("meeting_key", "mk1", "host_key", ADA_EMAIL,
        "summary", "Ada Example led the meeting", "participants", 5L,
        "crosstalk_segments", List.of(segment)));
    assertEquals(RowAction.REWRITE, meeting.action());
    assertEquals(row("meeting_key", "mk1", "host_key", null, "summary", "[redacted] led the meeting",
        "participants", 5L, "crosstalk_segments", List.of(row("start_s", 61L, "speakers",
            List.of(GRACE)))), meeting.row());
  }

  @Test
  void deadLettersAreRedactedNotDeleted() {
    RowDecision d = PURGE.decide("dead_letter", row("reason", "CSV_COLUMN_COUNT",
        "raw_text", "Ada Example,ADA@example.com,x"));
    assertEquals(row("reason", "CSV_COLUMN_COUNT", "raw_text", "[redacted],[redacted],x"), d.row());
  }

  @Test
  void auditIsNeverTouched() {
    Map<String, Object> audit = row("run_id", "20261128T075158Z-3f9a1c2b", "note", "Ada Example");
    assertEquals(RowAction.KEEP, PURGE.decide("run_audit", audit).action());
  }

  @Test
  void nullCellsAreFine() {
    Map<String, Object> r = new HashMap<>();
    r.put("participant_key", null);
    r.put("alias_keys", Arrays.asList((String) null));
    assertEquals(RowAction.KEEP, PURGE.decide("participant_meeting", r).action());
  }

  @Test
  void fileActions() {
    RowDecision keep = new RowDecision(RowAction.KEEP, row());
    RowDecision delete = new RowDecision(RowAction.DELETE, null);
    RowDecision rewrite = new RowDecision(RowAction.REWRITE, row());
    assertEquals(FileAction.UNCHANGED, PersonPurge.planFile(List.of(keep, keep)));
    assertEquals(FileAction.UNCHANGED, PersonPurge.planFile(List.of()));
    assertEquals(FileAction.DELETE, PersonPurge.planFile(List.of(delete, delete)));
    assertEquals(FileAction.REWRITE, PersonPurge.planFile(List.of(keep, delete)));
    assertEquals(FileAction.REWRITE, PersonPurge.planFile(List.of(rewrite, keep)));
  }
}
