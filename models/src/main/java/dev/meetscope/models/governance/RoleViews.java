package dev.meetscope.models.governance;

import dev.meetscope.models.record.ParticipantMeeting;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The aggregated role views of one ISO week (docs/governance.md §5), from the week's protected
 * participant_meeting rows (participant_key already the keyed HMAC):
 *
 * <ul>
 *   <li>manager: per manager of the roster, their direct reports' meetings, hours, mean engagement and mean
 *       speaking share; a team-week with fewer than {@link GroupSuppression#threshold()} distinct people is
 *       not reported. The manager is named by {@code manager_key} (the key of {@code email:<manager>}), so
 *       no email appears in the rows or in the folder names;
 *   <li>people_ops: the organisation-week (everyone in the week's rows, suppressed below the threshold) and
 *       department-weeks with complementary suppression ({@link GroupSuppression#applyWithComplement}), so
 *       the organisation total minus the reported departments cannot reveal a small one.
 * </ul>
 * Rows are maps in column order, ready for JSON. People are matched to the roster by their participant_key,
 * i.e. when the identity the analysis chose is the one the roster lists (an email or customer key).
 */
public final class RoleViews {
  private final Map<String, String> managerOfKey = new HashMap<>();
  private final Map<String, String> departmentOfKey = new HashMap<>();
  private final Map<String, String> managerKeyOf = new HashMap<>();
  private final GroupSuppression suppression;

  public RoleViews(Roster roster, Pseudonymizer keys, GroupSuppression suppression) {
    this.suppression = suppression;
    if (roster != null) {
      for (RosterEntry e : roster.entries()) {
        String key = keys.participantKey(e.stableIdentity());
        managerOfKey.put(key, e.managerEmail());
        if (e.department() != null) {
          departmentOfKey.put(key, e.department());
        }
        managerKeyOf.computeIfAbsent(e.managerEmail(), m -> keys.participantKey("email:" + m));
      }
    }
  }

  /** The Monday of the ISO week (UTC) of a row's first join; null when the row has no time. */
  public static LocalDate weekStart(ParticipantMeeting row) {
    if (row.firstJoin() == null) {
      return null;
    }
    return row.firstJoin().atZone(ZoneOffset.UTC).toLocalDate()
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** One output: the destination (a manager key, or a people-ops table) and its rows. */
  public record Output(String destination, Map<String, Object> row) {}

  /** Suppression counts of one week, for counters. */
  public record Week(List<Output> manager, List<Output> peopleOps, int suppressedGroups) {}

  public Week week(LocalDate weekStart, List<ParticipantMeeting> rows) {
    Map<String, List<ParticipantMeeting>> byManager = new TreeMap<>();
    Map<String, List<ParticipantMeeting>> byDepartment = new TreeMap<>();
    for (ParticipantMeeting r : rows) {
      String manager = managerOfKey.get(r.participantKey());
      if (manager != null) {
        byManager.computeIfAbsent(manager, m -> new ArrayList<>()).add(r);
      }
      byDepartment.computeIfAbsent(departmentOfKey.getOrDefault(r.participantKey(), "(no department)"),
          d -> new ArrayList<>()).add(r);
    }
    int suppressed = 0;
    List<Output> manager = new ArrayList<>();
    for (Map.Entry<String, List<ParticipantMeeting>> e : byManager.entrySet()) {
      if (!suppression.reportable(people(e.getValue()))) {
        suppressed++;
        continue;
      }
      String managerKey = managerKeyOf.get(e.getKey());
      Map<String, Object> row = aggregate("manager_key", managerKey, weekStart, e.getValue());
      manager.add(new Output(managerKey, row));
    }
    List<Output> peopleOps = new ArrayList<>();
    if (suppression.reportable(people(rows))) {
      peopleOps.add(new Output("org_week", aggregate(null, null, weekStart, rows)));
      List<Map.Entry<String, List<ParticipantMeeting>>> departments = new ArrayList<>(byDepartment.entrySet());
      GroupSuppression.Result<Map.Entry<String, List<ParticipantMeeting>>> kept =
          suppression.applyWithComplement(departments, d -> people(d.getValue()));
      suppressed += kept.suppressed();
      for (Map.Entry<String, List<ParticipantMeeting>> d : kept.kept()) {
        peopleOps.add(new Output("department_week", aggregate("department", d.getKey(), weekStart,
            d.getValue())));
      }
    } else {
      suppressed += 1 + byDepartment.size();
    }
    return new Week(manager, peopleOps, suppressed);
  }

  private static long people(List<ParticipantMeeting> rows) {
    Set<String> keys = new TreeSet<>();
    rows.forEach(r -> keys.add(r.participantKey()));
    return keys.size();
  }

  private static Map<String, Object> aggregate(String groupColumn, String group, LocalDate weekStart,
      List<ParticipantMeeting> rows) {
    Set<String> people = new TreeSet<>();
    Set<String> meetings = new TreeSet<>();
    long seconds = 0;
    double engagement = 0;
    int engagementN = 0;
    double speaking = 0;
    int speakingN = 0;
    for (ParticipantMeeting r : rows) {
      people.add(r.participantKey());
      meetings.add(r.meetingKey());
      seconds += r.attendedSeconds() == null ? 0 : r.attendedSeconds();
      if (r.engagementScore() != null) {
        engagement += r.engagementScore();
        engagementN++;
      }
      if (r.speakingPct() != null) {
        speaking += r.speakingPct();
        speakingN++;
      }
    }
    Map<String, Object> row = new LinkedHashMap<>();
    if (groupColumn != null) {
      row.put(groupColumn, group);
    }
    row.put("week_start", weekStart.toString());
    row.put("people", people.size());
    row.put("meetings", meetings.size());
    row.put("meeting_hours", Math.round(seconds / 36.0) / 100.0);
    row.put("engagement_mean", engagementN == 0 ? null : Math.round(engagement / engagementN * 100) / 100.0);
    row.put("speaking_pct_mean", speakingN == 0 ? null : Math.round(speaking / speakingN * 100) / 100.0);
    return row;
  }
}
