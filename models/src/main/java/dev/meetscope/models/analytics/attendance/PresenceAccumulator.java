package dev.meetscope.models.analytics.attendance;

import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.analytics.MeetingSpan;
import dev.meetscope.models.analytics.Rounding;
import dev.meetscope.models.record.MassDropoff;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Mergeable presence of a whole meeting: the change of the number present at each instant, and the
 * departures that count for drop-offs. Its size follows the number of distinct timestamps (Zoom times are
 * whole seconds, so at most the meeting's length in seconds), not the number of people.
 *
 * <p>Mass drop-off (docs/metrics.md): a window {@code [t, t + dropoffWindowSeconds)} starting at a departure
 * qualifies when the departures in it are at least {@code dropoffShare} of those present just before
 * {@code t} and at least {@code dropoffMinLeavers}; departures in the last {@code dropoffExcludeLastSeconds}
 * of the meeting never count. Overlapping qualifying windows merge into one drop-off, reported from its
 * first to its last departure. A departure is a leave not followed by the same person's rejoin within the
 * window (see {@link AttendanceCalculator}), so breakout moves and reconnects are not drop-offs.
 */
public final class PresenceAccumulator implements Serializable {
  private final TreeMap<Long, Long> deltas = new TreeMap<>();
  private final TreeMap<Long, Long> departures = new TreeMap<>();

  public void add(List<Interval> presence, List<Long> departuresMs) {
    for (Interval i : presence) {
      if (!i.isEmpty()) {
        deltas.merge(i.startMs(), 1L, Long::sum);
        deltas.merge(i.endMs(), -1L, Long::sum);
      }
    }
    for (long d : departuresMs) {
      departures.merge(d, 1L, Long::sum);
    }
  }

  public PresenceAccumulator merge(PresenceAccumulator other) {
    other.deltas.forEach((k, v) -> deltas.merge(k, v, Long::sum));
    other.departures.forEach((k, v) -> departures.merge(k, v, Long::sum));
    return this;
  }

  /** Most people present at once (intervals are half-open: a leave and a join at one instant do not add). */
  public int peakConcurrent() {
    long present = 0;
    long peak = 0;
    for (long delta : deltas.values()) {
      present += delta;
      peak = Math.max(peak, present);
    }
    return (int) peak;
  }

  public List<MassDropoff> massDropoffs(MeetingSpan span, AnalyticsSettings settings) {
    long window = settings.dropoffWindowSeconds() * 1000;
    long cutoff = span.endMs() - settings.dropoffExcludeLastSeconds() * 1000;
    NavigableMap<Long, Long> eligible = departures.headMap(cutoff, false);
    TreeMap<Long, Long> presentBefore = presentBefore(eligible);
    List<long[]> segments = new ArrayList<>();
    for (Map.Entry<Long, Long> d : eligible.entrySet()) {
      long t = d.getKey();
      // A window reaching into the excluded last minutes counts only the departures before them (and a
      // sub-map of the head map must not reach past its bound).
      NavigableMap<Long, Long> inWindow = eligible.subMap(t, true, Math.min(t + window, cutoff), false);
      long leavers = sum(inWindow);
      long present = presentBefore.get(t);
      if (present > 0 && leavers >= settings.dropoffMinLeavers()
          && leavers >= settings.dropoffShare() * present - 1e-9) {
        long last = inWindow.lastKey();
        if (!segments.isEmpty() && t <= segments.get(segments.size() - 1)[1]) {
          long[] open = segments.get(segments.size() - 1);
          open[1] = Math.max(open[1], last);
        } else {
          segments.add(new long[] {t, last});
        }
      }
    }
    List<MassDropoff> out = new ArrayList<>();
    for (long[] s : segments) {
      long leavers = sum(eligible.subMap(s[0], true, s[1], true));
      long present = presentBefore.get(s[0]);
      out.add(new MassDropoff(span.instant(s[0]), span.instant(s[1]), span.offsetSeconds(s[0]),
          span.offsetSeconds(s[1]), (int) leavers, (int) present,
          Rounding.round6((double) leavers / present)));
    }
    return out;
  }

  /** Number present just before each departure time. */
  private TreeMap<Long, Long> presentBefore(NavigableMap<Long, Long> times) {
    TreeMap<Long, Long> out = new TreeMap<>();
    long present = 0;
    var deltaIt = deltas.entrySet().iterator();
    Map.Entry<Long, Long> next = deltaIt.hasNext() ? deltaIt.next() : null;
    for (long t : times.keySet()) {
      while (next != null && next.getKey() < t) {
        present += next.getValue();
        next = deltaIt.hasNext() ? deltaIt.next() : null;
      }
      out.put(t, present);
    }
    return out;
  }

  private static long sum(Map<Long, Long> m) {
    long s = 0;
    for (long v : m.values()) {
      s += v;
    }
    return s;
  }
}
