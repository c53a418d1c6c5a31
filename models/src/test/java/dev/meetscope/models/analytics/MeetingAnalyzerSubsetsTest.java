package dev.meetscope.models.analytics;

import static dev.meetscope.models.analytics.TestRecords.MEETING;
import static dev.meetscope.models.analytics.TestRecords.T0;
import static dev.meetscope.models.analytics.TestRecords.at;
import static dev.meetscope.models.analytics.TestRecords.cue;
import static dev.meetscope.models.analytics.TestRecords.manifest;
import static dev.meetscope.models.analytics.TestRecords.message;
import static dev.meetscope.models.analytics.TestRecords.privateMessage;
import static dev.meetscope.models.analytics.TestRecords.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.TimeBase;
import dev.meetscope.models.record.TimelineMinute;
import dev.meetscope.models.record.Utterance;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analyzer works with any subset of inputs; what is missing is null, never 0. */
class MeetingAnalyzerSubsetsTest {
  private final MeetingAnalyzer analyzer = new MeetingAnalyzer();

  private static final List<Utterance> TRANSCRIPT = List.of(
      cue("Ada Example", 0, 10_000, "Hello there."),
      cue("Grace Sample", 10_000, 40_000, "Thanks, I have two updates."),
      cue("Ada Example (she/her)", 40_000, 50_000, "Great, thank you."));

  @Test
  void aTranscriptAloneMakesTheSpeakersThePeopleOnASyntheticClock() {
    MeetingAnalysis a = analyzer.analyze(
        MeetingInput.of(MEETING, null, List.of(), TRANSCRIPT, List.of(), List.of()));
    assertEquals(List.of("name:mtg-1:ada example", "name:mtg-1:grace sample"),
        a.participants().stream().map(ParticipantMeeting::participantKey).toList());
    ParticipantMeeting ada = a.participants().get(0);
    assertEquals(20.0, ada.talkSeconds());             // the renamed label is the same speaker
    assertEquals(40.0, ada.speakingPct());
    assertEquals("unmatched", ada.matchMethod());
    assertEquals(List.of("no_roster"), ada.flags());
    assertNull(ada.attendedSeconds());
    assertNull(ada.sessions());
    assertNull(ada.firstJoin());
    assertNull(ada.chatMessages());
    assertNull(ada.chatActivity());
    assertEquals(0, ada.questionsAsked());             // speech only: none of Ada's cues asks
    assertEquals(0.4, ada.confidence());               // transcript 1, consistency 1; rest 0

    MeetingSummary m = a.meeting();
    assertNull(m.meetingStart());
    assertEquals(50L, m.durationSeconds());
    assertEquals("data/data", m.spanSource());
    assertEquals(2, m.participants());
    assertNull(m.peakConcurrent());
    assertNull(m.talkListenRatio());                   // no host known: never the top speaker
    assertEquals(0.1, m.participationGini());          // (−20 + 30) / (2 · 50)
    assertEquals(0.970951, m.speakerEntropy());
    assertNull(m.massDropoffs());
    assertNull(m.chatMessages());
    assertEquals(List.of("host_unknown", "synthetic_clock"), m.flags());
    assertEquals(0.25, m.confidence());
    TimelineMinute t = a.timeline().get(0);
    assertEquals(1, a.timeline().size());
    assertNull(t.minuteStart());
    assertNull(t.present());
    assertEquals(2, t.speakersActive());
    assertEquals(50.0, t.talkSeconds());
    assertNull(t.chatMessages());
  }

  @Test
  void aManifestHostNameMakesTheTalkListenRatio() {
    MeetingManifest hostOnly = new MeetingManifest(null, null, null, "Ada Example", null, null, null, null,
        null, null, null);
    MeetingAnalysis a = analyzer.analyze(
        MeetingInput.of(MEETING, hostOnly, List.of(), TRANSCRIPT, List.of(), List.of()));
    assertEquals(0.666667, a.meeting().talkListenRatio());   // 20 / 30
    assertEquals(true, a.participants().get(0).isHost());
  }

  @Test
  void aChatAloneGivesChatMetricsOnTheRecordingClock() {
    MeetingAnalysis a = analyzer.analyze(MeetingInput.of(MEETING, manifest(null, null, T0, null),
        List.of(), List.of(),
        List.of(message("Ada Example", 0, "Hi all"), message("Grace Sample", 30_000, "Hello?"),
            message("Ada Example", 60_000, "Starting")), List.of()));
    ParticipantMeeting ada = a.participants().get(0);
    assertEquals(2, ada.chatMessages());
    assertEquals("high", ada.chatActivity());          // 2 messages in a 61-second meeting
    assertNull(ada.talkSeconds());
    assertNull(ada.turns());
    assertEquals(0, ada.questionsAsked());
    assertEquals(1, a.participants().get(1).questionsAsked());
    MeetingSummary m = a.meeting();
    assertEquals(T0, m.meetingStart());
    assertEquals(61L, m.durationSeconds());            // the last message occupies its second
    assertEquals(3, m.chatMessages());
    assertNull(m.totalTalkSeconds());
    assertNull(m.participationGini());
    assertEquals(1, m.questions());
    assertEquals(1.0, m.answeredRatio());              // Ada writes 30 s after Grace's question
    assertEquals(List.of(2, 1), List.of(a.timeline().get(0).chatMessages(),
        a.timeline().get(1).chatMessages()));
  }

  @Test
  void aReportAloneGivesAttendanceOnly() {
    MeetingAnalysis a = analyzer.analyze(MeetingInput.of(MEETING, null,
        List.of(session("Ada Example", null, "U1", at(0, 0), at(30, 0)),
            session("Grace Sample", null, "U2", at(0, 0), at(20, 0))), List.of(), List.of(), List.of()));
    ParticipantMeeting ada = a.participants().get(0);
    assertEquals(1800L, ada.attendedSeconds());
    assertEquals(1.0, ada.attendanceRatio());
    assertNull(ada.talkSeconds());
    assertNull(ada.questionsAsked());
    assertNull(ada.chatActivity());
    assertEquals("none", ada.matchMethod());
    assertEquals(0.6, ada.confidence());
    MeetingSummary m = a.meeting();
    assertEquals("report/report", m.spanSource());
    assertEquals(2, m.peakConcurrent());
    assertNull(m.neverSpoke());
    assertNull(m.questions());
    assertNull(m.answeredRatio());
    TimelineMinute last = a.timeline().get(29);
    assertEquals(1, last.present());
    assertNull(last.speakersActive());
    assertNull(last.questions());
    assertEquals(1, a.timeline().get(20).leaves());
  }

  private static MeetingEvent event(String name, String userId, String who, Instant join, Instant leave,
      Instant eventTime, Instant start, Instant end) {
    return new MeetingEvent(MEETING, "events.jsonl", 1, "webhook_events", name, eventTime, null, "acct",
        "81234567890", MEETING, "Weekly Sync", "H1", start, end, "UTC", who, null, "", "", userId, null,
        null, null, join, leave, null, List.of());
  }

  @Test
  void webhookEventsAloneGiveSessionsAndTheSpan() {
    List<MeetingEvent> events = List.of(
        event("meeting.started", null, null, null, null, at(0, 5), at(0, 5), null),
        event("meeting.participant_joined", "16778240", "Ada Example", at(1, 0), null, at(1, 0), at(0, 5),
            null),
        event("meeting.participant_left", "16778240", "Ada Example", null, at(31, 0), at(31, 0), at(0, 5),
            null),
        event("meeting.ended", null, null, null, null, at(40, 5), at(0, 5), at(40, 5)));
    MeetingAnalysis a = analyzer.analyze(MeetingInput.of(MEETING, null, List.of(), List.of(), List.of(),
        events));
    MeetingSummary m = a.meeting();
    assertEquals("webhook/webhook", m.spanSource());
    assertEquals(2400L, m.durationSeconds());
    assertEquals(List.of("sessions_from_webhooks"), m.flags());
    ParticipantMeeting ada = a.participants().get(0);
    assertEquals("name:mtg-1:ada example", ada.participantKey());
    assertEquals(1800L, ada.attendedSeconds());
    assertEquals(55L, ada.lateJoinSeconds());
    assertEquals(545L, ada.earlyLeaveSeconds());
  }

  @Test
  void privateMessagesAreCountedPerSenderOnlyWhenAsked() {
    MeetingInput input = MeetingInput.of(MEETING, manifest(null, null, T0, null), List.of(), List.of(),
        List.of(message("Ada Example", 0, "Hi"), privateMessage("Ada Example", 5_000),
            privateMessage("Ada Example", 6_000)), List.of());
    ParticipantMeeting off = analyzer.analyze(input).participants().get(0);
    assertNull(off.privateChatMessages());
    assertEquals(1, off.chatMessages());
    ParticipantMeeting on = new MeetingAnalyzer(AnalyticsSettings.defaults().withCountPrivateChat(true))
        .analyze(input).participants().get(0);
    assertEquals(2, on.privateChatMessages());
    assertEquals(1, on.chatMessages());
  }

  @Test
  void anEmptyChatFileGivesZerosAndMissingOneNulls() {
    List<dev.meetscope.models.record.ParticipantSession> report =
        List.of(session("Ada Example", null, "U1", at(0, 0), at(30, 0)));
    MeetingAnalysis present = analyzer.analyze(new MeetingInput(MEETING, null, report, List.of(),
        List.of(), List.of(), null, true));
    assertEquals(0, present.participants().get(0).chatMessages());
    assertEquals("none", present.participants().get(0).chatActivity());
    assertEquals(0, present.meeting().chatMessages());
    MeetingAnalysis missing = analyzer.analyze(new MeetingInput(MEETING, null, report, List.of(),
        List.of(), List.of(), null, null));
    assertNull(missing.participants().get(0).chatMessages());
  }

  @Test
  void aUniqueUsersReportHasNoPeak() {
    MeetingAnalysis a = analyzer.analyze(MeetingInput.of(MEETING, manifest(T0, 60, null, null),
        List.of(TestRecords.full("Ada Example", null, null, "U1", null, null, null, null, null, 1800L)),
        List.of(), List.of(), List.of()));
    assertEquals(0.5, a.participants().get(0).attendanceRatio());
    assertNull(a.meeting().peakConcurrent());
  }

  @Test
  void captionsWithoutSpeakersCannotBeAttributed() {
    Utterance cc = new Utterance(MEETING, "cc.vtt", 3, "closed_caption", null, null, false,
        TimeBase.RECORDING_OFFSET, 68_000, 69_000L, null, "That one doesn't.", List.of());
    MeetingAnalysis a = analyzer.analyze(MeetingInput.of(MEETING, null,
        List.of(session("Ada Example", null, "U1", at(0, 0), at(30, 0))), List.of(cc), List.of(),
        List.of()));
    assertNull(a.participants().get(0).talkSeconds());
    assertTrue(a.meeting().flags().contains("transcript_without_speakers"));
  }

  @Test
  void aTranscriptWithoutRecordingStartIsAnchoredAtTheMeetingStartAndFlagged() {
    MeetingAnalysis a = analyzer.analyze(MeetingInput.of(MEETING, null,
        List.of(session("Ada Example", null, "U1", at(0, 0), at(30, 0))),
        List.of(cue("Ada Example", 60_000, 70_000, "Hello.")), List.of(), List.of()));
    assertTrue(a.meeting().flags().contains("recording_start_assumed"));
    assertEquals(10.0, a.timeline().get(1).talkSeconds());
    // transcript quality 0.5: (1 + 0.5 + 0 + 1 + 1) / 5
    assertEquals(0.7, a.participants().get(0).confidence());
  }
}
