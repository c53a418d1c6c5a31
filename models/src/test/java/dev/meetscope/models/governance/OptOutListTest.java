package dev.meetscope.models.governance;

import static dev.meetscope.models.governance.Records.joined;
import static dev.meetscope.models.governance.Records.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.governance.PersonRef.Kind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptOutListTest {
  static final String FILE = "\uFEFF# people who opted out, 2026-03\r\n"
      + "  Ada.Example@Example.COM  \r\n"
      + "\r\n"
      + "\t# indented comment\r\n"
      + "EMP-1042\r\n"
      + "山田\u3000花子\r\n"
      + "José Nun\u0303ez\r\n" // decomposed ñ: NFC makes it match a composed "Núñez"-style name
      + "Team #3 Lead\r\n"
      + "uid:KDcuGIm1QgePTO8WbOqwIQ\r"
      + "name:Lee Placeholder (he/him)";

  @Test
  void parsesEveryKindOfLine() {
    OptOutList list = OptOutList.parse(FILE);
    assertEquals(List.of(
        new PersonRef(Kind.EMAIL, "ada.example@example.com"),
        new PersonRef(Kind.NAME_OR_KEY, "EMP-1042"),
        new PersonRef(Kind.NAME_OR_KEY, "山田\u3000花子"),
        new PersonRef(Kind.NAME_OR_KEY, "José Nun\u0303ez"),
        new PersonRef(Kind.NAME_OR_KEY, "Team #3 Lead"),
        new PersonRef(Kind.USER_ID, "KDcuGIm1QgePTO8WbOqwIQ"),
        new PersonRef(Kind.NAME, "Lee Placeholder (he/him)")), list.entries());
    assertEquals("OptOutList[7 entries]", list.toString());
  }

  @Test
  void parsesBytesStrictly() {
    OptOutList list = OptOutList.parse("grace@example.com\n".getBytes(StandardCharsets.UTF_8));
    assertTrue(list.matchesEmail("GRACE@example.com"));
    InvalidOptionException e = assertThrows(InvalidOptionException.class,
        () -> OptOutList.parse(new byte[] {'J', 'o', 's', (byte) 0xE9, '\n'}));
    assertEquals("--optOut: the file is not valid UTF-8 (first bad byte at offset 3); save it as UTF-8",
        e.getMessage());
  }

  @Test
  void emailMatchIgnoresCaseAndSpaces() {
    OptOutList list = OptOutList.parse(FILE);
    assertTrue(list.matchesEmail("ada.example@example.com"));
    assertTrue(list.matchesEmail(" ADA.EXAMPLE@EXAMPLE.COM "));
    assertFalse(list.matchesEmail("ada@example.com"));
    assertFalse(list.matchesEmail(null));
  }

  @Test
  void customerKeyMatchIsExact() {
    OptOutList list = OptOutList.parse(FILE);
    assertTrue(list.matchesCustomerKey("EMP-1042"));
    assertFalse(list.matchesCustomerKey("emp-1042"));
    assertFalse(list.matchesCustomerKey("EMP-10420"));
  }

  @Test
  void namesMatchNormalised() {
    OptOutList list = OptOutList.parse(FILE);
    assertTrue(list.matchesName("山田 花子"));
    assertTrue(list.matchesName("山田  花子 "));
    assertTrue(list.matchesName("JOSÉ NÚÑEZ".replace("Ú", "U"))); // "JOSÉ NUÑEZ", composed
    assertTrue(list.matchesName("José Nuñez"));
    assertTrue(list.matchesName("team #3 lead"));
    assertFalse(list.matchesName("José"));
    assertFalse(list.matchesName("山田"));
  }

  @Test
  void trailingParenthesesAreTolerated() {
    OptOutList list = OptOutList.parse("Ada Example\nname:Lee Placeholder (he/him)\n");
    assertTrue(list.matchesName("Ada Example (she/her)"));
    assertTrue(list.matchesName("Ada Example (Host)"));
    assertTrue(list.matchesName("Ada Example (she/her) (Host)"));
    // a rename: "New Name (Original Name)" is still Ada
    assertTrue(list.matchesName("Grace Sample (Ada Example)"));
    // a listed suffix is optional on the looked-up side
    assertTrue(list.matchesName("Lee Placeholder"));
    assertTrue(list.matchesName("lee placeholder (he/him)"));
    // but a listed suffix never becomes a name of its own
    assertFalse(list.matchesName("Grace Sample (he/him)"));
    assertFalse(list.matchesName("Ada Example’s iPhone"));
    assertFalse(list.matchesName("Ada"));
  }

  @Test
  void matchesSessionsAndEventsByAnyIdentifier() {
    OptOutList list = OptOutList.parse(FILE);
    assertTrue(list.matches(session("Somebody", "ada.example@example.com", null,
        "2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z")));
    assertTrue(list.matches(session("Somebody", null, "KDcuGIm1QgePTO8WbOqwIQ",
        "2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z")));
    assertTrue(list.matches(session("山田 花子", null, null,
        "2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z")));
    assertFalse(list.matches(session("Grace Sample", "grace@example.com", null,
        "2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z")));
    assertTrue(list.matches(joined("Ada Ex", "ada.example@example.com", null)));
    assertFalse(list.matches(joined("Grace Sample", null, "U2")));
  }

  @Test
  void expansionCarriesAnEmailOptOutToTheNamesUsedInTheMeeting() {
    OptOutList list = OptOutList.parse("ada@example.com\n");
    assertFalse(list.matchesName("Ada Example"));
    OptOutList expanded = list.expandedFor(
        List.of(session("Ada Example (she/her)", "ada@example.com", null,
                "2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z"),
            session("Grace Sample", "grace@example.com", null,
                "2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z")),
        List.of(joined("Ada E.", null, "UADA")));
    assertTrue(expanded.matchesName("Ada Example"));
    assertTrue(expanded.matchesName("Ada Example (she/her)"));
    assertFalse(expanded.matchesName("Grace Sample"));
    // the event matched nothing directly: no email, unknown name, unknown id
    assertFalse(expanded.matchesName("Ada E."));
    assertTrue(expanded.matchesEmail("ada@example.com"));
    assertEquals(1, expanded.entries().size());
  }

  @Test
  void expansionFollowsChainsUntilNothingNew() {
    OptOutList list = OptOutList.parse("Ada Example\n");
    OptOutList expanded = list.expandedFor(
        List.of(session("Ada Example", "ada@example.com", null,
            "2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z")),
        // this event is linked only through the email learned from the session; it brings a user id
        List.of(joined("Ada on iPad", "ada@example.com", "UADA"),
            joined("Ada phone", null, "UADA")));
    assertTrue(expanded.matchesUserId("UADA"));
    assertTrue(expanded.matchesName("Ada on iPad"));
    assertTrue(expanded.matchesName("Ada phone"));
  }

  @Test
  void unusableLinesFailTheWholeList() {
    InvalidOptionException e = assertThrows(InvalidOptionException.class,
        () -> OptOutList.parse("ada@example.com\nemail:\nck:  \n"));
    assertEquals("--optOut: line 2: 'email:' has no value; line 3: 'ck:' has no value", e.getMessage());
  }

  @Test
  void emptyAndCommentOnlyListsMatchNothing() {
    assertTrue(OptOutList.parse("# nobody yet\n\n").isEmpty());
    assertTrue(OptOutList.empty().isEmpty());
    assertFalse(OptOutList.empty().matchesName("Ada Example"));
  }

  @Test
  void personRefKinds() {
    assertEquals(new PersonRef(Kind.EMAIL, "ada@example.com"), PersonRef.parse("Email: ADA@example.com"));
    assertEquals(new PersonRef(Kind.CUSTOMER_KEY, "emp-1"), PersonRef.parse("ck:emp-1"));
    assertEquals(new PersonRef(Kind.REGISTRANT_ID, "R9"), PersonRef.parse("reg:R9"));
    assertEquals(new PersonRef(Kind.NAME_OR_KEY, "ada@home"), PersonRef.parse("ada@home"));
    assertEquals("email:ada@example.com", PersonRef.parse("ada@example.com").stableIdentity());
    assertEquals("ck:EMP-1042", PersonRef.parse("EMP-1042").stableIdentity());
    assertEquals("uid:U1", PersonRef.parse("uid:U1").stableIdentity());
    assertEquals(null, PersonRef.parse("name:Ada Example").stableIdentity());
    assertEquals("name:mk1:ada example", PersonRef.parse("name:Ada  Example").nameIdentity("mk1"));
    assertEquals(null, PersonRef.parse("ada@example.com").nameIdentity("mk1"));
  }
}
