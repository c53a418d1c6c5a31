package dev.meetscope.models.analytics.attendance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Interval arithmetic on half-open intervals. */
public final class Intervals {
  private Intervals() {}

  /**
   * The union as sorted, disjoint intervals. Intervals that overlap, touch, or are separated by a gap of at
   * most {@code bridgeGapMs} become one (the bridged gap counts as covered). Empty intervals are dropped.
   */
  public static List<Interval> union(List<Interval> intervals, long bridgeGapMs) {
    List<Interval> sorted = new ArrayList<>();
    for (Interval i : intervals) {
      if (!i.isEmpty()) {
        sorted.add(i);
      }
    }
    sorted.sort(Comparator.comparingLong(Interval::startMs).thenComparingLong(Interval::endMs));
    List<Interval> out = new ArrayList<>();
    long start = 0;
    long end = 0;
    boolean open = false;
    for (Interval i : sorted) {
      if (open && i.startMs() <= end + bridgeGapMs) {
        end = Math.max(end, i.endMs());
      } else {
        if (open) {
          out.add(new Interval(start, end));
        }
        start = i.startMs();
        end = i.endMs();
        open = true;
      }
    }
    if (open) {
      out.add(new Interval(start, end));
    }
    return out;
  }

  /** Each interval cut to {@code [fromMs, toMs)}; intervals left empty are dropped. */
  public static List<Interval> clip(List<Interval> intervals, long fromMs, long toMs) {
    List<Interval> out = new ArrayList<>();
    for (Interval i : intervals) {
      Interval c = new Interval(Math.max(i.startMs(), fromMs), Math.min(i.endMs(), toMs));
      if (!c.isEmpty()) {
        out.add(c);
      }
    }
    return out;
  }

  public static long totalLengthMs(List<Interval> intervals) {
    long total = 0;
    for (Interval i : intervals) {
      total += i.lengthMs();
    }
    return total;
  }

  /**
   * Length of {@code [startMs, endMs)} outside the given sorted disjoint intervals, each widened by
   * {@code toleranceMs} on both sides.
   */
  public static long outsideMs(long startMs, long endMs, List<Interval> disjoint, long toleranceMs) {
    long inside = 0;
    List<Interval> widened = new ArrayList<>();
    for (Interval i : disjoint) {
      widened.add(new Interval(i.startMs() - toleranceMs, i.endMs() + toleranceMs));
    }
    for (Interval w : union(widened, 0)) {
      long a = Math.max(startMs, w.startMs());
      long b = Math.min(endMs, w.endMs());
      if (b > a) {
        inside += b - a;
      }
    }
    return Math.max(0, endMs - startMs) - inside;
  }
}
