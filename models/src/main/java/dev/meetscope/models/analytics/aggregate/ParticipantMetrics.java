package dev.meetscope.models.analytics.aggregate;

import static dev.meetscope.models.analytics.Rounding.round6;

import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.analytics.MeetingContext;
import dev.meetscope.models.analytics.MeetingSpan;
import dev.meetscope.models.analytics.MetricsVersion;
import dev.meetscope.models.analytics.attendance.AttendanceCalculator;
import dev.meetscope.models.analytics.attendance.Interval;
import dev.meetscope.models.analytics.attendance.Intervals;
import dev.meetscope.models.analytics.attendance.PersonAttendance;
import dev.meetscope.models.analytics.chat.ChatActivity;
import dev.meetscope.models.analytics.chat.ChatItem;
import dev.meetscope.models.analytics.conversation.SpeechCue;
import dev.meetscope.models.analytics.conversation.Turn;
import dev.meetscope.models.identity.MatchMethod;
import dev.meetscope.models.identity.PersonIdentity;
import dev.meetscope.models.record.ChatKind;
import dev.meetscope.models.record.ParticipantMeeting;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Per-person metrics of one meeting (docs/metrics.md, {@code participant_meeting}) from that person's
 * sessions, cues, turns and chat, plus the person's {@link PersonContribution} to the meeting aggregates.
 * Needs only the small {@link MeetingContext}, never another person's rows.
 *
 * <p>{@code confidence} is the mean of five components in [0, 1]: presence data (1 timed, 0.5 total
 * duration only, 0 none); transcript ({@code transcriptQuality}, 0 without one); chat (1 present, 0 not);
 * label match (1 exact, normalised or no label, 0.75 fuzzy, 0 unmatched); consistency (share of the
 * person's talk inside their presence intervals ± {@code presenceToleranceSeconds}; 1 when not checkable).
 */
public final class ParticipantMetrics {
  private ParticipantMetrics() {}

  public static PersonResult compute(MeetingContext ctx, PersonActivity activity) {
    AnalyticsSettings settings = ctx.settings();
    MeetingSpan span = ctx.span();
    PersonIdentity person = activity.person();
    Set<String> flags = new TreeSet<>(person.flags());
    flags.addAll(activity.labelFlags());

    PersonAttendance att;
    if (!ctx.attendanceAvailable()) {
      att = PersonAttendance.none(List.of());
    } else if (activity.sessions().isEmpty()) {
      att = PersonAttendance.none(List.of("no_presence_data"));
    } else {
      att = AttendanceCalculator.compute(activity.sessions(), span, settings);
    }
    flags.addAll(att.flags());

    // Speech.
    long talkMs = 0;
    int words = 0;
    int spokenQuestions = 0;
    int spokenAnswered = 0;
    long outsideMs = 0;
    for (SpeechCue c : activity.cues()) {
      talkMs += c.durationMs();
      words += c.words();
      if (c.question()) {
        spokenQuestions++;
        spokenAnswered += c.answered() ? 1 : 0;
      }
      if (att.timed()) {
        outsideMs += Intervals.outsideMs(c.startMs(), c.endMs(), att.presence(),
            settings.presenceToleranceSeconds() * 1000);
      }
    }
    long longestMs = 0;
    int monologues = 0;
    int made = 0;
    int suffered = 0;
    for (Turn t : activity.turns()) {
      longestMs = Math.max(longestMs, t.spanMs());
      monologues += t.spanMs() > settings.monologueSeconds() * 1000 ? 1 : 0;
      made += t.interruption() ? 1 : 0;
      suffered += t.interrupted() ? 1 : 0;
    }
    if (outsideMs > 0) {
      flags.add("speech_outside_presence");
    }
    boolean speech = ctx.transcriptAvailable();

    // Chat.
    int publicMessages = 0;
    int chatQuestions = 0;
    int chatAnswered = 0;
    int replies = 0;
    int reactions = 0;
    int reactionsReceived = 0;
    int privateMessages = 0;
    for (ChatItem c : activity.chats()) {
      if (c.isPrivate()) {
        privateMessages += ChatKind.REACTION.equals(c.kind())
            || ChatKind.REACTION_REMOVED.equals(c.kind()) ? 0 : 1;
        continue;
      }
      if (c.isPublicMessage()) {
        publicMessages++;
        replies += ChatKind.REPLY.equals(c.kind()) ? 1 : 0;
        if (c.question()) {
          chatQuestions++;
          chatAnswered += c.answered() ? 1 : 0;
        }
      } else if (ChatKind.REACTION.equals(c.kind())) {
        reactions++;
      } else if (ChatKind.REACTION_REMOVED.equals(c.kind())) {
        reactions--;
      }
      reactionsReceived += c.reactionsReceived();
    }
    reactions = Math.max(0, reactions);
    boolean chat = ctx.chatAvailable();

    Integer questionsAsked = speech || chat
        ? (speech ? spokenQuestions : 0) + (chat ? chatQuestions : 0) : null;
    int answered = (speech ? spokenAnswered : 0) + (chat ? chatAnswered : 0);

    String method = activity.matchMethod() == null ? MatchMethod.NONE : activity.matchMethod();
    double confidence = confidence(ctx, att, method, talkMs, outsideMs);

    Long firstJoin = att.presence().isEmpty() ? null : att.presence().get(0).startMs();
    Long lastLeave = att.presence().isEmpty() ? null
        : att.presence().get(att.presence().size() - 1).endMs();

    ParticipantMeeting row = new ParticipantMeeting(
        ctx.meetingKey(),
        person.identity(),
        person.displayName(),
        person.email(),
        person.host(),
        firstJoin == null ? null : span.instant(firstJoin),
        lastLeave == null ? null : span.instant(lastLeave),
        att.attendedSeconds(),
        round6(att.attendanceRatio()),
        att.sessions(),
        att.rejoins(),
        att.lateJoinSeconds(),
        att.earlyLeaveSeconds(),
        att.attentionScore(),
        speech ? talkMs / 1000.0 : null,
        speech && ctx.totalTalkMs() > 0 ? round6(talkMs * 100.0 / ctx.totalTalkMs()) : null,
        speech ? activity.turns().size() : null,
        speech ? words : null,
        speech && talkMs > 0 ? round6(words / (talkMs / 60_000.0)) : null,
        speech ? longestMs / 1000.0 : null,
        speech ? monologues : null,
        questionsAsked,
        speech ? made : null,
        speech ? suffered : null,
        chat ? publicMessages : null,
        chat ? chatQuestions : null,
        chat ? replies : null,
        chat ? reactions : null,
        chat ? reactionsReceived : null,
        chat && settings.countPrivateChat() ? privateMessages : null,
        chat ? ChatActivity.classify(publicMessages, att.attendedSeconds(), span.durationMs() / 1000)
            : null,
        null, null, null, null, null, null, null, null,
        method,
        List.copyOf(flags),
        confidence,
        MetricsVersion.CURRENT);

    PersonContribution contribution = new PersonContribution(person.identity(), person.host(),
        att.attendanceRatio(), att.presence(), att.departuresMs(), speech ? talkMs : null,
        speech && (att.attendanceRatio() != null
            ? att.attendanceRatio() >= settings.giniMinAttendance() - 1e-12 : talkMs > 0),
        questionsAsked == null ? 0 : questionsAsked, answered, chat ? publicMessages : null,
        minutes(span, att, activity, speech, chat));
    return new PersonResult(row, contribution);
  }

  static double confidence(MeetingContext ctx, PersonAttendance att, String method, long talkMs,
      long outsideMs) {
    double presence = att.timed() ? 1.0 : att.hasData() ? 0.5 : 0.0;
    double transcript = ctx.transcriptAvailable() ? ctx.transcriptQuality() : 0.0;
    double chat = ctx.chatAvailable() ? 1.0 : 0.0;
    double match = switch (method) {
      case MatchMethod.FUZZY -> 0.75;
      case MatchMethod.UNMATCHED -> 0.0;
      default -> 1.0;
    };
    double consistency = att.timed() && talkMs > 0 ? 1.0 - (double) outsideMs / talkMs : 1.0;
    return round6((presence + transcript + chat + match + consistency) / 5.0);
  }

  /** The person's sparse per-minute counts. */
  static List<MinuteTally> minutes(MeetingSpan span, PersonAttendance att, PersonActivity activity,
      boolean speech, boolean chat) {
    TreeMap<Integer, int[]> counts = new TreeMap<>();
    TreeMap<Integer, Long> talk = new TreeMap<>();
    // counts[]: present, joins, leaves, speakers, chatMessages, reactions, questions
    Set<Integer> presentMinutes = new TreeSet<>();
    for (Interval i : att.presence()) {
      int first = span.minuteOf(i.startMs());
      int last = span.minuteOf(i.endMs() - 1);
      for (int m = first; m >= 0 && m <= last; m++) {
        presentMinutes.add(m);
      }
      bump(counts, first, 1);
      if (i.endMs() < span.endMs()) {
        bump(counts, span.minuteOf(i.endMs()), 2);
      }
    }
    presentMinutes.forEach(m -> bump(counts, m, 0));
    if (speech) {
      Set<Integer> speaking = new TreeSet<>();
      for (SpeechCue c : activity.cues()) {
        long from = Math.max(c.startMs(), span.startMs());
        long to = Math.min(c.endMs(), span.endMs());
        while (from < to) {
          int m = span.minuteOf(from);
          long minuteEnd = Math.min(to, span.startMs() + (m + 1) * 60_000L);
          talk.merge(m, minuteEnd - from, Long::sum);
          speaking.add(m);
          from = minuteEnd;
        }
        if (c.question()) {
          bump(counts, span.minuteOf(c.startMs()), 6);
        }
      }
      speaking.forEach(m -> bump(counts, m, 3));
    }
    if (chat) {
      for (ChatItem c : activity.chats()) {
        if (c.isPublicMessage()) {
          bump(counts, span.minuteOf(c.timeMs()), 4);
          if (c.question()) {
            bump(counts, span.minuteOf(c.timeMs()), 6);
          }
        } else if (!c.isPrivate() && ChatKind.REACTION.equals(c.kind())) {
          bump(counts, span.minuteOf(c.timeMs()), 5);
        }
      }
    }
    talk.keySet().forEach(m -> counts.computeIfAbsent(m, k -> new int[7]));
    List<MinuteTally> out = new ArrayList<>(counts.size());
    counts.forEach((m, c) -> out.add(new MinuteTally(m, c[0], c[1], c[2], c[3],
        talk.getOrDefault(m, 0L), c[4], c[5], c[6])));
    return out;
  }

  private static void bump(TreeMap<Integer, int[]> counts, int minute, int field) {
    if (minute >= 0) {
      counts.computeIfAbsent(minute, k -> new int[7])[field]++;
    }
  }
}
