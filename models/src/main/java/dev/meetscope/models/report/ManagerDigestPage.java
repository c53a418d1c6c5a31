package dev.meetscope.models.report;

import static dev.meetscope.models.report.Html.esc;
import static dev.meetscope.models.report.Html.num;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A manager's digest ({@code reports/managers/<manager_key>.html}): their direct reports' meetings per ISO
 * week, aggregated only — the weeks come from the manager view (docs/governance.md §5), where a team-week of
 * fewer than {@code --minGroupSize} people (at least 5) is never written, so this page cannot show one either.
 *
 * @param managerKey the manager's keyed pseudonym (no name or email appears)
 * @param weeks the team-week rows of the manager view: {@code week_start}, {@code people}, {@code meetings},
 *     {@code meeting_hours}, {@code engagement_mean}, {@code speaking_pct_mean}
 * @param minGroupSize the suppression threshold in force
 */
public record ManagerDigestPage(String managerKey, List<Map<String, Object>> weeks, int minGroupSize) {
  public ManagerDigestPage {
    weeks = List.copyOf(weeks);
  }

  /** The page's file name: the key made safe for any file system. */
  public static String fileName(String managerKey) {
    return managerKey.replaceAll("[^A-Za-z0-9._-]", "_") + ".html";
  }

  public String render() {
    List<Map<String, Object>> sorted = new ArrayList<>(weeks);
    sorted.sort(Comparator.comparing(w -> String.valueOf(w.get("week_start"))));
    StringBuilder b = new StringBuilder("<p><a href=\"../index.html\">← all meetings</a></p>");
    b.append("<h1>Team digest</h1><p class=\"muted\">Direct reports of manager ").append(esc(shortKey()))
        .append(" (pseudonymous key). Aggregates only: a week with fewer than ").append(minGroupSize)
        .append(" people in meetings is not shown.</p>");
    List<Charts.Bar> bars = new ArrayList<>();
    for (Map<String, Object> w : sorted) {
      Double e = number(w.get("engagement_mean"));
      if (e != null) {
        bars.add(new Charts.Bar("week of " + w.get("week_start"), e, num(e, 0) + "/100 · " + num(number(
            w.get("meeting_hours")), 1) + " h"));
      }
    }
    if (!bars.isEmpty()) {
      b.append(Charts.figure("team-engagement", "Mean engagement of the team's meeting rows per week, hours in"
          + " meetings", Charts.bars(bars, Charts.PALETTE[2])));
    }
    b.append("<table><tr><th>Week of</th><th>People</th><th>Meeting rows</th><th>Hours in meetings</th>"
        + "<th>Mean engagement</th><th>Mean speaking %</th></tr>");
    for (Map<String, Object> w : sorted) {
      b.append("<tr><td>").append(esc(String.valueOf(w.get("week_start")))).append("</td><td>")
          .append(num(number(w.get("people")), 0)).append("</td><td>").append(num(number(w.get("meetings")), 0))
          .append("</td><td>").append(num(number(w.get("meeting_hours")), 1)).append("</td><td>")
          .append(num(number(w.get("engagement_mean")), 0)).append("</td><td>")
          .append(num(number(w.get("speaking_pct_mean")), 1)).append("</td></tr>");
    }
    b.append("</table>");
    if (sorted.isEmpty()) {
      b.append("<p class=\"muted\">No week with enough people to report.</p>");
    }
    return Html.page("Team digest — Meetscope", b.toString());
  }

  private String shortKey() {
    return managerKey.length() <= 12 ? managerKey : managerKey.substring(0, 12) + "…";
  }

  private static Double number(Object v) {
    return v instanceof Number n ? n.doubleValue() : null;
  }
}
