package dev.meetscope.models.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.record.ActionItemRow;
import dev.meetscope.models.record.EngagementDrop;
import dev.meetscope.models.record.MassDropoff;
import dev.meetscope.models.record.MeetingAnomaly;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.MeetingTopic;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.SeriesTrend;
import dev.meetscope.models.record.TimelineMinute;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportPagesTest {
  private static final Instant START = Instant.parse("2026-03-02T15:00:00Z");

  static MeetingSummary meeting(String topic) {
    return new MeetingSummary("uuid/1==", "812", topic, START, START.plusSeconds(1800), 1800L, "report/report", 3, 3,
        1, 0.9, 900.0, 0.6, 0.35, 0.8, 30.0, List.of(), 2, 4, 0.5, 6,
        List.of(new MassDropoff(START.plusSeconds(1200), START.plusSeconds(1260), 1200.0, 1260.0, 2, 3, 0.67)),
        List.of(new EngagementDrop(10, 13, 41.0)), List.of(), List.of("Launch"), 61.5, 58.25,
        "\"Launch\" (30 min, 3 people): effectiveness 58/100.", List.of(), 0.9, "1.1.0");
  }

  static ParticipantMeeting person(String key, String name, boolean host, Double talk) {
    return new ParticipantMeeting("uuid/1==", key, name, name.toLowerCase() + "@example.com", host, START,
        START.plusSeconds(1800), 1800L, 1.0, 1, 0, 0L, 0L, 1.0, talk, talk == null ? null : talk / 9, 3, 100, 120.0,
        30.0, 0, 1, 0, 0, 2, 0, 0, 0, 0, null, "low", 0.55, List.of(), 70.0, 1.0, 0.8, 0.5, 0.33, 1.0, "exact",
        List.of(), 0.9, "1.1.0");
  }

  static List<TimelineMinute> minutes() {
    List<TimelineMinute> list = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      list.add(new TimelineMinute("uuid/1==", i, START.plusSeconds(60L * i), i < 20 ? 3 : 1, 0, i == 20 ? 2 : 0, 2,
          40.0, 1, 0, 0, 0.6, 50.0 + (i % 5), i < 15 ? 0 : 1, "1.1.0"));
    }
    return list;
  }

  private static MeetingPage page(String topic, boolean identities) {
    return new MeetingPage(meeting(topic),
        List.of(person("k-ada", "Adaline Quux", true, 600.0), person("k-bo", "Bodhi Zeta", false, 300.0),
            person("k-cy", "Cyrus Vex", false, null)),
        minutes(),
        List.of(new MeetingTopic("uuid/1==", 0, "launch plan", List.of("launch", "plan"), 300, 0.6, 3, List.of(),
            List.of(), "1.1.0"), new MeetingTopic("uuid/1==", 1, "budget", List.of("budget"), 200, 0.4, 2, List.of(),
            List.of(), "1.1.0")),
        List.of(new ActionItemRow("uuid/1==", "transcript", "t.vtt", 12, "Adaline Quux", START, 0L,
            "I will send the deck by Friday", "send the deck", "Adaline Quux", true, "by Friday", true, "modal_future", "1.1.0")),
        List.of(new MeetingAnomaly("uuid/1==", "812", "series", "participants", 3.0, 12.0, 4,
            "participants 3 is 75% below the median 12 of the series' other 4 occurrences", "1.1.0")),
        identities);
  }

  @Test
  void theHostPageHasEveryChartAndSectionAndNoNamesByDefault() {
    String html = page("Launch <review> & \"plan\"", false).render();
    for (String id : List.of("talk-time", "attendance", "engagement", "topics")) {
      assertTrue(html.contains("<figure class=\"chart\" id=\"" + id + "\">"), id);
    }
    for (String section : List.of("Talk time", "Attendance", "Engagement and sentiment", "Topics",
        "Balance and crosstalk", "Questions and action items", "Participants")) {
      assertTrue(html.contains("<h2>" + section + "</h2>"), section);
    }
    assertTrue(html.contains("Launch &lt;review&gt; &amp; &quot;plan&quot;"));
    assertFalse(html.contains("<review>"));
    for (String identity : List.of("Adaline", "Bodhi", "Cyrus", "@example.com", "k-ada")) {
      assertFalse(html.contains(identity), identity + " leaked");
    }
    assertTrue(html.contains("Person 1 (host)"));
    assertTrue(html.contains("Unusual: participants 3 is 75% below"));
    assertTrue(html.contains("Mass drop-off: 2 of 3 left around minute 20"));
    assertTrue(html.contains("send the deck"));
    // One talk bar per speaker with talk, one line per series, one cell per minute with a topic.
    assertEquals(2, count(html, "<rect class=\"mark\" x=\"210\""));
    assertEquals(30, count(html, "<rect class=\"mark\" x=\"[0-9.]+\" y=\"6\""));
    assertEquals(3, count(html, "<path class=\"mark\""));
    assertFalse(html.contains("http://") && html.contains("<script src"), "the page loads nothing from outside");
  }

  @Test
  void namesAppearOnlyWhenIdentitiesAreIncluded() {
    String html = page("Launch", true).render();
    assertTrue(html.contains("Adaline Quux (host)"));
    assertTrue(html.contains(">Bodhi Zeta<"));
  }

  @Test
  void theIndexListsMeetingsNewestFirstWithAlertsAndLinks() {
    MeetingSummary older = new MeetingSummary("old", "812", "Old sync", START.minusSeconds(86_400), null, 600L, null,
        2, 2, 0, 1.0, null, null, null, null, null, List.of(), null, null, null, null, List.of(), List.of(),
        List.of(), null, 40.0, 30.0, "s", List.of(), 0.5, "1.1.0");
    String html = new IndexPage(List.of(older, meeting("Launch")), Map.of("uuid/1==", "Ada"),
        List.of(new MeetingAnomaly("uuid/1==", "812", "host", "engagement_mean", 10.0, 60.0, 3, "engagement low",
            "1.1.0")),
        List.of(new SeriesTrend("812", "old", "Old sync", older.meetingStart(), 3, 3, 40.0, 30.0, 1.0, 2, true, 3,
            true, "1.1.0"))).render();
    assertTrue(html.indexOf("meetings/uuid_1__.html") < html.indexOf("meetings/old.html"));
    assertTrue(html.contains("engagement low; 1 mass drop-off; 1 engagement drop"));
    assertTrue(html.contains("3 occurrences in a row below the effectiveness threshold"));
    assertTrue(html.contains(">Ada<"));
    assertEquals(2, count(html, "<rect class=\"mark\""));
  }

  private static int count(String s, String regex) {
    Matcher m = Pattern.compile(regex).matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void aManagersDigestShowsTheTeamWeeksAndItsChart() {
    String html = new ManagerDigestPage("k-boss-0123456789abcdef", List.of(
        Map.of("week_start", "2026-03-09", "people", 6, "meetings", 14, "meeting_hours", 11.5,
            "engagement_mean", 58.2, "speaking_pct_mean", 12.5),
        Map.of("week_start", "2026-03-02", "people", 7, "meetings", 12, "meeting_hours", 9.25,
            "engagement_mean", 61.0, "speaking_pct_mean", 14.0)), 5).render();
    assertTrue(html.indexOf("2026-03-02") < html.indexOf("2026-03-09"), "weeks in order");
    assertTrue(html.contains("fewer than 5 people"));
    assertTrue(html.contains("k-boss-01234…"));
    assertEquals(2, count(html, "<rect class=\"mark\""));
    assertEquals("k-boss_1.html", ManagerDigestPage.fileName("k-boss/1"));
  }
}
