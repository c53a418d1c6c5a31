package dev.meetscope.models.stream;

import java.io.Serializable;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running presence of one meeting: joins and leaves per slice of the window period, as the window panes
 * report them, so the people present at any instant are all joins minus all leaves before it. Panes
 * accumulate, so a slice's counts only grow: recording keeps the larger value, whatever order panes of
 * overlapping windows arrive in. Slices no late event can change any more are folded into one base count,
 * so the ledger stays bounded however long the meeting runs.
 */
public final class PresenceLedger implements Serializable {
  private static final long serialVersionUID = 1L;

  private long baseJoins;
  private long baseLeaves;
  private long foldedBefore = Long.MIN_VALUE;
  private final TreeMap<Long, long[]> slices = new TreeMap<>();

  /** Records a slice's joins and leaves as one pane reports them. Slices already folded are ignored. */
  public void record(long sliceStart, long joins, long leaves) {
    if (sliceStart < foldedBefore) {
      return;
    }
    long[] s = slices.computeIfAbsent(sliceStart, k -> new long[2]);
    s[0] = Math.max(s[0], joins);
    s[1] = Math.max(s[1], leaves);
  }

  public void recordAll(Map<Long, long[]> sliceCounts) {
    sliceCounts.forEach((start, c) -> record(start, c[0], c[1]));
  }

  /** Joins minus leaves in all slices starting before {@code timeMs}. */
  public long netBefore(long timeMs) {
    long net = baseJoins - baseLeaves;
    for (Map.Entry<Long, long[]> s : slices.headMap(timeMs, false).entrySet()) {
      net += s.getValue()[0] - s.getValue()[1];
    }
    return net;
  }

  /** People present at {@code timeMs}: {@link #netBefore}, never below 0 (a stream may start mid-meeting). */
  public int presentAt(long timeMs) {
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, netBefore(timeMs)));
  }

  /** Folds every slice starting before {@code timeMs} into the base: no pane may change them any more. */
  public void foldBefore(long timeMs) {
    if (timeMs <= foldedBefore) {
      return;
    }
    Iterator<Map.Entry<Long, long[]>> it = slices.headMap(timeMs, false).entrySet().iterator();
    while (it.hasNext()) {
      long[] s = it.next().getValue();
      baseJoins += s[0];
      baseLeaves += s[1];
      it.remove();
    }
    foldedBefore = timeMs;
  }

  /** Slices still held apart (for tests and state-size checks). */
  public int openSlices() {
    return slices.size();
  }
}
