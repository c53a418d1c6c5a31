package dev.meetscope.models.stream;

import static dev.meetscope.models.stream.StreamEventFixtures.at;
import static dev.meetscope.models.stream.StreamEventFixtures.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.analytics.MeetingAnalysis;
import dev.meetscope.models.analytics.MeetingAnalyzer;
import dev.meetscope.models.governance.AllowList;
import dev.meetscope.models.governance.ConsentDecision;
import dev.meetscope.models.governance.ConsentMode;
import dev.meetscope.models.governance.ConsentPolicy;
import dev.meetscope.models.governance.IdentityPolicy;
import dev.meetscope.models.governance.OptOutList;
import dev.meetscope.models.governance.Pseudonymizer;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.ParticipantMeeting;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The batch job's opt-out gate and output policy over the stream's events, final rows and dead letters. */
class StreamGovernanceTest {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private static MeetingEvent joined(String name, String email, String userId, int minute) {
    return event("meeting.participant_joined", at(minute, 0), "j-" + userId, name, userId, email, at(minute, 0),
        null, null, List.of());
  }

  private static MeetingEvent left(String name, String email, String userId, int minute) {
    return event("meeting.participant_left", at(minute, 0), "l-" + userId, name, userId, email, null,
        at(minute, 0), "left the meeting", List.of());
  }

  private static MeetingEvent chat(String name, String email, int minute) {
    return event("meeting.chat_message_sent", at(minute, 0), "c-" + name + minute, name, null, email, null, null,
        null, List.of());
  }

  private static List<MeetingEvent> meeting() {
    return List.of(
        event("meeting.started", at(0, 0), "s", null, null, null, null, null, null, List.of()),
        joined("Ada Example", "ada@example.com", "101", 0),
        joined("Lee Placeholder", "lee@example.com", "102", 1),
        joined("Grace Sample", "grace@example.com", "103", 2),
        chat("Grace Sample", "grace@example.com", 3),
        chat("Ada Example", "ada@example.com", 4),
        left("Grace Sample", "grace@example.com", "103", 5),
        joined("Grace Sample", "grace@example.com", "104", 6),
        event("meeting.ended", at(10, 0), "e", null, null, null, null, null, null, List.of()),
        left("Ada Example", "ada@example.com", "101", 10),
        left("Lee Placeholder", "lee@example.com", "102", 10),
        left("Grace Sample", "grace@example.com", "104", 10));
  }

  private static StreamGovernance governance(String optOut, boolean includeIdentities) {
    return new StreamGovernance(OptOutList.parse(optOut), new IdentityPolicy(new Pseudonymizer(KEY),
        includeIdentities));
  }

  private static StreamGovernance.FinalRows finalRows(StreamGovernance g) {
    List<MeetingEvent> gated = g.gate("m", meeting());
    return g.protect(gated, new MeetingAnalyzer().analyze(StreamMeetingInput.build("m", gated)));
  }

  @Test
  void keysAreTheBatchKeysOfTheStableIdentityAndNamesAndEmailsAreGone() {
    StreamGovernance.FinalRows rows = finalRows(governance("", false));
    Pseudonymizer keys = new Pseudonymizer(KEY);
    assertEquals(Set.of(keys.participantKey("email:ada@example.com"), keys.participantKey("email:lee@example.com"),
            keys.participantKey("email:grace@example.com")),
        rows.participants().stream().map(ParticipantMeeting::participantKey).collect(Collectors.toSet()));
    for (ParticipantMeeting p : rows.participants()) {
      assertNull(p.displayName());
      assertNull(p.email());
    }
    assertEquals(3, rows.meeting().participants());
  }

  @Test
  void withIdentitiesNamesStayAndKeysAreStillKeyed() {
    StreamGovernance.FinalRows rows = finalRows(governance("", true));
    assertEquals(Set.of("Ada Example", "Lee Placeholder", "Grace Sample"),
        rows.participants().stream().map(ParticipantMeeting::displayName).collect(Collectors.toSet()));
    assertTrue(rows.participants().stream().noneMatch(p -> p.participantKey().startsWith("email:")));
  }

  @Test
  void anOptedOutPersonHasNoRowNoChatButCountsInMeetingTotals() {
    StreamGovernance.FinalRows open = finalRows(governance("", false));
    StreamGovernance.FinalRows rows = finalRows(governance("grace@example.com\n", true));
    assertEquals(Set.of("Ada Example", "Lee Placeholder"),
        rows.participants().stream().map(ParticipantMeeting::displayName).collect(Collectors.toSet()));
    assertEquals(open.meeting().peakConcurrent(), rows.meeting().peakConcurrent());
    assertEquals(3, rows.meeting().participants());
    assertEquals(1, rows.meeting().chatMessages());
    assertEquals(open.timeline().get(3).present(), rows.timeline().get(3).present());
  }

  @Test
  void theGateKeepsOptedOutTimingUnderOneTokenWithoutIdentity() {
    List<MeetingEvent> gated = governance("name:Grace Sample\n", false).gate("m", meeting());
    assertEquals(meeting().size() - 1, gated.size());
    List<MeetingEvent> grace = gated.stream().filter(e -> e.flags().contains("opted_out")).toList();
    assertEquals(4, grace.size()); // two joins, two leaves; the chat event is gone
    assertEquals(1, grace.stream().map(MeetingEvent::participantId).distinct().count());
    assertTrue(grace.stream().allMatch(e -> e.displayName() == null && e.email() == null && e.userId() == null));
  }

  @Test
  void liveWindowsDoNotCountAListedPersonsChat() {
    StreamGovernance g = governance("grace@example.com\n", false);
    assertFalse(g.countsLive(chat("Grace Sample", "grace@example.com", 3)));
    assertTrue(g.countsLive(chat("Ada Example", "ada@example.com", 3)));
    assertTrue(g.countsLive(joined("Grace Sample", "grace@example.com", "103", 2)));
    assertTrue(governance("", false).countsLive(chat("Grace Sample", "grace@example.com", 3)));
  }

  @Test
  void deadLettersLoseTheirDeliverysPeopleWhateverIncludeIdentitiesSays() {
    String raw = "{\"event\":\"meeting.participant_joined\",\"payload\":{\"object\":{\"uuid\":\"u1\","
        + "\"participant\":{\"user_name\":\"Zo\\u00eb Quinn\",\"email\":\"zoe@example.com\","
        + "\"participant_user_id\":\"AbCdEf123\"}}}, broken";
    DeadLetter d = new DeadLetter("u1", "parse", "webhook_events", "events/a.ndjson", 3L, null, "WH_BAD_JSON",
        "Unexpected character after Zoë Quinn, write to mail@other.org", raw);
    for (boolean include : new boolean[] {false, true}) {
      DeadLetter clean = governance("name:Lee Placeholder\n", include).protect(d);
      for (String text : new String[] {clean.rawText(), clean.message()}) {
        assertFalse(text.contains("Zo"), text);
        assertFalse(text.contains("@example.com"), text);
        assertFalse(text.contains("mail@other.org"), text);
        assertFalse(text.contains("AbCdEf123"), text);
      }
      assertTrue(clean.rawText().contains("\"uuid\":\"u1\""), clean.rawText());
    }
    DeadLetter listed = new DeadLetter("u1", "stream", "webhook_events", "events/a.ndjson", 3L, null, "X",
        "about Lee Placeholder", "{}");
    assertEquals("about [redacted]", governance("name:Lee Placeholder\n", true).protect(listed).message());
  }

  @Test
  void unescapeUndoesJsonEscapes() {
    assertEquals("Zoë \"Q\"\\", StreamGovernance.unescape("Zo\\u00eb \\\"Q\\\"\\\\"));
  }

  @Test
  void consentComesFromTheAllowListOrPilotModeNeverFromAMissingManifest() {
    MeetingEvent e = joined("Ada Example", "ada@example.com", "101", 0); // meeting 81234567890, host DhOsT001
    IdentityPolicy policy = new IdentityPolicy(new Pseudonymizer(KEY), false);
    java.util.function.BiFunction<ConsentMode, String, ConsentDecision> decide = (mode, list) ->
        new StreamGovernance(new ConsentPolicy(mode, AllowList.parse(list)), OptOutList.empty(), policy).consent(e);

    assertEquals(new ConsentDecision(null, false, ConsentDecision.Reason.NO_CONSENT),
        decide.apply(ConsentMode.MANIFEST, ""));
    assertEquals(ConsentDecision.Reason.NOT_ALLOWLISTED, decide.apply(ConsentMode.ALLOWLIST, "").reason());
    assertEquals(ConsentDecision.Reason.ALLOWLISTED_MEETING,
        decide.apply(ConsentMode.MANIFEST, "meeting:812 3456 7890").reason());
    assertEquals(ConsentDecision.Reason.ALLOWLISTED_MEETING, decide.apply(ConsentMode.ALLOWLIST, e.meetingUuid())
        .reason());
    assertEquals(ConsentDecision.Reason.ALLOWLISTED_HOST, decide.apply(ConsentMode.ALLOWLIST, "host:DhOsT001")
        .reason());
    assertEquals(ConsentDecision.Reason.NOT_ALLOWLISTED, decide.apply(ConsentMode.ALLOWLIST, "meeting:99999999999")
        .reason());
    assertTrue(decide.apply(ConsentMode.ALL, "").analyse());
  }
}
