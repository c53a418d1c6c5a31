package dev.meetscope.models.analytics.aggregate;

import static dev.meetscope.models.analytics.Rounding.round6;

import dev.meetscope.models.analytics.MeetingContext;
import dev.meetscope.models.analytics.MeetingSpan;
import dev.meetscope.models.analytics.MetricsVersion;
import dev.meetscope.models.analytics.attendance.PresenceAccumulator;
import dev.meetscope.models.analytics.conversation.CrosstalkPiece;
import dev.meetscope.models.analytics.conversation.Inequality;
import dev.meetscope.models.record.CrosstalkSegment;
import dev.meetscope.models.record.MeetingSummary;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Mergeable per-meeting aggregates ({@code meeting} table) over {@link PersonContribution}s: the
 * accumulator of a Beam {@code CombineFn} ({@code add}, {@code merge}, {@code extract}). It never holds the
 * people's rows: counts, sums, talk-time histograms (value → people; most people share the value 0) and a
 * {@link PresenceAccumulator}.
 *
 * <ul>
 *   <li>{@code participation_gini}: over people present at least {@code giniMinAttendance} of the meeting,
 *       plus people without presence data who spoke (a transcript alone: the speakers);
 *   <li>{@code speaker_entropy}: normalised Shannon entropy of the talk shares of those who spoke;
 *   <li>{@code talk_listen_ratio}: hosts' talk / everyone else's talk; null when no host is known (never
 *       guessed from who talks most) or the others never spoke.
 * </ul>
 */
public final class MeetingAccumulator implements Serializable {
  private long people;
  private long withIntervals;
  private long withRatio;
  private double ratioSum;
  private long neverSpoke;
  private long totalTalkMs;
  private long hostTalkMs;
  private long otherTalkMs;
  private long hosts;
  private long questions;
  private long answered;
  private long chatMessages;
  private final TreeMap<Long, Long> giniTalk = new TreeMap<>();
  private final TreeMap<Long, Long> talk = new TreeMap<>();
  private final PresenceAccumulator presence = new PresenceAccumulator();

  public void add(PersonContribution c) {
    people++;
    if (!c.presence().isEmpty()) {
      withIntervals++;
    }
    if (c.attendanceRatio() != null) {
      withRatio++;
      ratioSum += c.attendanceRatio();
    }
    if (c.host()) {
      hosts++;
    }
    if (c.talkMs() != null) {
      long t = c.talkMs();
      totalTalkMs += t;
      if (c.host()) {
        hostTalkMs += t;
      } else {
        otherTalkMs += t;
      }
      if (t == 0) {
        neverSpoke++;
      } else {
        talk.merge(t, 1L, Long::sum);
      }
      if (c.giniEligible()) {
        giniTalk.merge(t, 1L, Long::sum);
      }
    }
    questions += c.questions();
    answered += c.answered();
    chatMessages += c.chatMessages() == null ? 0 : c.chatMessages();
    presence.add(c.presence(), c.departuresMs());
  }

  public MeetingAccumulator merge(MeetingAccumulator o) {
    people += o.people;
    withIntervals += o.withIntervals;
    withRatio += o.withRatio;
    ratioSum += o.ratioSum;
    neverSpoke += o.neverSpoke;
    totalTalkMs += o.totalTalkMs;
    hostTalkMs += o.hostTalkMs;
    otherTalkMs += o.otherTalkMs;
    hosts += o.hosts;
    questions += o.questions;
    answered += o.answered;
    chatMessages += o.chatMessages;
    o.giniTalk.forEach((k, v) -> giniTalk.merge(k, v, Long::sum));
    o.talk.forEach((k, v) -> talk.merge(k, v, Long::sum));
    presence.merge(o.presence);
    return this;
  }

  public static MeetingAccumulator mergeAll(Iterable<MeetingAccumulator> accumulators) {
    MeetingAccumulator out = new MeetingAccumulator();
    for (MeetingAccumulator a : accumulators) {
      out.merge(a);
    }
    return out;
  }

  public MeetingSummary extract(MeetingContext ctx) {
    MeetingSpan span = ctx.span();
    boolean speech = ctx.transcriptAvailable();
    boolean attendance = ctx.attendanceAvailable();
    boolean chat = ctx.chatAvailable();
    Set<String> flags = new TreeSet<>(ctx.flags());
    if (speech && hosts == 0) {
      flags.add("host_unknown");
    }
    List<CrosstalkSegment> segments = new ArrayList<>();
    long crosstalkMs = 0;
    for (CrosstalkPiece p : ctx.crosstalk()) {
      crosstalkMs += p.lengthMs();
      segments.add(new CrosstalkSegment(span.instant(p.startMs()), span.instant(p.endMs()),
          span.offsetSeconds(p.startMs()), span.offsetSeconds(p.endMs()), p.speakers(), p.kind()));
    }
    double presenceComponent = attendance ? 1.0 : 0.0;
    double confidence = (presenceComponent + (speech ? ctx.transcriptQuality() : 0.0) + (chat ? 1.0 : 0.0)
        + ctx.labelMatchShare()) / 4.0;
    return new MeetingSummary(
        ctx.meetingKey(),
        ctx.meetingId(),
        ctx.topic(),
        span.instant(span.startMs()),
        span.instant(span.endMs()),
        span.durationMs() / 1000,
        span.source(),
        (int) people,
        // duration-only reports (no join times) cannot say who was there at once
        attendance && withIntervals > 0 ? presence.peakConcurrent() : null,
        speech ? (int) neverSpoke : null,
        withRatio > 0 ? round6(ratioSum / withRatio) : null,
        speech ? totalTalkMs / 1000.0 : null,
        speech && hosts > 0 && otherTalkMs > 0 ? round6((double) hostTalkMs / otherTalkMs) : null,
        speech ? round6(Inequality.gini(giniTalk)) : null,
        speech ? round6(Inequality.normalisedEntropy(talk)) : null,
        speech ? crosstalkMs / 1000.0 : null,
        speech ? segments : null,
        speech ? ctx.interruptions() : null,
        speech || chat ? (int) questions : null,
        questions > 0 ? round6((double) answered / questions) : null,
        chat ? (int) chatMessages : null,
        attendance ? presence.massDropoffs(span, ctx.settings()) : null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.copyOf(flags),
        round6(confidence),
        MetricsVersion.CURRENT);
  }
}
