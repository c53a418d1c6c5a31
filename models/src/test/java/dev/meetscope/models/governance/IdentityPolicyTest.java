package dev.meetscope.models.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.meetscope.models.record.ActionItem;
import dev.meetscope.models.record.CrosstalkSegment;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.ParticipantSession;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityPolicyTest {
  private static final Pseudonymizer KEYS =
      new Pseudonymizer("identity-policy-test-key-0123456789".getBytes(StandardCharsets.UTF_8));
  private static final Pseudonymizer ROTATED =
      new Pseudonymizer("identity-policy-test-key-rotated-01".getBytes(StandardCharsets.UTF_8));

  static ParticipantMeeting person(String identity, String name, String email, List<String> flags) {
    return new ParticipantMeeting("m1", identity, name, email, false, null, null, 600L, 1.0, 1, 0, 0L, 0L,
        1.0, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        "none", null, null, 50.0, null, null, null, null, null, "exact", flags, 1.0, "1.0.0");
  }

  @Test
  void participantRowsGetTheKeyedHmacAndNoIdentityByDefault() {
    ParticipantMeeting row = new IdentityPolicy(KEYS, false)
        .protect(person("email:ada@example.com", "Ada Example", "ada@example.com", List.of()));
    assertEquals(KEYS.participantKey("email:ada@example.com"), row.participantKey());
    assertEquals(64, row.participantKey().length());
    assertNull(row.displayName());
    assertNull(row.email());
    assertEquals(50.0, row.engagementScore());
    // The same identity under a rotated key is unrelated.
    ParticipantMeeting rotated = new IdentityPolicy(ROTATED, false)
        .protect(person("email:ada@example.com", "Ada Example", "ada@example.com", List.of()));
    assertEquals(ROTATED.participantKey("email:ada@example.com"), rotated.participantKey());
    assertEquals(false, rotated.participantKey().equals(row.participantKey()));
  }

  @Test
  void includeIdentitiesKeepsNamesButStillKeysThePerson() {
    ParticipantMeeting row = new IdentityPolicy(KEYS, true)
        .protect(person("uid:U1", "Ada Example", "ada@example.com", List.of()));
    assertEquals(KEYS.participantKey("uid:U1"), row.participantKey());
    assertEquals("Ada Example", row.displayName());
    assertEquals("ada@example.com", row.email());
  }

  @Test
  void optedOutPeopleHaveNoRow() {
    assertNull(new IdentityPolicy(KEYS, true).protect(person("uid:opted-out-1", null, null,
        List.of("opted_out"))));
  }

  @Test
  void sessionIdsBecomeKeysAndNamesGoAway() {
    ParticipantSession s = new ParticipantSession("m1", "/in/Ada Example 1-1/p.csv", 2, "participant_api_json",
        null, null, "Ada Example", "Ada", "ada@example.com", "U1", null, "16778240", "EMP-7", "R9", null, null,
        60L, false, null, null, null, null, List.of());
    IdentityPolicy.Cleaner r = new IdentityPolicy.MeetingTerms().add(s).cleaner();
    ParticipantSession out = new IdentityPolicy(KEYS, false).protect(s, r);
    assertNull(out.displayName());
    assertNull(out.originalName());
    assertNull(out.email());
    assertEquals(KEYS.participantKey("uid:U1"), out.participantId());
    assertEquals(KEYS.participantKey("ck:EMP-7"), out.customerKey());
    assertEquals(KEYS.participantKey("reg:R9"), out.registrantId());
    assertEquals("16778240", out.userId());
    assertEquals("/in/[redacted] 1-1/p.csv", out.sourceFile());
  }

  @Test
  void meetingRowsKeyEveryPersonAndCleanTheirText() {
    MeetingSummary m = new MeetingSummary("m1", "812", "1:1 Ada Example / Dana", null, null, null, "none", 2,
        2, 0, null, null, null, null, null, null,
        List.of(new CrosstalkSegment(null, null, 1.0, 2.0, List.of("uid:U1", "email:dana@example.com"),
            "overlap")),
        null, null, null, null, null, null,
        List.of(new ActionItem("Ada Example will send the deck", "uid:U1", "Ada Example", "by Friday", true,
            Instant.EPOCH)),
        null, null, null, "Ada Example spoke most; ask ada@example.com", List.of(), 1.0, "1.0.0");
    IdentityPolicy.Cleaner r = IdentityPolicy.Cleaner.of(Redactor.of(List.of("Ada Example"), List.of(),
        List.of()));
    MeetingSummary out = new IdentityPolicy(KEYS, false).protect(m, r);
    assertEquals("1:1 [redacted] / Dana", out.topic());
    assertEquals("[redacted] spoke most; ask [redacted]", out.summary());
    assertEquals(List.of(KEYS.participantKey("uid:U1"), KEYS.participantKey("email:dana@example.com")),
        out.crosstalkSegments().get(0).speakers());
    ActionItem a = out.actionItems().get(0);
    assertEquals("[redacted] will send the deck", a.text());
    assertEquals(KEYS.participantKey("uid:U1"), a.ownerKey());
    assertNull(a.ownerName());
  }

  @Test
  void deadLettersAreCleanedEvenWithIdentities() {
    DeadLetter d = new DeadLetter("m1", "parse", "participant_csv", "/in/m/p.csv", 3L, null, "CSV_BAD_TIME",
        "bad time for Ada Example", "Ada Example,ada@example.com,99:99 (cc bob@example.org)");
    DeadLetter out = new IdentityPolicy(KEYS, true)
        .protect(d, IdentityPolicy.Cleaner.of(Redactor.of(List.of("Ada Example"), List.of("ada@example.com"),
            List.of())));
    assertEquals("bad time for [redacted]", out.message());
    assertEquals("[redacted],[redacted],99:99 (cc [redacted])", out.rawText());
  }

  @Test
  void bigMeetingsAreCleanedThroughTheFirstWordIndexWithTheSameResult() {
    IdentityPolicy.MeetingTerms terms = new IdentityPolicy.MeetingTerms();
    for (int i = 0; i < 300; i++) {
      terms.add(new ParticipantSession("m1", "/in/p.csv", i, "participant_csv", null, null, "Person " + i
          + " Example", null, null, null, null, null, null, null, null, null, 60L, false, null, null, null, null,
          List.of()));
    }
    terms.add(new ParticipantSession("m1", "/in/p.csv", 301, "participant_csv", null, null, "山田 花子", null,
        "hanako@example.com", "KDcuGIm1QgePTO8WbOqwIQ", null, null, null, null, null, null, 60L, false, null,
        null, null, null, List.of()));
    IdentityPolicy.Cleaner indexed = terms.cleaner();
    assertEquals(IdentityPolicy.IndexedCleaner.class, indexed.getClass());
    IdentityPolicy.Cleaner plain = IdentityPolicy.Cleaner.of(terms.redactor());
    for (String text : List.of("Thanks person 12 example and Person 299  Example!", "山田花子さん、ありがとう",
        "id KDcuGIm1QgePTO8WbOqwIQ, mail hanako@example.com", "Personal examples are fine", "Person 3",
        "Person 30 Example")) {
      assertEquals(plain.clean(text), indexed.clean(text), text);
    }
    assertEquals("Thanks [redacted] and [redacted]!", indexed.clean("Thanks person 12 example and Person 299  Example!"));
  }

  @Test
  void labelsBecomePerMeetingKeys() {
    IdentityPolicy p = new IdentityPolicy(KEYS, false);
    assertEquals(KEYS.participantKey("name:m1:ada example"), p.labelKey("m1", "Ada  Example"));
    assertEquals(Redactor.MARK, p.labelKey("m1", Redactor.MARK));
    assertNull(p.labelKey("m1", null));
  }
}
