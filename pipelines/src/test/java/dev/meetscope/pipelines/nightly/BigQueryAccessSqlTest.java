package dev.meetscope.pipelines.nightly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.PersonWeek;
import dev.meetscope.transforms.sink.bigquery.BigQueryAccessSql;
import dev.meetscope.transforms.sink.bigquery.BigQueryAccessSql.Settings;
import dev.meetscope.transforms.sink.bigquery.BigQueryAccessSql.View;
import dev.meetscope.transforms.sink.bigquery.BigQueryTables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.schemas.Schema;
import org.junit.jupiter.api.Test;

/** The access SQL of docs/bigquery.sql against the real nightly tables. */
class BigQueryAccessSqlTest {
  static final Settings SETTINGS = new Settings("my-project", "meetscope", "meetscope_acl",
      "meetscope-pipeline@my-project.iam.gserviceaccount.com", "meetscope-admins@example.com",
      "meetscope-hosts@example.com", "meetscope-managers@example.com", "meetscope-people-ops@example.com");
  private static final List<String> IDENTITY = List.of("participant_key", "display_name", "original_name",
      "email", "speaker_label", "sender_label");

  private final BigQueryAccessSql sql = new BigQueryAccessSql(SETTINGS, NightlyTables.records());

  @Test
  void everyColumnTheSqlNamesExistsInItsTable() {
    Map<String, Set<String>> used = sql.referencedColumns();
    assertEquals(Set.of("participant_key", "meeting_key", "host_key", "first_join", "attended_seconds",
        "engagement_score", "speaking_pct"), used.get("participant_meeting"));
    used.forEach((table, columns) -> {
      Schema schema = BigQueryTables.rowSchema(NightlyTables.records().get(table));
      columns.forEach(c -> assertTrue(schema.hasField(c), table + "." + c));
    });
    // every table is named at least once (its policies), dead letters only by pipeline_all (no column)
    Set<String> expected = new java.util.HashSet<>(NightlyTables.records().keySet());
    expected.remove("dead_letter");
    assertEquals(expected, used.keySet());
  }

  @Test
  void aColumnTheTableDoesNotHaveFailsTheRendering() {
    // participant_meeting backed by a record without engagement_score, first_join, ...: the views cannot render
    Map<String, Class<?>> tables = new LinkedHashMap<>();
    tables.put("participant_meeting", PersonWeek.class);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new BigQueryAccessSql(SETTINGS, tables).render());
    // the first column it cannot find is the week's first_join (policies on person-level columns still render)
    assertEquals("the access SQL names participant_meeting.first_join, which the table (PersonWeek) does not"
        + " have", e.getMessage());
  }

  @Test
  void policiesPerTable() {
    assertEquals(List.of("pipeline_all", "host_own_meetings", "manager_direct_reports", "people_ops_aggregates"),
        sql.policies("participant_meeting"));
    assertEquals(List.of("pipeline_all", "host_own_meetings", "manager_direct_reports"),
        sql.policies("score_component"));
    // person_week has no meeting, so host_key is always null: no host policy, no host view
    assertEquals(List.of("pipeline_all", "manager_direct_reports"), sql.policies("person_week"));
    assertEquals(List.of("pipeline_all", "host_own_meetings"), sql.policies("meeting"));
    assertEquals(List.of("pipeline_all", "host_own_meetings"), sql.policies("utterance"));
    assertEquals(List.of("pipeline_all"), sql.policies("dead_letter"));
  }

  @Test
  void everyPerPersonTableGetsThePipelineAndManagerPoliciesAndEveryTableItsPolicies() {
    String script = sql.render();
    for (Map.Entry<String, Class<?>> t : NightlyTables.records().entrySet()) {
      Schema schema = BigQueryTables.rowSchema(t.getValue());
      List<String> policies = sql.policies(t.getKey());
      assertEquals(schema.hasField("participant_key"), policies.contains("manager_direct_reports"), t.getKey());
      assertEquals(schema.hasField("meeting_key") && !t.getKey().equals("dead_letter"),
          policies.contains("host_own_meetings"), t.getKey());
      assertTrue(policies.contains("pipeline_all"), t.getKey());
      for (String p : policies) {
        assertTrue(script.contains("CREATE OR REPLACE ROW ACCESS POLICY " + p + "\nON `my-project.meetscope."
            + t.getKey() + "`\n"), p + " on " + t.getKey());
      }
      assertEquals(sql.hostFacing(t.getKey()),
          script.contains("CREATE OR REPLACE VIEW `my-project.meetscope_host." + t.getKey() + "` AS"), t.getKey());
    }
    // 15 tables: 15 pipeline_all, 13 host_own_meetings, 3 manager_direct_reports, 1 people_ops_aggregates
    assertEquals(32, count(script, "CREATE OR REPLACE ROW ACCESS POLICY "));
    assertEquals(13 + 3, count(script, "CREATE OR REPLACE VIEW "));
  }

  @Test
  void policyFiltersAndGrantees() {
    String script = sql.render();
    assertTrue(script.contains("CREATE OR REPLACE ROW ACCESS POLICY pipeline_all\n"
        + "ON `my-project.meetscope.dead_letter`\n"
        + "GRANT TO (\"serviceAccount:meetscope-pipeline@my-project.iam.gserviceaccount.com\", "
        + "\"group:meetscope-admins@example.com\")\n"
        + "FILTER USING (TRUE);\n"));
    assertTrue(script.contains("CREATE OR REPLACE ROW ACCESS POLICY host_own_meetings\n"
        + "ON `my-project.meetscope.meeting`\n"
        + "GRANT TO (\"group:meetscope-hosts@example.com\")\n"
        + "FILTER USING (host_key IN (\n"
        + "    SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER()));\n"));
    assertTrue(script.contains("CREATE OR REPLACE ROW ACCESS POLICY manager_direct_reports\n"
        + "ON `my-project.meetscope.person_week`\n"
        + "GRANT TO (\"group:meetscope-managers@example.com\")\n"
        + "FILTER USING (participant_key IN (\n"
        + "    SELECT participant_key FROM `my-project.meetscope_acl.roster` WHERE manager_email = SESSION_USER()));\n"));
    // people-ops: a TRUE filter only on the table its views aggregate
    assertEquals(1, count(script, "GRANT TO (\"group:meetscope-people-ops@example.com\")"));
  }

  @Test
  void aggregateViewsSuppressGroupsUnderFiveAndCarryNoIdentity() {
    List<View> views = sql.aggregateViews();
    assertEquals(List.of("team_week", "department_week", "org_week"), views.stream().map(View::name).toList());
    assertEquals(List.of("_manager", "_people_ops", "_people_ops"),
        views.stream().map(View::datasetSuffix).toList());
    for (View v : views) {
      for (String identity : IDENTITY) {
        assertFalse(v.columns().contains(identity), v.name() + " returns " + identity);
      }
      // participant_key is only counted or joined on, never selected; no names, emails or SELECT pm.*
      String rest = v.sql().replace("COUNT(DISTINCT pm.participant_key)", "")
          .replace("r.participant_key = pm.participant_key", "");
      assertFalse(rest.contains("participant_key"), v.name());
      assertFalse(v.sql().contains("display_name"), v.name());
      assertFalse(v.sql().contains("original_name"), v.name());
      assertFalse(v.sql().contains("pm.email"), v.name());
      assertFalse(v.sql().contains("pm.*"), v.name());
      assertEquals(List.of("week_start", "people", "meetings", "meeting_hours", "engagement_mean",
          "speaking_pct_mean"), v.columns().stream().filter(c -> !c.equals("department")).toList());
    }
    assertTrue(views.get(0).sql().contains("WHERE r.manager_email = SESSION_USER()"));
    assertTrue(views.get(0).sql().endsWith("HAVING COUNT(DISTINCT pm.participant_key) >= 5;\n"));
    assertTrue(views.get(2).sql().endsWith("HAVING COUNT(DISTINCT pm.participant_key) >= 5;\n"));
    String dept = views.get(1).sql();
    assertTrue(dept.contains("WHERE people >= 5\n"));
    assertTrue(dept.contains("AND NOT (small_people > 0 AND small_people + reported_people_up_to_here - people < 5);"));
    assertTrue(dept.contains("SUM(IF(people < 5, people, 0)) OVER (PARTITION BY week_start) AS small_people"));
    assertTrue(dept.startsWith("CREATE OR REPLACE VIEW `my-project.meetscope_people_ops.department_week` AS\n"));
  }

  @Test
  void hostViewsFilterOnTheCallersMeetings() {
    assertTrue(sql.render().contains("CREATE OR REPLACE VIEW `my-project.meetscope_host.participant_meeting` AS\n"
        + "SELECT t.*\n"
        + "FROM `my-project.meetscope.participant_meeting` AS t\n"
        + "WHERE t.host_key IN (\n"
        + "  SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER());\n"));
    assertFalse(sql.render().contains("meetscope_host.dead_letter"));
    assertFalse(sql.render().contains("meetscope_host.person_week"));
  }

  @Test
  void grantsAndAuthorization() {
    String script = sql.render();
    assertTrue(script.contains("GRANT `roles/bigquery.dataViewer` ON SCHEMA `my-project.meetscope_host` TO "
        + "\"group:meetscope-hosts@example.com\";\n"));
    assertTrue(script.contains("GRANT `roles/bigquery.dataViewer` ON SCHEMA `my-project.meetscope_manager` TO "
        + "\"group:meetscope-managers@example.com\";\n"));
    assertTrue(script.contains("GRANT `roles/bigquery.dataViewer` ON SCHEMA `my-project.meetscope_people_ops` TO "
        + "\"group:meetscope-people-ops@example.com\";\n"));
    // no audience gets a role on the core or ACL dataset
    assertFalse(Pattern.compile("ON SCHEMA `my-project\\.meetscope(_acl)?` TO \"group:meetscope-(hosts|managers|"
        + "people-ops)").matcher(script).find());
    assertTrue(script.contains("--   {\"dataset\": {\"dataset\": {\"projectId\": \"my-project\", \"datasetId\": "
        + "\"meetscope_people_ops\"}, \"targetTypes\": [\"VIEWS\"]}}\n"));
  }

  @Test
  void settingsAreChecked() {
    assertEquals("the hosts group must be an email address, got 'hosts\"; DROP'",
        assertThrows(IllegalArgumentException.class, () -> new Settings("my-project", "meetscope",
            "meetscope_acl", "sa@x.iam.gserviceaccount.com", "a@example.com", "hosts\"; DROP", "m@example.com",
            "p@example.com")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Settings("my-project", "meetscope", "meetscope",
        "sa@x.iam.gserviceaccount.com", "a@example.com", "h@example.com", "m@example.com", "p@example.com"));
    assertThrows(IllegalArgumentException.class, () -> new Settings("My Project", "meetscope", "acl",
        "sa@x.iam.gserviceaccount.com", "a@example.com", "h@example.com", "m@example.com", "p@example.com"));
    Map<String, Class<?>> noPeople = Map.of("dead_letter", DeadLetter.class);
    assertThrows(IllegalArgumentException.class, () -> new BigQueryAccessSql(SETTINGS, noPeople));
  }

  private static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
