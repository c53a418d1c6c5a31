package dev.meetscope.models.stream;

import dev.meetscope.models.record.MeetingEvent;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The mergeable counts of one meeting's events in one window: the accumulator of the streaming job's
 * windowed {@code CombineFn}, so a 10,000-person meeting can be pre-combined on many workers (hot-key
 * fan-out) and merged. It also keeps joins and leaves per slice of the window period (epoch-aligned), from
 * which the present count is rebuilt downstream; those slice counts only grow as panes accumulate.
 */
public final class WindowTally implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long periodMs;
  private long events;
  private long joins;
  private long leaves;
  private long departures;
  private long chatMessages;
  private long questions;
  private long reactions;
  private long ended;
  private long maxEventMs = Long.MIN_VALUE;
  private String meetingId;
  private final Set<String> chatters = new HashSet<>();
  /** slice start (epoch ms, a multiple of the period) → {joins, leaves}. */
  private final TreeMap<Long, long[]> slices = new TreeMap<>();

  public WindowTally(long periodMs) {
    if (periodMs <= 0) {
      throw new IllegalArgumentException("period must be positive: " + periodMs);
    }
    this.periodMs = periodMs;
  }

  /** Adds one accepted activity event whose event time is {@code eventMs}. */
  public WindowTally add(MeetingEvent e, long eventMs) {
    events++;
    maxEventMs = Math.max(maxEventMs, eventMs);
    meetingId = maxNonNull(meetingId, e.meetingId());
    if (StreamEvents.isJoin(e)) {
      joins++;
      slice(eventMs)[0]++;
    } else if (StreamEvents.isLeave(e)) {
      leaves++;
      slice(eventMs)[1]++;
      if (StreamEvents.isDeparture(e)) {
        departures++;
      }
    } else if (StreamEvents.isEnded(e)) {
      ended++;
    } else if (StreamEvents.isPublicChat(e)) {
      chatters.add(StreamEvents.chatterKey(e));
      if (StreamEvents.isEmojiOnly(e)) {
        reactions++;
      } else {
        chatMessages++;
        if (StreamEvents.isQuestion(e)) {
          questions++;
        }
      }
    }
    return this;
  }

  public WindowTally merge(WindowTally o) {
    if (o.periodMs != periodMs) {
      throw new IllegalArgumentException("cannot merge tallies of different periods");
    }
    events += o.events;
    joins += o.joins;
    leaves += o.leaves;
    departures += o.departures;
    chatMessages += o.chatMessages;
    questions += o.questions;
    reactions += o.reactions;
    ended += o.ended;
    maxEventMs = Math.max(maxEventMs, o.maxEventMs);
    meetingId = maxNonNull(meetingId, o.meetingId);
    chatters.addAll(o.chatters);
    for (Map.Entry<Long, long[]> s : o.slices.entrySet()) {
      long[] mine = slices.computeIfAbsent(s.getKey(), k -> new long[2]);
      mine[0] += s.getValue()[0];
      mine[1] += s.getValue()[1];
    }
    return this;
  }

  private long[] slice(long eventMs) {
    return slices.computeIfAbsent(Math.floorDiv(eventMs, periodMs) * periodMs, k -> new long[2]);
  }

  /** The deterministic choice among the meeting ids seen (they are all the same in practice). */
  private static String maxNonNull(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) >= 0 ? a : b;
  }

  public long periodMs() {
    return periodMs;
  }

  public long events() {
    return events;
  }

  public long joins() {
    return joins;
  }

  public long leaves() {
    return leaves;
  }

  public long departures() {
    return departures;
  }

  public long chatMessages() {
    return chatMessages;
  }

  public long questions() {
    return questions;
  }

  public long reactions() {
    return reactions;
  }

  /** {@code meeting.ended} events in the window. */
  public long ended() {
    return ended;
  }

  /** Newest event time added, or {@code Long.MIN_VALUE} when empty. */
  public long maxEventMs() {
    return maxEventMs;
  }

  public String meetingId() {
    return meetingId;
  }

  public int activeChatters() {
    return chatters.size();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WindowTally t)) {
      return false;
    }
    if (t.periodMs != periodMs || t.events != events || t.joins != joins || t.leaves != leaves
        || t.departures != departures || t.chatMessages != chatMessages || t.questions != questions
        || t.reactions != reactions || t.ended != ended || t.maxEventMs != maxEventMs
        || !java.util.Objects.equals(t.meetingId, meetingId) || !t.chatters.equals(chatters)
        || !t.slices.keySet().equals(slices.keySet())) {
      return false;
    }
    for (Map.Entry<Long, long[]> s : slices.entrySet()) {
      if (!java.util.Arrays.equals(s.getValue(), t.slices.get(s.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(periodMs, events, joins, leaves, chatMessages, maxEventMs, meetingId,
        chatters.size(), slices.keySet());
  }

  /** Joins and leaves per slice start, a copy. */
  public TreeMap<Long, long[]> slices() {
    TreeMap<Long, long[]> copy = new TreeMap<>();
    slices.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }
}
