package dev.meetscope.models.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.governance.ConsentDecision.Reason;
import dev.meetscope.models.parse.ParsedMeeting;
import dev.meetscope.models.record.MeetingManifest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentPolicyTest {
  static final AllowList ALLOW = AllowList.parse("# pilot hosts\r\n"
      + "Dana.Host@Example.com\r\n"
      + "812 3456 7890\r\n"
      + "host:KDcuGIm1QgePTO8WbOqwIQ\r\n"
      + "meeting:aB3+cD9/eF1gH2iJ3kL4mN==\r\n");

  private static ConsentSubject subject(Boolean enabled, String hostEmail, String hostId,
      String meetingId, String uuid) {
    return new ConsentSubject("mk1", meetingId, uuid, hostEmail, hostId, enabled);
  }

  private static Reason decide(ConsentMode mode, ConsentSubject s) {
    ConsentDecision d = new ConsentPolicy(mode, ALLOW).decide(s);
    assertEquals("mk1", d.meetingKey());
    assertEquals(d.reason().analyse(), d.analyse());
    return d.reason();
  }

  @Test
  void manifestModeFollowsTheFlag() {
    assertEquals(Reason.MANIFEST_ENABLED,
        decide(ConsentMode.MANIFEST, subject(true, null, null, "99999999999", null)));
    assertEquals(Reason.NO_CONSENT,
        decide(ConsentMode.MANIFEST, subject(null, null, null, "99999999999", null)));
    assertEquals(Reason.HOST_DISABLED,
        decide(ConsentMode.MANIFEST, subject(false, null, null, "99999999999", null)));
  }

  @Test
  void manifestModeAlsoAcceptsTheAllowList() {
    assertEquals(Reason.ALLOWLISTED_HOST,
        decide(ConsentMode.MANIFEST, subject(null, "dana.host@example.com", null, null, null)));
    assertEquals(Reason.ALLOWLISTED_HOST,
        decide(ConsentMode.MANIFEST, subject(null, null, "KDcuGIm1QgePTO8WbOqwIQ", null, null)));
    assertEquals(Reason.ALLOWLISTED_MEETING,
        decide(ConsentMode.MANIFEST, subject(null, null, null, "81234567890", null)));
    assertEquals(Reason.ALLOWLISTED_MEETING,
        decide(ConsentMode.MANIFEST, subject(null, null, null, null, "aB3+cD9/eF1gH2iJ3kL4mN==")));
  }

  @Test
  void allowlistModeIgnoresTheManifestFlag() {
    assertEquals(Reason.NOT_ALLOWLISTED,
        decide(ConsentMode.ALLOWLIST, subject(true, "grace@example.com", null, "99999999999", null)));
    assertEquals(Reason.ALLOWLISTED_HOST,
        decide(ConsentMode.ALLOWLIST, subject(true, "DANA.HOST@example.com", null, null, null)));
  }

  @Test
  void anExplicitRefusalWinsInEveryMode() {
    for (ConsentMode mode : ConsentMode.values()) {
      assertEquals(Reason.HOST_DISABLED,
          decide(mode, subject(false, "dana.host@example.com", null, "81234567890", null)), mode.name());
    }
  }

  @Test
  void allModeTakesEveryMeetingNotDisabled() {
    assertEquals(Reason.ALL_MODE, decide(ConsentMode.ALL, subject(null, null, null, null, null)));
  }

  @Test
  void subjectComesFromManifestThenReportThenEvents() {
    MeetingManifest manifest = new MeetingManifest("812 3456 7890", null, "Weekly", null, null, null,
        null, null, null, null, null);
    ParsedMeeting m = new ParsedMeeting("mk1", manifest,
        List.of(Records.session("Grace Sample", "grace@example.com", null,
                "2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z"),
            Records.host("Dana Host", "dana.host@example.com")),
        List.of(), List.of(), List.of(Records.joined("Grace Sample", null, "U2")), List.of(),
        List.of());
    ConsentSubject s = ConsentSubject.of(m);
    assertEquals(new ConsentSubject("mk1", "81234567890", "aB3+cD9/eF1gH2iJ3kL4mN==",
        "dana.host@example.com", "HOSTID123", null), s);
    ConsentDecision d = ConsentPolicy.defaults().decide(m);
    assertEquals(ConsentDecision.of("mk1", Reason.NO_CONSENT), d);
    assertEquals(Reason.ALLOWLISTED_HOST, new ConsentPolicy(ConsentMode.MANIFEST, ALLOW).decide(m)
        .reason());
  }

  @Test
  void withoutManifestNothingIsStated() {
    ParsedMeeting m = new ParsedMeeting("mk2", null, List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of());
    assertEquals(new ConsentSubject("mk2", null, null, null, null, null), ConsentSubject.of(m));
  }

  @Test
  void modeParsing() {
    assertEquals(ConsentMode.MANIFEST, ConsentMode.parse(null));
    assertEquals(ConsentMode.ALLOWLIST, ConsentMode.parse(" AllowList "));
    assertEquals(ConsentMode.ALL, ConsentMode.parse("all"));
    assertEquals("allowlist", ConsentMode.ALLOWLIST.optionValue());
    InvalidOptionException e = assertThrows(InvalidOptionException.class,
        () -> ConsentMode.parse("everyone"));
    assertEquals("--consentMode: expected manifest, allowlist or all, got 'everyone'", e.getMessage());
  }

  @Test
  void allowListEntries() {
    assertTrue(ALLOW.containsMeeting("81234567890", null));
    assertTrue(ALLOW.containsMeeting("812 3456 7890", null));
    assertFalse(ALLOW.containsMeeting("8123456789", null));
    assertTrue(ALLOW.containsHost(" dana.host@EXAMPLE.com", null));
    assertFalse(ALLOW.containsHost("KDcuGIm1QgePTO8WbOqwIQ@x", "kdcugim1qgepto8wboqwiq"));
    assertEquals("AllowList[2 host entries, 2 meeting entries]", ALLOW.toString());
    AllowList bare = AllowList.parse("Zx9-hostOrUuid\n");
    assertTrue(bare.containsHost(null, "Zx9-hostOrUuid"));
    assertTrue(bare.containsMeeting(null, "Zx9-hostOrUuid"));
    assertEquals("--consentAllowList: line 2: prefix has no value", assertThrows(
        InvalidOptionException.class, () -> AllowList.parse("a@b.co\nhost: \n")).getMessage());
  }
}
