package dev.meetscope.models.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RosterTest {
  static final String CSV = "\uFEFFPerson Email,Manager_Email,Department\r\n"
      + "Ada@Example.com,dana.host@example.com,Research\r\n"
      + "grace@example.com,Dana.Host@example.com,\r\n"
      + "\r\n"
      + "EMP-1042,dana.host@example.com,\"Research, Applied\"\r\n"
      + "lee@example.com,,Ops\r\n"
      + "ada@example.com,other@example.com,Ops\r\n"
      + "jose@example.com,not-an-email,Ops\r\n"
      + ",dana.host@example.com,Ops\r\n"
      + "yamada@example.com,grace@example.com";

  @Test
  void parsesEntriesWithLinesAndNormalisedEmails() {
    Roster r = Roster.parse(CSV);
    assertEquals(List.of(
        new RosterEntry("ada@example.com", "dana.host@example.com", "Research", 2),
        new RosterEntry("grace@example.com", "dana.host@example.com", null, 3),
        new RosterEntry("EMP-1042", "dana.host@example.com", "Research, Applied", 5),
        new RosterEntry("yamada@example.com", "grace@example.com", null, 10)), r.entries());
  }

  @Test
  void collectsProblemsInsteadOfDroppingRowsSilently() {
    assertEquals(List.of(
        "line 6: the manager cell is empty",
        "line 7: the person is already listed on line 2",
        "line 8: the manager must be an email address",
        "line 9: the person cell is empty"), Roster.parse(CSV).problems());
  }

  @Test
  void lookups() {
    Roster r = Roster.parse(CSV);
    assertEquals("dana.host@example.com", r.managerOf("ADA@example.com"));
    assertEquals("dana.host@example.com", r.managerOf("EMP-1042"));
    assertNull(r.managerOf("emp-1042"));
    assertEquals("Research", r.departmentOf("ada@example.com"));
    assertEquals(List.of("ada@example.com", "grace@example.com", "EMP-1042"),
        r.directReports("Dana.Host@Example.com").stream().map(RosterEntry::person).toList());
    assertEquals(Map.of("dana.host@example.com", 3, "grace@example.com", 1), r.teamSizes());
    assertEquals("Roster[4 people, 4 problems]", r.toString());
  }

  @Test
  void stableIdentities() {
    assertEquals("email:ada@example.com",
        new RosterEntry("ada@example.com", "m@example.com", null, 2).stableIdentity());
    assertEquals("ck:EMP-1042", new RosterEntry("EMP-1042", "m@example.com", null, 2).stableIdentity());
    assertEquals("uid:U1", new RosterEntry("uid:U1", "m@example.com", null, 2).stableIdentity());
  }

  @Test
  void pseudonymisedRowsCarryNoPersonEmail() {
    Pseudonymizer p = new Pseudonymizer("0123456789abcdef0123456789abcdef".getBytes(
        StandardCharsets.US_ASCII));
    List<Map<String, String>> rows = Roster.parse(CSV).pseudonymisedRows(p);
    assertEquals(4, rows.size());
    assertEquals("3eb666f88834c77bed39c0e395cd0ceaa2e56ce7aa2ff432f027ebde5eb982b5",
        rows.get(0).get("participant_key"));
    assertEquals("52737634beb7856ed7e8583bf864494c09216a91903c6ecf385af1c77ca8be68",
        rows.get(2).get("participant_key"));
    assertEquals(List.of("participant_key", "manager_email", "department"),
        List.copyOf(rows.get(0).keySet()));
    assertEquals("dana.host@example.com", rows.get(0).get("manager_email"));
  }

  @Test
  void headerWithoutAManagerColumn() {
    assertEquals(List.of("line 1: the header needs a person column (person, email, …) and a manager "
        + "column (manager, manager_email)"), Roster.parse("email,boss\na@b.co,c@d.co\n").problems());
  }

  @Test
  void brokenQuotingIsAProblemNotACrash() {
    Roster r = Roster.parse("email,manager\n\"a@b.co,c@d.co\n");
    assertEquals(1, r.problems().size());
    assertEquals(List.of(), r.entries());
  }
}
