package dev.meetscope.models.governance;

import static dev.meetscope.models.governance.Records.chat;
import static dev.meetscope.models.governance.Records.host;
import static dev.meetscope.models.governance.Records.joined;
import static dev.meetscope.models.governance.Records.session;
import static dev.meetscope.models.governance.Records.utterance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.governance.ConsentDecision.Reason;
import dev.meetscope.models.parse.ParsedMeeting;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.FileStat;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.Utterance;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GovernanceGateTest {
  static final MeetingManifest MANIFEST = new MeetingManifest("81234567890", "aB3+cD9/eF1gH2iJ3kL4mN==",
      "1:1 with Ada Example", "Dana Host", "dana.host@example.com", "HOSTID123",
      Instant.parse("2026-03-02T09:00:00Z"), 60, "Europe/Berlin", null, true);

  static final ParticipantSession ADA_1 = session("Ada Example (she/her)", "ada@example.com", null,
      "2026-03-02T09:00:00Z", "2026-03-02T09:20:00Z");
  static final ParticipantSession GRACE = session("Grace Sample", "grace@example.com", null,
      "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z");
  static final ParticipantSession LEE = session("Lee Placeholder", null, null,
      "2026-03-02T09:05:00Z", "2026-03-02T09:40:00Z");
  static final ParticipantSession ADA_2 = session("Ada Example", "ada@example.com", null,
      "2026-03-02T09:25:00Z", "2026-03-02T09:50:00Z");
  static final ParticipantSession DANA = host("Dana Host", "dana.host@example.com");

  static final DeadLetter DEAD = new DeadLetter("mk1", "parse", "portal_csv", "mk1/participants.csv",
      7L, null, "CSV_COLUMN_COUNT", "row has 9 cells, header has 8 (Ada Example)",
      "Ada Example,ada@example.com,03/02/2026 09:00:00 AM,,,,,,x");

  static ParsedMeeting meeting() {
    return new ParsedMeeting("mk1", MANIFEST, List.of(ADA_1, GRACE, LEE, ADA_2, DANA),
        List.of(utterance(1, "Ada Example", "Hello all"),
            utterance(2, "Grace Sample", "Thanks Ada Example, and Lee Placeholder too"),
            utterance(3, null, "mail ada@example.com"),
            utterance(4, "Lee Placeholder (he/him)", "hi")),
        List.of(chat(1, "Ada Example", null, "message", "Budget is ready", null),
            chat(2, "Grace Sample", null, "reply", "Great", "Budget is ready"),
            chat(3, "Grace Sample", null, "reaction_added", "👍", "Budget is…"),
            chat(4, "Grace Sample", "Ada Example", "message", null, null),
            chat(5, "Dana Host", null, "message", "Welcome Lee Placeholder", null),
            chat(6, "Grace Sample", null, "reply", "thanks", "Welcome")),
        List.of(joined("Ada Example", "ada@example.com", "UADA"), joined("Grace Sample", null, "UG")),
        List.of(DEAD),
        List.of(new FileStat("mk1", "mk1/Ada Example 1-1/chat.txt", "cloud_chat", "parsed", 420, 6, 6, 0)));
  }

  static final GovernanceGate GATE = new GovernanceGate(ConsentPolicy.defaults(),
      OptOutList.parse("ada@example.com\nLee Placeholder\n"));

  @Test
  void optedOutSessionsKeepTimingUnderOneTokenPerPerson() {
    List<ParticipantSession> s = GATE.apply(meeting()).meeting().sessions();
    assertEquals(5, s.size());
    assertEquals(anonymous(ADA_1, "opted-out-1"), s.get(0));
    assertSame(GRACE, s.get(1));
    assertEquals(anonymous(LEE, "opted-out-2"), s.get(2));
    assertEquals(anonymous(ADA_2, "opted-out-1"), s.get(3));
    assertSame(DANA, s.get(4));
  }

  private static ParticipantSession anonymous(ParticipantSession x, String token) {
    return new ParticipantSession("mk1", "mk1/participants.csv", 2, "portal_csv", "81234567890",
        "aB3+cD9/eF1gH2iJ3kL4mN==", null, null, null, token, null, null, null, null, x.joinTime(),
        x.leaveTime(), null, x.guest(), null, "YES", null, null, List.of("opted_out"));
  }

  @Test
  void theirUtterancesGoAndTheirNamesLeaveOthersText() {
    List<Utterance> u = GATE.apply(meeting()).meeting().utterances();
    assertEquals(List.of(2L, 3L), u.stream().map(Utterance::sourceLine).toList());
    assertEquals("Thanks [redacted], and [redacted] too", u.get(0).text());
    assertEquals("Grace Sample", u.get(0).speakerLabel());
    assertEquals("mail [redacted]", u.get(1).text());
  }

  @Test
  void chatLosesTheirMessagesQuotesAndRecipientName() {
    List<ChatMessage> c = GATE.apply(meeting()).meeting().chatMessages();
    assertEquals(List.of(2L, 3L, 4L, 5L, 6L), c.stream().map(ChatMessage::sourceLine).toList());
    assertEquals("Great", c.get(0).text());
    assertNull(c.get(0).targetSnippet());
    assertEquals(List.of("target_redacted"), c.get(0).flags());
    assertNull(c.get(1).targetSnippet());
    assertEquals("👍", c.get(1).text());
    assertEquals("[redacted]", c.get(2).recipientLabel());
    assertTrue(c.get(2).isPrivate());
    assertEquals("Welcome [redacted]", c.get(3).text());
    assertEquals("Welcome", c.get(4).targetSnippet());
    assertEquals(List.of(), c.get(4).flags());
  }

  @Test
  void eventsDeadLettersFilesAndTopicAreScrubbed() {
    ParsedMeeting m = GATE.apply(meeting()).meeting();
    assertEquals("opted-out-1", m.events().get(0).participantId());
    assertNull(m.events().get(0).displayName());
    assertNull(m.events().get(0).email());
    assertNull(m.events().get(0).participantUserId());
    assertNull(m.events().get(0).userId());
    assertNull(m.events().get(0).participantUuid());
    assertEquals(List.of("opted_out"), m.events().get(0).flags());
    assertEquals(Instant.parse("2026-03-02T09:01:00Z"), m.events().get(0).joinTime());
    assertEquals("Grace Sample", m.events().get(1).displayName());

    assertEquals(List.of(new DeadLetter("mk1", "parse", "portal_csv", "mk1/participants.csv", 7L, null,
        "CSV_COLUMN_COUNT", "row has 9 cells, header has 8 ([redacted])",
        "[redacted],[redacted],03/02/2026 09:00:00 AM,,,,,,x")), m.deadLetters());
    assertEquals("mk1/[redacted] 1-1/chat.txt", m.fileStats().get(0).sourceFile());
    assertEquals("1:1 with [redacted]", m.manifest().topic());
    assertEquals("Dana Host", m.manifest().hostName());
  }

  @Test
  void countsAreNumbersOnly() {
    GateResult r = GATE.apply(meeting());
    assertEquals(ConsentDecision.of("mk1", Reason.MANIFEST_ENABLED), r.decision());
    assertEquals(new GateResult.Counts(2, 3, 1, 2, 1, 4, 1), r.counts());
    assertTrue(r.analysed());
  }

  @Test
  void nothingOfTheirsSurvivesAnywhere() {
    String everything = GATE.apply(meeting()).meeting().toString().toLowerCase();
    assertFalse(everything.contains("ada"), everything);
    assertFalse(everything.contains("lee placeholder"), everything);
    assertFalse(everything.contains("budget is ready"), everything);
  }

  @Test
  void meetingsWithoutConsentLeaveOnlyTheDecision() {
    ParsedMeeting m = meeting();
    ParsedMeeting noFlag = new ParsedMeeting("mk1", null, m.sessions(), m.utterances(),
        m.chatMessages(), m.events(), m.deadLetters(), m.fileStats());
    GateResult r = GATE.apply(noFlag);
    assertEquals(ConsentDecision.of("mk1", Reason.NO_CONSENT), r.decision());
    assertNull(r.meeting());
    assertFalse(r.analysed());
    assertEquals(GateResult.Counts.NONE, r.counts());
  }

  @Test
  void withoutOptOutsTheMeetingPassesUntouched() {
    ParsedMeeting m = meeting();
    GateResult r = new GovernanceGate(ConsentPolicy.defaults(), OptOutList.empty()).apply(m);
    assertSame(m, r.meeting());
    assertEquals(GateResult.Counts.NONE, r.counts());
  }

  @Test
  void anOptedOutHostLosesHostIdentityButTheMeetingStays() {
    GovernanceGate gate = new GovernanceGate(ConsentPolicy.defaults(),
        OptOutList.parse("dana.host@example.com\nuid:HOSTID123\n"));
    ParsedMeeting m = gate.apply(meeting()).meeting();
    assertNull(m.manifest().hostName());
    assertNull(m.manifest().hostEmail());
    assertNull(m.manifest().hostId());
    assertTrue(m.manifest().analyticsEnabled());
    assertNull(m.events().get(1).hostId());
    ParticipantSession dana = m.sessions().get(4);
    assertEquals("host", dana.role());
    assertEquals("opted-out-1", dana.participantId());
    assertNull(dana.displayName());
  }

  @Test
  void tokensJoinRecordsLinkedOnlyThroughALaterRecord() {
    // Session 1 (name only) and session 2 (email only) are linked by session 3 (both).
    ParticipantSession byName = session("Ada Example", null, null,
        "2026-03-02T09:00:00Z", "2026-03-02T09:10:00Z");
    ParticipantSession byEmail = session("Ada on iPad", "ada@example.com", null,
        "2026-03-02T09:10:00Z", "2026-03-02T09:20:00Z");
    ParticipantSession both = session("Ada Example", "ada@example.com", null,
        "2026-03-02T09:20:00Z", "2026-03-02T09:30:00Z");
    ParticipantSession lee = session("Lee Placeholder", null, null,
        "2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z");
    ParsedMeeting in = new ParsedMeeting("mk1", MANIFEST, List.of(byName, lee, byEmail, both),
        List.of(), List.of(), List.of(), List.of(), List.of());
    GateResult r = GATE.apply(in);
    assertEquals(List.of("opted-out-1", "opted-out-2", "opted-out-1", "opted-out-1"),
        r.meeting().sessions().stream().map(ParticipantSession::participantId).toList());
    assertEquals(2, r.counts().optedOutPeople());
  }
}
