package dev.meetscope.transforms.sink.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableSchema;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.MeetingTopic;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.Utterance;
import java.util.List;
import org.junit.jupiter.api.Test;

class BigQueryPurgeSqlTest {
  private static final String R = "r'\\1\\2[redacted]'";

  private static List<String> sql(String table, Class<?> record) {
    return BigQueryPurgeSql.statements("p", "d", table, BigQueryTables.tableSchema(record), true);
  }

  @Test
  void personTableRowsAreDeletedByKeyNameAndEmailThenTheRestIsScrubbed() {
    assertEquals(List.of("""
        DELETE FROM `p.d.participant_meeting`
        WHERE `participant_key` IN UNNEST(@keys)
           OR NORMALIZE_AND_CASEFOLD(TRIM(REGEXP_REPLACE(`display_name`, r'[\\s\\p{Z}]+', ' ')), NFC) IN UNNEST(@names)
           OR LOWER(TRIM(`email`)) IN UNNEST(@emails)""", """
        UPDATE `p.d.participant_meeting`
        SET `participant_key` = IF(`participant_key` IN UNNEST(@keys), NULL, `participant_key`),
            `display_name` = REGEXP_REPLACE(`display_name`, @pattern, R),
            `email` = REGEXP_REPLACE(`email`, @pattern, R),
            `key_topics_contributed` = ARRAY(SELECT REGEXP_REPLACE(x0, @pattern, R) FROM UNNEST(`key_topics_contributed`) AS x0 WITH OFFSET AS o0 WHERE x0 NOT IN UNNEST(@keys) ORDER BY o0),
            `host_key` = IF(`host_key` IN UNNEST(@keys), NULL, `host_key`)
        WHERE `participant_key` IN UNNEST(@keys)
           OR REGEXP_CONTAINS(`display_name`, @pattern)
           OR REGEXP_CONTAINS(`email`, @pattern)
           OR EXISTS (SELECT 1 FROM UNNEST(`key_topics_contributed`) AS x0 WHERE x0 IN UNNEST(@keys) OR REGEXP_CONTAINS(x0, @pattern))
           OR `host_key` IN UNNEST(@keys)""".replace(", R)", ", " + R + ")")),
        sql("participant_meeting", ParticipantMeeting.class));
  }

  @Test
  void aLabelColumnIsBothAKeyAndANameAndIsRedactedInOthersRows() {
    assertEquals(List.of("""
        DELETE FROM `p.d.utterance`
        WHERE `speaker_label` IN UNNEST(@keys)
           OR NORMALIZE_AND_CASEFOLD(TRIM(REGEXP_REPLACE(`speaker_label`, r'[\\s\\p{Z}]+', ' ')), NFC) IN UNNEST(@names)""",
        """
        UPDATE `p.d.utterance`
        SET `source_file` = REGEXP_REPLACE(`source_file`, @pattern, R),
            `speaker_label` = IF(`speaker_label` IN UNNEST(@keys), NULL, REGEXP_REPLACE(`speaker_label`, @pattern, R)),
            `text` = REGEXP_REPLACE(`text`, @pattern, R),
            `host_key` = IF(`host_key` IN UNNEST(@keys), NULL, `host_key`)
        WHERE REGEXP_CONTAINS(`source_file`, @pattern)
           OR `speaker_label` IN UNNEST(@keys) OR REGEXP_CONTAINS(`speaker_label`, @pattern)
           OR REGEXP_CONTAINS(`text`, @pattern)
           OR `host_key` IN UNNEST(@keys)""".replace(", R)", ", " + R + ")")),
        sql("utterance", Utterance.class));
    List<String> chat = sql("chat_message", ChatMessage.class);
    assertEquals(2, chat.size());
    assertEquals("""
        DELETE FROM `p.d.chat_message`
        WHERE `sender_label` IN UNNEST(@keys)
           OR NORMALIZE_AND_CASEFOLD(TRIM(REGEXP_REPLACE(`sender_label`, r'[\\s\\p{Z}]+', ' ')), NFC) IN UNNEST(@names)""",
        chat.get(0));
    // local_time/local_date and format/dialect/kind/time_base/flags are codes: not redacted.
    assertEquals("""
        UPDATE `p.d.chat_message`
        SET `source_file` = REGEXP_REPLACE(`source_file`, @pattern, R),
            `sender_label` = IF(`sender_label` IN UNNEST(@keys), NULL, REGEXP_REPLACE(`sender_label`, @pattern, R)),
            `recipient_label` = REGEXP_REPLACE(`recipient_label`, @pattern, R),
            `text` = REGEXP_REPLACE(`text`, @pattern, R),
            `target_snippet` = REGEXP_REPLACE(`target_snippet`, @pattern, R),
            `host_key` = IF(`host_key` IN UNNEST(@keys), NULL, `host_key`)
        WHERE REGEXP_CONTAINS(`source_file`, @pattern)
           OR `sender_label` IN UNNEST(@keys) OR REGEXP_CONTAINS(`sender_label`, @pattern)
           OR REGEXP_CONTAINS(`recipient_label`, @pattern)
           OR REGEXP_CONTAINS(`text`, @pattern)
           OR REGEXP_CONTAINS(`target_snippet`, @pattern)
           OR `host_key` IN UNNEST(@keys)""".replace(", R)", ", " + R + ")"), chat.get(1));
  }

  @Test
  void otherTablesAreOnlyScrubbedIncludingStructArrays() {
    assertEquals(List.of("""
        UPDATE `p.d.meeting`
        SET `meeting_id` = REGEXP_REPLACE(`meeting_id`, @pattern, R),
            `topic` = REGEXP_REPLACE(`topic`, @pattern, R),
            `crosstalk_segments` = ARRAY(SELECT AS STRUCT e0.* REPLACE (ARRAY(SELECT REGEXP_REPLACE(x1, @pattern, R) FROM UNNEST(e0.`speakers`) AS x1 WITH OFFSET AS o1 WHERE x1 NOT IN UNNEST(@keys) ORDER BY o1) AS `speakers`) FROM UNNEST(`crosstalk_segments`) AS e0 WITH OFFSET AS o0 ORDER BY o0),
            `action_items` = ARRAY(SELECT AS STRUCT e0.* REPLACE (REGEXP_REPLACE(e0.`text`, @pattern, R) AS `text`, IF(e0.`owner_key` IN UNNEST(@keys), NULL, e0.`owner_key`) AS `owner_key`, REGEXP_REPLACE(e0.`owner_name`, @pattern, R) AS `owner_name`, REGEXP_REPLACE(e0.`due_phrase`, @pattern, R) AS `due_phrase`) FROM UNNEST(`action_items`) AS e0 WITH OFFSET AS o0 ORDER BY o0),
            `topics` = ARRAY(SELECT REGEXP_REPLACE(x0, @pattern, R) FROM UNNEST(`topics`) AS x0 WITH OFFSET AS o0 WHERE x0 NOT IN UNNEST(@keys) ORDER BY o0),
            `summary` = REGEXP_REPLACE(`summary`, @pattern, R),
            `host_key` = IF(`host_key` IN UNNEST(@keys), NULL, `host_key`)
        WHERE REGEXP_CONTAINS(`meeting_id`, @pattern)
           OR REGEXP_CONTAINS(`topic`, @pattern)
           OR EXISTS (SELECT 1 FROM UNNEST(`crosstalk_segments`) AS e0 WHERE EXISTS (SELECT 1 FROM UNNEST(e0.`speakers`) AS x1 WHERE x1 IN UNNEST(@keys) OR REGEXP_CONTAINS(x1, @pattern)))
           OR EXISTS (SELECT 1 FROM UNNEST(`action_items`) AS e0 WHERE REGEXP_CONTAINS(e0.`text`, @pattern) OR e0.`owner_key` IN UNNEST(@keys) OR REGEXP_CONTAINS(e0.`owner_name`, @pattern) OR REGEXP_CONTAINS(e0.`due_phrase`, @pattern))
           OR EXISTS (SELECT 1 FROM UNNEST(`topics`) AS x0 WHERE x0 IN UNNEST(@keys) OR REGEXP_CONTAINS(x0, @pattern))
           OR REGEXP_CONTAINS(`summary`, @pattern)
           OR `host_key` IN UNNEST(@keys)""".replace(", R)", ", " + R + ")")),
        sql("meeting", MeetingSummary.class));
    assertEquals(List.of("""
        UPDATE `p.d.meeting_topic`
        SET `label` = REGEXP_REPLACE(`label`, @pattern, R),
            `keywords` = ARRAY(SELECT REGEXP_REPLACE(x0, @pattern, R) FROM UNNEST(`keywords`) AS x0 WITH OFFSET AS o0 WHERE x0 NOT IN UNNEST(@keys) ORDER BY o0),
            `contributors` = ARRAY(SELECT AS STRUCT e0.* REPLACE (IF(e0.`speaker_label` IN UNNEST(@keys), NULL, REGEXP_REPLACE(e0.`speaker_label`, @pattern, R)) AS `speaker_label`) FROM UNNEST(`contributors`) AS e0 WITH OFFSET AS o0 ORDER BY o0),
            `host_key` = IF(`host_key` IN UNNEST(@keys), NULL, `host_key`)
        WHERE REGEXP_CONTAINS(`label`, @pattern)
           OR EXISTS (SELECT 1 FROM UNNEST(`keywords`) AS x0 WHERE x0 IN UNNEST(@keys) OR REGEXP_CONTAINS(x0, @pattern))
           OR EXISTS (SELECT 1 FROM UNNEST(`contributors`) AS e0 WHERE e0.`speaker_label` IN UNNEST(@keys) OR REGEXP_CONTAINS(e0.`speaker_label`, @pattern))
           OR `host_key` IN UNNEST(@keys)""".replace(", R)", ", " + R + ")")),
        sql("meeting_topic", MeetingTopic.class));
  }

  @Test
  void withoutTermsNothingIsRedactedAndDeadLettersOnlyLoseTheHostKey() {
    assertEquals(List.of("""
        UPDATE `p.d.dead_letter`
        SET `host_key` = IF(`host_key` IN UNNEST(@keys), NULL, `host_key`)
        WHERE `host_key` IN UNNEST(@keys)"""),
        BigQueryPurgeSql.statements("p", "d", "dead_letter", BigQueryTables.tableSchema(DeadLetter.class), false));
    List<String> withTerms = sql("dead_letter", DeadLetter.class);
    assertEquals(1, withTerms.size());
    assertEquals(true, withTerms.get(0).contains("`raw_text` = REGEXP_REPLACE(`raw_text`, @pattern, " + R + ")"));
    assertEquals(true, withTerms.get(0).contains("`message` = REGEXP_REPLACE(`message`, @pattern, " + R + ")"));
  }

  @Test
  void runAuditAndCodeOnlyTablesAreNeverTouched() {
    assertEquals(List.of(), BigQueryPurgeSql.statements("p", "d", "run_audit",
        BigQueryTables.tableSchema(ParticipantMeeting.class), true));
    TableSchema codes = new TableSchema().setFields(List.of(
        new TableFieldSchema().setName("meeting_key").setType("STRING"),
        new TableFieldSchema().setName("metrics_version").setType("STRING"),
        new TableFieldSchema().setName("participant_key").setType("STRING").setMode("REQUIRED")));
    assertEquals(List.of(), BigQueryPurgeSql.statements("p", "d", "x", codes, true));
  }

  @Test
  void thePatternIsRe2AndFindsWhatTheRedactorFinds() {
    String p = BigQueryPurgeSql.pattern(List.of("ada example", "山田 花子"), List.of("ada@example.com"),
        List.of("EMP-1042", "abc"));
    assertEquals("(?i)(^|[^\\p{L}\\p{N}])(?:\\Qada@example.com\\E|\\Qada\\E[\\s\\x0B\\x{3000}\\x{00A0}]+"
        + "\\Qexample\\E|\\QEMP-1042\\E)|()(?:\\Q山田\\E[\\s\\x0B\\x{3000}\\x{00A0}]*\\Q花子\\E)", p);
    com.google.re2j.Pattern re2 = com.google.re2j.Pattern.compile(p);
    // REGEXP_REPLACE's \1\2 is re2j's $1$2.
    java.util.function.UnaryOperator<String> redact = s -> re2.matcher(s).replaceAll("$1$2[redacted]");
    assertEquals("From [redacted] to Everyone: ask [redacted] ([redacted])",
        redact.apply("From ADA  Example to Everyone: ask ada@Example.com (EMP-1042)"));
    assertEquals("[redacted] [redacted], [redacted]さん", redact.apply("Ada Example Ada\u00A0Example, 山田花子さん"));
    assertEquals("Adaexample, abc, Grace Sample", redact.apply("Adaexample, abc, Grace Sample"));
    assertEquals("x.[redacted]", redact.apply("x.ada@example.com"), "errs towards redacting");
    // An id containing \E cannot end the quoting early.
    String quoted = BigQueryPurgeSql.pattern(List.of(), List.of(), List.of("X\\E.1"));
    assertEquals("[redacted] XxE11", com.google.re2j.Pattern.compile(quoted).matcher("x\\E.1 XxE11")
        .replaceAll("$1$2[redacted]"));
    assertNull(BigQueryPurgeSql.pattern(List.of(), List.of(), List.of("abc")));
    assertFalse(BigQueryPurgeSql.pattern(List.of("josé núñez"), List.of(), List.of()).isEmpty());
  }

  @Test
  void namesAlsoMatchInDecomposedForm() {
    String p = BigQueryPurgeSql.pattern(List.of("josé núñez"), List.of(), List.of());
    com.google.re2j.Pattern re2 = com.google.re2j.Pattern.compile(p);
    String nfd = java.text.Normalizer.normalize("Hi José Núñez", java.text.Normalizer.Form.NFD);
    assertEquals("Hi [redacted]", re2.matcher(nfd).replaceAll("$1$2[redacted]"));
    assertEquals("Hi [redacted]", re2.matcher("Hi JOSÉ NÚÑEZ").replaceAll("$1$2[redacted]"));
  }
}
