package dev.meetscope.models.scoring;

import dev.meetscope.models.analytics.Rounding;
import dev.meetscope.models.record.EngagementDrop;
import dev.meetscope.models.record.TimelineMinute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The per-minute engagement index of {@code meeting_timeline} and the {@code engagement_drops} found in it
 * (docs/metrics.md, "Scores").
 *
 * <p>Index: each signal (present, speakers active, talk seconds, chat messages, reactions, questions, sentiment,
 * and leaves counted negatively) is z-scored over the meeting's minutes; the index is {@code 50 + 10 · mean z},
 * clipped to [0, 100] — a T-score, so 50 is the meeting's own average minute and the scale is positive, which
 * the "30 % below the trailing median" rule needs. A signal with no value in any minute (no transcript, no
 * chat) or constant over the meeting is left out; a minute missing one signal gets z = 0 for it. With no
 * varying signal at all, every minute's index is null.
 */
public final class MinuteEngagement {
  private static final List<Signal> SIGNALS = List.of(
      new Signal(m -> toDouble(m.present()), 1),
      new Signal(m -> toDouble(m.speakersActive()), 1),
      new Signal(TimelineMinute::talkSeconds, 1),
      new Signal(m -> toDouble(m.chatMessages()), 1),
      new Signal(m -> toDouble(m.reactions()), 1),
      new Signal(m -> toDouble(m.questions()), 1),
      new Signal(TimelineMinute::sentimentMean, 1),
      new Signal(m -> toDouble(m.leaves()), -1));

  private record Signal(Function<TimelineMinute, Double> value, int sign) {}

  private MinuteEngagement() {}

  /** The index of each minute, in the order given; null for every minute when no signal varies. */
  public static Double[] index(List<TimelineMinute> minutes) {
    int n = minutes.size();
    double[] sum = new double[n];
    int used = 0;
    for (Signal s : SIGNALS) {
      Double[] v = new Double[n];
      double total = 0;
      int count = 0;
      for (int i = 0; i < n; i++) {
        v[i] = s.value().apply(minutes.get(i));
        if (v[i] != null && Double.isFinite(v[i])) {
          total += v[i];
          count++;
        } else {
          v[i] = null;
        }
      }
      if (count == 0) {
        continue;
      }
      double mean = total / count;
      double var = 0;
      for (Double x : v) {
        if (x != null) {
          var += (x - mean) * (x - mean);
        }
      }
      double sd = Math.sqrt(var / count);
      if (sd == 0) {
        continue;
      }
      used++;
      for (int i = 0; i < n; i++) {
        if (v[i] != null) {
          sum[i] += s.sign() * (v[i] - mean) / sd;
        }
      }
    }
    Double[] index = new Double[n];
    if (used == 0) {
      return index;
    }
    for (int i = 0; i < n; i++) {
      index[i] = Rounding.round6(Math.max(0, Math.min(100, 50 + 10 * sum[i] / used)));
    }
    return index;
  }

  /**
   * Runs of at least {@code min_minutes} consecutive minutes whose index is at least {@code drop_ratio} below
   * the median of the {@code trailing_minutes} minutes before it (at least 3 of them with an index). Minute
   * numbers are {@code minute_index} values; {@code end_minute} is the last minute of the run;
   * {@code drop_pct} is the mean of {@code 100 · (1 − index / trailing median)} over the run.
   *
   * @param minutes the meeting's minutes sorted by {@code minute_index}
   * @param index their indexes, as from {@link #index}
   */
  public static List<EngagementDrop> drops(List<TimelineMinute> minutes, Double[] index, ScoringProfile profile) {
    List<EngagementDrop> drops = new ArrayList<>();
    int runStart = -1;
    double runDrop = 0;
    for (int i = 0; i <= minutes.size(); i++) {
      Double drop = i < minutes.size() ? dropBelowTrailingMedian(index, i, profile) : null;
      if (drop != null) {
        if (runStart < 0) {
          runStart = i;
          runDrop = 0;
        }
        runDrop += drop;
      } else if (runStart >= 0) {
        int length = i - runStart;
        if (length >= profile.dropMinMinutes()) {
          drops.add(new EngagementDrop(minutes.get(runStart).minuteIndex(), minutes.get(i - 1).minuteIndex(),
              Rounding.round6(100 * runDrop / length)));
        }
        runStart = -1;
      }
    }
    return drops;
  }

  /** The fractional drop of minute {@code i} below its trailing median, or null when it is not a drop minute. */
  private static Double dropBelowTrailingMedian(Double[] index, int i, ScoringProfile profile) {
    if (index[i] == null) {
      return null;
    }
    double[] window = Arrays.stream(index, Math.max(0, i - profile.dropTrailingMinutes()), i)
        .filter(x -> x != null).mapToDouble(Double::doubleValue).sorted().toArray();
    if (window.length < 3) {
      return null;
    }
    int mid = window.length / 2;
    double median = window.length % 2 == 1 ? window[mid] : (window[mid - 1] + window[mid]) / 2;
    if (median <= 0) {
      return null;
    }
    double drop = 1 - index[i] / median;
    return drop >= profile.dropRatio() ? drop : null;
  }

  private static Double toDouble(Integer v) {
    return v == null ? null : v.doubleValue();
  }
}
