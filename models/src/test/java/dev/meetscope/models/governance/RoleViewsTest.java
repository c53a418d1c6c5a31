package dev.meetscope.models.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.meetscope.models.record.ParticipantMeeting;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleViewsTest {
  private static final Pseudonymizer KEYS =
      new Pseudonymizer("role-views-test-key-0123456789abcd".getBytes(StandardCharsets.UTF_8));

  /** Person i of the week, with a known key, 30 minutes in meeting m. */
  private static ParticipantMeeting row(String meeting, String email, double engagement) {
    return new ParticipantMeeting(meeting, KEYS.participantKey("email:" + email), null, null, false,
        Instant.parse("2026-03-04T15:00:00Z"), null, 1800L, 1.0, 1, 0, 0L, 0L, 1.0, null, 10.0, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, "none", null, null, engagement,
        null, null, null, null, null, "exact", List.of(), 1.0, "1.0.0");
  }

  @Test
  void teamsUnderTheThresholdAreNotReportedAndDepartmentsAreSuppressedComplementarily() {
    StringBuilder csv = new StringBuilder("person,manager_email,department\n");
    List<ParticipantMeeting> rows = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      csv.append("a").append(i).append("@example.com,boss-a@example.com,Eng\n");
      rows.add(row("m1", "a" + i + "@example.com", 60));
    }
    for (int i = 0; i < 4; i++) {
      csv.append("b").append(i).append("@example.com,boss-b@example.com,Sales\n");
      rows.add(row("m1", "b" + i + "@example.com", 40));
    }
    rows.add(row("m2", "a0@example.com", 80)); // a second meeting of one Eng person
    rows.add(row("m2", "guest@example.org", 50)); // not on the roster: "(no department)"
    RoleViews views = new RoleViews(Roster.parse(csv.toString()), KEYS, GroupSuppression.defaults());

    RoleViews.Week week = views.week(LocalDate.parse("2026-03-02"), rows);
    assertEquals(1, week.manager().size());
    RoleViews.Output team = week.manager().get(0);
    assertEquals(KEYS.participantKey("email:boss-a@example.com"), team.destination());
    assertEquals(6, team.row().get("people"));
    assertEquals(2, team.row().get("meetings"));
    assertEquals(3.5, team.row().get("meeting_hours")); // 7 rows × 30 min
    assertEquals(62.86, team.row().get("engagement_mean")); // (6 × 60 + 80) / 7

    // Org: 11 people. Sales (4) and (no department) (1) are hidden; together they hold 5, so Eng may show.
    assertEquals(List.of("org_week", "department_week"),
        week.peopleOps().stream().map(RoleViews.Output::destination).toList());
    assertEquals(11, week.peopleOps().get(0).row().get("people"));
    assertEquals("Eng", week.peopleOps().get(1).row().get("department"));
    assertEquals(3, week.suppressedGroups()); // team B, Sales, (no department)
  }

  @Test
  void aWeekOfFewerThanFivePeopleReportsNothing() {
    List<ParticipantMeeting> rows = List.of(row("m1", "x@example.com", 50), row("m1", "y@example.com", 50));
    RoleViews.Week week = new RoleViews(null, KEYS, GroupSuppression.defaults())
        .week(LocalDate.parse("2026-03-02"), rows);
    assertEquals(List.of(), week.manager());
    assertEquals(List.of(), week.peopleOps());
  }

  @Test
  void weeksStartOnMondayInUtcAndRowsWithoutTimeHaveNone() {
    assertEquals(LocalDate.parse("2026-03-02"), RoleViews.weekStart(row("m", "x@example.com", 1)));
    assertNull(RoleViews.weekStart(new ParticipantMeeting("m", "k", null, null, false, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, List.of(), null,
        null)));
  }
}
