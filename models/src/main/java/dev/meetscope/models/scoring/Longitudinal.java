package dev.meetscope.models.scoring;

import dev.meetscope.models.analytics.Rounding;
import dev.meetscope.models.record.MeetingAnomaly;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.PersonWeek;
import dev.meetscope.models.record.SeriesTrend;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Views across meetings of one run (docs/metrics.md, section 11): {@code series_trend} per recurring meeting,
 * {@code meeting_anomaly} against the series' and the host's usual level, {@code person_week} per person and ISO
 * week. Only what the run's input holds is compared; nothing is read from earlier runs.
 */
public final class Longitudinal {
  private Longitudinal() {}

  /**
   * What the cross-meeting views need of one scored meeting.
   *
   * @param hostKey participant key of the meeting's host, or null when no host is known
   */
  public record MeetingFacts(String meetingKey, String meetingId, String topic, Instant meetingStart,
      Integer participants, Double avgAttendanceRatio, Double engagementMean, Double effectivenessScore,
      String hostKey) implements Serializable {
    public static MeetingFacts of(MeetingSummary m, String hostKey) {
      return new MeetingFacts(m.meetingKey(), m.meetingId(), m.topic(), m.meetingStart(), m.participants(),
          m.avgAttendanceRatio(), m.engagementMean(), m.effectivenessScore(), hostKey);
    }
  }

  /** A person's row with its meeting's start, for {@link #personWeek}. */
  public record Attended(Instant meetingStart, ParticipantMeeting row) {}

  private static final Comparator<MeetingFacts> BY_START = Comparator
      .comparing(MeetingFacts::meetingStart, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(MeetingFacts::meetingKey);

  /** The {@code series_trend} rows of one meeting id's occurrences. */
  public static List<SeriesTrend> seriesTrend(List<MeetingFacts> occurrences, ScoringProfile profile,
      String version) {
    List<MeetingFacts> sorted = new ArrayList<>(occurrences);
    sorted.sort(BY_START);
    List<SeriesTrend> rows = new ArrayList<>();
    int run = 0;
    for (int i = 0; i < sorted.size(); i++) {
      MeetingFacts f = sorted.get(i);
      Boolean below = f.effectivenessScore() == null ? null : f.effectivenessScore() < profile.seriesAlertThreshold();
      // An unscored occurrence breaks no run and extends none: it says nothing either way.
      run = below == null ? run : below ? run + 1 : 0;
      rows.add(new SeriesTrend(f.meetingId(), f.meetingKey(), f.topic(), f.meetingStart(), i + 1, sorted.size(),
          f.engagementMean(), f.effectivenessScore(), f.avgAttendanceRatio(), f.participants(), below,
          below == null ? null : run, Boolean.TRUE.equals(below) && run >= profile.seriesAlertConsecutive(),
          version));
    }
    return rows;
  }

  private record Metric(String name, Function<MeetingFacts, Double> value, String unit) {}

  private static final List<Metric> METRICS = List.of(
      new Metric("participants", f -> f.participants() == null ? null : f.participants().doubleValue(), ""),
      new Metric("avg_attendance_ratio", MeetingFacts::avgAttendanceRatio, ""),
      new Metric("engagement_mean", MeetingFacts::engagementMean, "/100"));

  /**
   * Meetings whose participants, mean attendance ratio or mean engagement is at least
   * {@code anomaly.below_ratio} below the median of their series' other occurrences, or of their host's other
   * meetings, when that baseline holds at least {@code anomaly.min_baseline} meetings.
   */
  public static List<MeetingAnomaly> anomalies(List<MeetingFacts> meetings, ScoringProfile profile,
      String version) {
    List<MeetingAnomaly> out = new ArrayList<>();
    List<MeetingFacts> sorted = new ArrayList<>(meetings);
    sorted.sort(BY_START);
    for (MeetingFacts m : sorted) {
      for (String baseline : List.of("series", "host")) {
        String key = baseline.equals("series") ? m.meetingId() : m.hostKey();
        if (key == null) {
          continue;
        }
        List<MeetingFacts> others = sorted.stream().filter(o -> o != m && !o.meetingKey().equals(m.meetingKey())
            && key.equals(baseline.equals("series") ? o.meetingId() : o.hostKey())).toList();
        for (Metric metric : METRICS) {
          Double value = metric.value().apply(m);
          double[] base = others.stream().map(metric.value()).filter(Objects::nonNull)
              .mapToDouble(Double::doubleValue).sorted().toArray();
          if (value == null || base.length < profile.anomalyMinBaseline()) {
            continue;
          }
          double median = median(base);
          if (median <= 0 || value > (1 - profile.anomalyBelowRatio()) * median) {
            continue;
          }
          String what = baseline.equals("series") ? "the series' other " + base.length + " occurrences"
              : "the host's other " + base.length + " meetings";
          String reason = String.format(Locale.ROOT, "%s %s is %.0f%% below the median %s of %s", metric.name(),
              number(value) + metric.unit(), 100 * (1 - value / median), number(median) + metric.unit(), what);
          out.add(new MeetingAnomaly(m.meetingKey(), m.meetingId(), baseline, metric.name(), Rounding.round6(value),
              Rounding.round6(median), base.length, reason, version));
        }
      }
    }
    return out;
  }

  /** The ISO week ({@code YYYY-Www}, UTC) of a meeting start; null when the start is unknown. */
  public static String isoWeek(Instant start) {
    if (start == null) {
      return null;
    }
    var d = start.atZone(ZoneOffset.UTC).toLocalDate();
    return String.format(Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR),
        d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** One person's {@code person_week} row from their meetings of that week. */
  public static PersonWeek personWeek(String participantKey, String isoWeek, List<Attended> meetings,
      String version) {
    List<Attended> sorted = new ArrayList<>(meetings);
    sorted.sort(Comparator.comparing(Attended::meetingStart, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(a -> a.row().meetingKey()));
    long seconds = 0;
    double engagement = 0;
    int engaged = 0;
    List<Double> speaking = new ArrayList<>();
    for (Attended a : sorted) {
      ParticipantMeeting p = a.row();
      seconds += p.attendedSeconds() == null ? 0 : p.attendedSeconds();
      if (p.engagementScore() != null) {
        engagement += p.engagementScore();
        engaged++;
      }
      if (p.speakingPct() != null) {
        speaking.add(p.speakingPct());
      }
    }
    return new PersonWeek(participantKey, isoWeek, sorted.size(), Rounding.round6(seconds / 3600.0),
        engaged == 0 ? null : Rounding.round6(engagement / engaged),
        speaking.isEmpty() ? null : Rounding.round6(speaking.stream().mapToDouble(Double::doubleValue).average()
            .orElseThrow()), Rounding.round6(slope(speaking)), version);
  }

  /** Least-squares slope of {@code y} against 0, 1, 2, …; null with fewer than two points. */
  static Double slope(List<Double> y) {
    int n = y.size();
    if (n < 2) {
      return null;
    }
    double meanX = (n - 1) / 2.0;
    double meanY = y.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double num = 0;
    double den = 0;
    for (int i = 0; i < n; i++) {
      num += (i - meanX) * (y.get(i) - meanY);
      den += (i - meanX) * (i - meanX);
    }
    return num / den;
  }

  private static double median(double[] sorted) {
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static String number(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
