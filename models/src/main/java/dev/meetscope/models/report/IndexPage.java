package dev.meetscope.models.report;

import static dev.meetscope.models.report.Html.esc;
import static dev.meetscope.models.report.Html.num;

import dev.meetscope.models.record.MeetingAnomaly;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.SeriesTrend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code reports/index.html}: every meeting of the run (date, topic, host, participants, effectiveness, engagement,
 * alerts), newest first, linking to its page, with a chart of effectiveness per meeting.
 *
 * @param hostNames meeting key → host display name; empty unless identities may be shown
 */
public record IndexPage(List<MeetingSummary> meetings, Map<String, String> hostNames, List<MeetingAnomaly> anomalies,
    List<SeriesTrend> series) {
  public IndexPage {
    meetings = List.copyOf(meetings);
    hostNames = Map.copyOf(hostNames);
    anomalies = List.copyOf(anomalies);
    series = List.copyOf(series);
  }

  public String render() {
    List<MeetingSummary> sorted = new ArrayList<>(meetings);
    sorted.sort(Comparator.comparing(MeetingSummary::meetingStart, Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(MeetingSummary::meetingKey));
    StringBuilder b = new StringBuilder("<h1>Meetings</h1><p class=\"muted\">").append(sorted.size())
        .append(sorted.size() == 1 ? " meeting" : " meetings").append(" in this run. Scores are 0–100; see"
            + " docs/metrics.md.</p>");
    List<Charts.Bar> bars = new ArrayList<>();
    for (MeetingSummary m : sorted) {
      if (m.effectivenessScore() != null && bars.size() < 40) {
        bars.add(new Charts.Bar(Html.date(m.meetingStart()) + " " + (m.topic() == null ? m.meetingKey() : m.topic()),
            m.effectivenessScore(), num(m.effectivenessScore(), 0) + "/100"));
      }
    }
    if (!bars.isEmpty()) {
      b.append(Charts.figure("effectiveness", "Effectiveness per meeting (newest 40)", Charts.bars(bars,
          Charts.PALETTE[4])));
    }
    b.append("<table><tr><th>Date</th><th class=\"text\">Topic</th><th class=\"text\">Host</th><th>People</th>"
        + "<th>Effectiveness</th><th>Engagement</th><th class=\"text\">Alerts</th></tr>");
    for (MeetingSummary m : sorted) {
      List<String> alerts = new ArrayList<>();
      anomalies.stream().filter(a -> a.meetingKey().equals(m.meetingKey())).forEach(a -> alerts.add(a.reason()));
      series.stream().filter(s -> s.meetingKey().equals(m.meetingKey()) && Boolean.TRUE.equals(s.alert()))
          .forEach(s -> alerts.add(s.consecutiveBelow() + " occurrences in a row below the effectiveness threshold"));
      if (m.massDropoffs() != null && !m.massDropoffs().isEmpty()) {
        alerts.add(m.massDropoffs().size() + " mass drop-off" + (m.massDropoffs().size() == 1 ? "" : "s"));
      }
      if (m.engagementDrops() != null && !m.engagementDrops().isEmpty()) {
        alerts.add(m.engagementDrops().size() + " engagement drop" + (m.engagementDrops().size() == 1 ? "" : "s"));
      }
      b.append("<tr><td>").append(Html.dateTime(m.meetingStart())).append("</td><td class=\"text\"><a href=\"meetings/")
          .append(esc(MeetingPage.fileName(m.meetingKey()))).append("\">")
          .append(esc(m.topic() == null ? m.meetingKey() : m.topic())).append("</a></td><td class=\"text\">")
          .append(esc(hostNames.getOrDefault(m.meetingKey(), "–"))).append("</td><td>").append(num(m.participants(), 0))
          .append("</td><td><b>").append(num(m.effectivenessScore(), 0)).append("</b></td><td>")
          .append(num(m.engagementMean(), 0)).append("</td><td class=\"text\">").append(esc(String.join("; ", alerts)))
          .append("</td></tr>");
    }
    b.append("</table>");
    return Html.page("Meetings — Meetscope", b.toString());
  }
}
