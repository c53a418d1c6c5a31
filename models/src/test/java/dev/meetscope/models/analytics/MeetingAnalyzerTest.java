package dev.meetscope.models.analytics;

import static dev.meetscope.models.analytics.TestRecords.T0;
import static dev.meetscope.models.analytics.TestRecords.at;
import static dev.meetscope.models.analytics.TestRecords.chat;
import static dev.meetscope.models.analytics.TestRecords.cue;
import static dev.meetscope.models.analytics.TestRecords.full;
import static dev.meetscope.models.analytics.TestRecords.manifest;
import static dev.meetscope.models.analytics.TestRecords.message;
import static dev.meetscope.models.analytics.TestRecords.privateMessage;
import static dev.meetscope.models.analytics.TestRecords.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.meetscope.models.record.ChatKind;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.CrosstalkSegment;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.TimelineMinute;
import dev.meetscope.models.record.Utterance;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A small meeting built by hand; every expected value below is computed in the comments. The meeting is
 * scheduled 15:00–16:00 UTC, the recording starts at 15:02, so a cue's offset = its meeting time − 120 s.
 */
class MeetingAnalyzerTest {
  private static final String DANA = "uid:H1";
  private static final String ADA = "uid:U1";
  private static final String LEE = "uid:U3";
  private static final String GRACE = "name:mtg-1:grace sample";
  private static final String IPHONE = "name:mtg-1:lee’s iphone";

  private static MeetingAnalysis analysis;

  /** Recording offset of meeting time m:s (+ extra ms). */
  private static long w(int m, int s, int extraMs) {
    return (m * 60L + s) * 1000 + extraMs - 120_000;
  }

  private static long w(int m, int s) {
    return w(m, s, 0);
  }

  @BeforeAll
  static void analyse() {
    List<ParticipantSession> sessions = List.of(
        full("Dana Host", null, "dana@example.com", "H1", null, null, "host", at(-2, 0), at(60, 0), null),
        session("Ada Example", "ada@example.com", "U1", at(0, 0), at(20, 0)),
        session("Ada Example", "ada@example.com", "U1", at(20, 2), at(45, 0)),   // breakout move: 2 s gap
        session("Ada Example", "ada@example.com", "U1", at(50, 0), at(60, 0)),   // rejoin
        session("Grace Sample", null, null, at(10, 0), at(60, 0)),
        session("Lee Placeholder", "lee@example.com", "U3", at(0, 0), at(30, 0)));
    List<Utterance> cues = List.of(
        cue("Dana Host", w(2, 0), w(2, 10), "Welcome everyone, let's get started."),
        cue(null, w(2, 10), w(2, 20), "Today we review the plan."),
        cue("Ada Example", w(2, 21), w(2, 30), "Can everyone see my screen?"),
        cue("Dana Host", w(2, 32), w(2, 34), "Yes."),
        cue("ada example", w(2, 35), w(5, 30), "Here is the plan for the quarter and"),
        cue("Lee Placeholder", w(5, 30, 200), w(5, 40), "Sorry, quick question about that"),
        cue("Ada Example", w(5, 41), w(5, 50), "Go ahead."),
        cue("Lee Placeholder", w(5, 50), w(6, 0), "When is the deadline?"),
        cue("Grace Sampel", w(12, 0), w(12, 30), "I think we need more time"),
        cue("Dana Host", w(12, 30), w(12, 40), "Agreed, let us extend it."),
        cue("Lee Placeholder", w(35, 0), w(35, 20), "One more thing from me."),
        cue("Lee’s iPhone", w(40, 0), w(40, 10), "Can you hear me"),
        cue("Dana Host", w(41, 30), w(41, 35), "We lost someone."),
        cue("Ada Example", w(50, 0), w(50, 10), "Let me show the numbers"),
        cue("Grace Sample", w(50, 5), w(50, 12), "Sorry, go on."));
    List<ChatMessage> chats = List.of(
        message("Ada Example", w(3, 0), "Slides: https://example.org/deck"),
        message("Dana Host", w(6, 30), "Deadline is Friday"),
        message("Sample, Grace", w(11, 0), "Can we get the slides?"),
        chat("Ada Example", w(11, 30), ChatKind.REPLY, "Here you go", "Can we get the slid..."),
        chat("Lee Placeholder", w(11, 40), ChatKind.REACTION, "👍", "Can we get the slid..."),
        privateMessage("Lee Placeholder", w(12, 0)));
    analysis = new MeetingAnalyzer().analyze(MeetingInput.of(TestRecords.MEETING,
        manifest(T0, 60, at(2, 0), "Dana Host"), sessions, cues, chats, List.of()));
  }

  private static ParticipantMeeting row(String key) {
    return analysis.participants().stream().filter(p -> p.participantKey().equals(key)).findFirst()
        .orElseThrow();
  }

  @Test
  void peopleAreResolvedAndMatched() {
    assertEquals(List.of(GRACE, IPHONE, DANA, ADA, LEE),
        analysis.participants().stream().map(ParticipantMeeting::participantKey).toList());
    assertEquals("exact", row(DANA).matchMethod());
    assertEquals("normalised", row(ADA).matchMethod());   // "Ada Example" exact, "ada example" normalised
    assertEquals("exact", row(LEE).matchMethod());
    assertEquals("fuzzy", row(GRACE).matchMethod());      // "Grace Sampel"
    assertEquals("unmatched", row(IPHONE).matchMethod());
    assertEquals(true, row(DANA).isHost());
    assertEquals(false, row(ADA).isHost());
    assertEquals("ada@example.com", row(ADA).email());
    assertEquals("Lee’s iPhone", row(IPHONE).displayName());
    assertEquals(List.of(), row(DANA).flags());
    assertEquals(List.of(), row(ADA).flags());
    assertEquals(List.of("fuzzy_match", "name_only_identity"), row(GRACE).flags());
    assertEquals(List.of("speech_outside_presence"), row(LEE).flags());
    assertEquals(List.of("no_presence_data", "unmatched_label"), row(IPHONE).flags());
  }

  @Test
  void attendance() {
    ParticipantMeeting ada = row(ADA);
    // [0, 45:00) (the 2 s breakout gap bridged) and [50:00, 60:00)
    assertEquals(3300L, ada.attendedSeconds());
    assertEquals(0.916667, ada.attendanceRatio());
    assertEquals(2, ada.sessions());
    assertEquals(1, ada.rejoins());
    assertEquals(0L, ada.lateJoinSeconds());
    assertEquals(0L, ada.earlyLeaveSeconds());
    assertEquals(0.916667, ada.attentionScore());
    assertEquals(T0, ada.firstJoin());
    assertEquals(at(60, 0), ada.lastLeave());
    // Dana joined 2 minutes early: clipped, not late
    assertEquals(3600L, row(DANA).attendedSeconds());
    assertEquals(1.0, row(DANA).attentionScore());
    // Grace 10 minutes late: 0.833333 − 0.2
    assertEquals(600L, row(GRACE).lateJoinSeconds());
    assertEquals(0.633333, row(GRACE).attentionScore());
    // Lee leaves at half time: 0.5 − 0.3 (capped)
    assertEquals(1800L, row(LEE).earlyLeaveSeconds());
    assertEquals(0.2, row(LEE).attentionScore());
    assertNull(row(IPHONE).attendedSeconds());
    assertNull(row(IPHONE).attentionScore());
  }

  @Test
  void speech() {
    ParticipantMeeting ada = row(ADA);
    // 9 + 175 + 9 + 10 s of 326.8 s in total
    assertEquals(203.0, ada.talkSeconds());
    assertEquals(62.117503, ada.speakingPct());
    assertEquals(4, ada.turns());
    assertEquals(20, ada.words());
    assertEquals(5.91133, ada.wordsPerMinute());
    assertEquals(175.0, ada.longestMonologueSeconds());
    assertEquals(1, ada.monologues());
    assertEquals(1, ada.questionsAsked());
    assertEquals(0, ada.interruptionsMade());
    assertEquals(2, ada.interrupted());   // by Lee at 5:30.2 and by Grace at 50:05

    ParticipantMeeting dana = row(DANA);
    assertEquals(37.0, dana.talkSeconds());
    assertEquals(11.321909, dana.speakingPct());
    assertEquals(4, dana.turns());
    assertEquals(19, dana.words());     // the speakerless cue counts for Dana
    assertEquals(30.810811, dana.wordsPerMinute());
    assertEquals(20.0, dana.longestMonologueSeconds());
    assertEquals(1, dana.interruptionsMade());

    ParticipantMeeting lee = row(LEE);
    assertEquals(39.8, lee.talkSeconds());
    assertEquals(3, lee.turns());
    assertEquals(14, lee.words());
    assertEquals(21.105528, lee.wordsPerMinute());
    assertEquals(1, lee.interruptionsMade());
    assertEquals(0, lee.interrupted());

    assertEquals(1, row(GRACE).interruptionsMade());
    assertEquals(1, row(GRACE).interrupted());
    assertEquals(1, row(GRACE).questionsAsked());   // in chat
    assertEquals(24.0, row(IPHONE).wordsPerMinute());
    assertEquals(1, row(IPHONE).questionsAsked());
  }

  @Test
  void chatMetrics() {
    ParticipantMeeting ada = row(ADA);
    assertEquals(2, ada.chatMessages());
    assertEquals(1, ada.chatReplies());
    assertEquals(0, ada.chatQuestions());
    assertEquals("medium", ada.chatActivity());   // 2 messages in 55 minutes
    ParticipantMeeting grace = row(GRACE);
    assertEquals(1, grace.chatMessages());
    assertEquals(1, grace.chatQuestions());
    assertEquals(1, grace.reactionsReceived());
    assertEquals("low", grace.chatActivity());
    ParticipantMeeting lee = row(LEE);
    assertEquals(0, lee.chatMessages());          // the private message is not counted by default
    assertEquals(1, lee.reactions());
    assertNull(lee.privateChatMessages());
    assertEquals("none", lee.chatActivity());
    assertEquals("low", row(DANA).chatActivity());
  }

  @Test
  void confidenceAndNullScores() {
    assertEquals(1.0, row(DANA).confidence());
    assertEquals(1.0, row(ADA).confidence());
    assertEquals(0.95, row(GRACE).confidence());     // fuzzy match 0.75
    assertEquals(0.899497, row(LEE).confidence());   // 20 of 39.8 s spoken after leaving
    assertEquals(0.6, row(IPHONE).confidence());     // no presence, unmatched
    ParticipantMeeting ada = row(ADA);
    assertNull(ada.sentimentAvg());
    assertNull(ada.keyTopicsContributed());
    assertNull(ada.engagementScore());
    assertEquals(MetricsVersion.CURRENT, ada.metricsVersion());
  }

  @Test
  void meetingSummary() {
    MeetingSummary m = analysis.meeting();
    assertEquals(T0, m.meetingStart());
    assertEquals(at(60, 0), m.meetingEnd());
    assertEquals(3600L, m.durationSeconds());
    assertEquals("manifest/report", m.spanSource());
    assertEquals(5, m.participants());
    assertEquals(4, m.peakConcurrent());           // 10:00–30:00: Dana, Ada, Grace, Lee
    assertEquals(0, m.neverSpoke());
    assertEquals(0.8125, m.avgAttendanceRatio());  // (1 + 0.916667 + 0.833333 + 0.5) / 4
    assertEquals(326.8, m.totalTalkSeconds());
    assertEquals(0.127674, m.talkListenRatio());   // 37 / 289.8
    assertEquals(0.475887, m.participationGini()); // 10, 37, 37, 39.8, 203
    assertEquals(0.715879, m.speakerEntropy());
    assertEquals(5.0, m.crosstalkSeconds());
    assertEquals(List.of(new CrosstalkSegment(at(50, 5), at(50, 10), 3005.0, 3010.0,
        List.of(GRACE, ADA), "overlap")), m.crosstalkSegments());
    assertEquals(3, m.interruptions());
    assertEquals(4, m.questions());                // Ada, Lee, iPhone spoken; Grace in chat
    assertEquals(0.75, m.answeredRatio());         // the iPhone's question got no answer in 60 s
    assertEquals(4, m.chatMessages());
    assertEquals(List.of(), m.massDropoffs());
    assertEquals(List.of(), m.flags());
    assertEquals(0.96875, m.confidence());         // 7 of 8 labels matched
    assertNull(m.effectivenessScore());
    assertNull(m.topics());
  }

  private static TimelineMinute minute(int i) {
    return analysis.timeline().get(i);
  }

  private static List<Object> counts(TimelineMinute t) {
    return java.util.Arrays.asList(t.present(), t.joins(), t.leaves(), t.speakersActive(), t.talkSeconds(),
        t.chatMessages(), t.reactions(), t.questions());
  }

  @Test
  void timeline() {
    assertEquals(60, analysis.timeline().size());
    assertEquals(T0, minute(0).minuteStart());
    assertEquals(List.of(3, 3, 0, 0, 0.0, 0, 0, 0), counts(minute(0)));
    // Dana 22 s, Ada 9 + 25 s; Ada's question
    assertEquals(List.of(3, 0, 0, 2, 56.0, 0, 0, 1), counts(minute(2)));
    assertEquals(List.of(3, 0, 0, 1, 60.0, 1, 0, 0), counts(minute(3)));
    // Ada 30 + 9 s, Lee 9.8 + 10 s; Lee's question
    assertEquals(List.of(3, 0, 0, 2, 58.8, 0, 0, 1), counts(minute(5)));
    assertEquals(List.of(4, 1, 0, 0, 0.0, 0, 0, 0), counts(minute(10)));
    assertEquals(List.of(4, 0, 0, 0, 0.0, 2, 1, 1), counts(minute(11)));
    assertEquals(List.of(3, 0, 1, 0, 0.0, 0, 0, 0), counts(minute(30)));
    assertEquals(List.of(2, 0, 1, 0, 0.0, 0, 0, 0), counts(minute(45)));
    assertEquals(List.of(3, 1, 0, 2, 17.0, 0, 0, 0), counts(minute(50)));
    assertEquals(List.of(3, 0, 0, 0, 0.0, 0, 0, 0), counts(minute(59)));
  }
}
