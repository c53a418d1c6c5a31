package dev.meetscope.transforms.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meetscope.models.record.ActionItemRow;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.DropoffAlert;
import dev.meetscope.models.record.LiveWindowStats;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.MeetingTopic;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.MeetingAnomaly;
import dev.meetscope.models.record.PersonWeek;
import dev.meetscope.models.record.ScoreComponent;
import dev.meetscope.models.record.SeriesTrend;
import dev.meetscope.models.record.TimelineMinute;
import dev.meetscope.models.record.Utterance;
import dev.meetscope.models.record.UtteranceSentiment;
import dev.meetscope.transforms.schema.RecordSchemaProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/tables.md} true to the code: its generated block must equal the schemas derived from
 * the records. Run with {@code -Dmeetscope.writeDocs=true} to rewrite the block after changing a record.
 */
class TableDocsTest {
  private static final Path DOC = Path.of("../docs/tables.md");
  private static final String BEGIN = "<!-- BEGIN GENERATED TABLES -->";
  private static final String END = "<!-- END GENERATED TABLES -->";

  static Map<String, Class<?>> tables() {
    Map<String, Class<?>> t = new LinkedHashMap<>();
    t.put("participant_session", ParticipantSession.class);
    t.put("utterance", Utterance.class);
    t.put("chat_message", ChatMessage.class);
    t.put("meeting_event", MeetingEvent.class);
    t.put("participant_meeting", ParticipantMeeting.class);
    t.put("meeting", MeetingSummary.class);
    t.put("meeting_timeline", TimelineMinute.class);
    t.put("score_component", ScoreComponent.class);
    t.put("series_trend", SeriesTrend.class);
    t.put("meeting_anomaly", MeetingAnomaly.class);
    t.put("person_week", PersonWeek.class);
    t.put("dead_letter", DeadLetter.class);
    t.put("utterance_sentiment", UtteranceSentiment.class);
    t.put("meeting_topic", MeetingTopic.class);
    t.put("action_item", ActionItemRow.class);
    t.put("live_window", LiveWindowStats.class);
    t.put("dropoff_alert", DropoffAlert.class);
    return t;
  }

  static String render() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Class<?>> e : tables().entrySet()) {
      sb.append("\n### `").append(e.getKey()).append("` (record `").append(e.getValue().getSimpleName())
          .append("`)\n\n| column | type | nullable |\n|---|---|---|\n");
      appendFields(sb, "", RecordSchemaProvider.schemaOf(e.getValue()));
    }
    return sb.toString();
  }

  /** One line per column; the fields of nested records follow as {@code column.field} or {@code column[].field}. */
  private static void appendFields(StringBuilder sb, String prefix, Schema s) {
    for (Schema.Field f : s.getFields()) {
      sb.append("| `").append(prefix).append(f.getName()).append("` | ").append(typeName(f.getType()))
          .append(" | ").append(f.getType().getNullable() ? "yes" : "no").append(" |\n");
      Schema.FieldType t = f.getType();
      if (t.getTypeName() == Schema.TypeName.ROW) {
        appendFields(sb, prefix + f.getName() + ".", t.getRowSchema());
      } else if (t.getTypeName() == Schema.TypeName.ARRAY
          && t.getCollectionElementType().getTypeName() == Schema.TypeName.ROW) {
        appendFields(sb, prefix + f.getName() + "[].", t.getCollectionElementType().getRowSchema());
      }
    }
  }

  private static String typeName(Schema.FieldType t) {
    return switch (t.getTypeName()) {
      case ARRAY -> "ARRAY<" + typeName(t.getCollectionElementType()) + ">";
      case DATETIME -> "TIMESTAMP (UTC, ms)";
      default -> t.getTypeName().name();
    };
  }

  @Test
  void docsListEveryColumnOfEveryTable() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int b = doc.indexOf(BEGIN);
    int e = doc.indexOf(END);
    String generated = render();
    if (Boolean.getBoolean("meetscope.writeDocs")) {
      doc = doc.substring(0, b + BEGIN.length()) + generated + doc.substring(e);
      Files.writeString(DOC, doc, StandardCharsets.UTF_8);
      e = doc.indexOf(END);
    }
    assertEquals(generated, doc.substring(b + BEGIN.length(), e),
        "docs/tables.md is stale: rerun this test with -Dmeetscope.writeDocs=true");
  }
}
