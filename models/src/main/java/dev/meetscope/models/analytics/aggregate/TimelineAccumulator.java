package dev.meetscope.models.analytics.aggregate;

import dev.meetscope.models.analytics.MeetingContext;
import dev.meetscope.models.analytics.MeetingSpan;
import dev.meetscope.models.analytics.MetricsVersion;
import dev.meetscope.models.record.TimelineMinute;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Mergeable per-minute timeline ({@code meeting_timeline}): the sum of the people's {@link MinuteTally}s,
 * one entry per minute (bounded by the meeting's length, not its size). {@code extract} writes every minute
 * of the span, empty ones as 0, and nulls the columns whose source is missing.
 */
public final class TimelineAccumulator implements Serializable {
  // minute → present, joins, leaves, speakers, talkMs, chatMessages, reactions, questions
  private final TreeMap<Integer, long[]> minutes = new TreeMap<>();

  public void add(PersonContribution c) {
    for (MinuteTally t : c.minutes()) {
      long[] m = minutes.computeIfAbsent(t.minute(), k -> new long[8]);
      m[0] += t.present();
      m[1] += t.joins();
      m[2] += t.leaves();
      m[3] += t.speakers();
      m[4] += t.talkMs();
      m[5] += t.chatMessages();
      m[6] += t.reactions();
      m[7] += t.questions();
    }
  }

  public TimelineAccumulator merge(TimelineAccumulator other) {
    other.minutes.forEach((k, v) -> {
      long[] m = minutes.computeIfAbsent(k, x -> new long[8]);
      for (int i = 0; i < m.length; i++) {
        m[i] += v[i];
      }
    });
    return this;
  }

  public List<TimelineMinute> extract(MeetingContext ctx) {
    MeetingSpan span = ctx.span();
    boolean attendance = ctx.attendanceAvailable();
    boolean speech = ctx.transcriptAvailable();
    boolean chat = ctx.chatAvailable();
    List<TimelineMinute> out = new ArrayList<>(span.minutes());
    for (int i = 0; i < span.minutes(); i++) {
      long[] m = minutes.getOrDefault(i, new long[8]);
      out.add(new TimelineMinute(ctx.meetingKey(), i, span.instant(span.startMs() + i * 60_000L),
          attendance ? (int) m[0] : null,
          attendance ? (int) m[1] : null,
          attendance ? (int) m[2] : null,
          speech ? (int) m[3] : null,
          speech ? m[4] / 1000.0 : null,
          chat ? (int) m[5] : null,
          chat ? (int) m[6] : null,
          speech || chat ? (int) m[7] : null,
          null, null, null,
          MetricsVersion.CURRENT));
    }
    return out;
  }
}
