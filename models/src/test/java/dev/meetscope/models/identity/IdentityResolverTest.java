package dev.meetscope.models.identity;

import static dev.meetscope.models.analytics.TestRecords.MEETING;
import static dev.meetscope.models.analytics.TestRecords.at;
import static dev.meetscope.models.analytics.TestRecords.full;
import static dev.meetscope.models.analytics.TestRecords.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.record.ParticipantSession;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityResolverTest {
  private static List<String> identities(List<ResolvedPerson> people) {
    return people.stream().map(p -> p.person().identity()).toList();
  }

  private static ResolvedPerson find(List<ResolvedPerson> people, String identity) {
    return people.stream().filter(p -> p.person().identity().equals(identity)).findFirst().orElseThrow();
  }

  @Test
  void rejoinsAndDeviceSwitchesOfASignedInUserMerge() {
    List<ResolvedPerson> people = IdentityResolver.resolve(MEETING, List.of(
        session("Ada Example", "ada@example.com", "U1", at(0, 0), at(10, 0)),
        session("Ada’s iPhone", null, "U1", at(12, 0), at(30, 0)),
        session("Ada Example", "ada@example.com", "U1", at(31, 0), at(60, 0))), HostHints.none());
    assertEquals(List.of("uid:U1"), identities(people));
    ResolvedPerson ada = people.get(0);
    assertEquals(3, ada.sessions().size());
    assertEquals(List.of("Ada Example", "Ada’s iPhone"), ada.person().aliases());
    assertEquals("Ada Example", ada.person().displayName());
    assertEquals("ada@example.com", ada.person().email());
  }

  @Test
  void aGuestRowOfAKeyedPersonJoinsByName() {
    // The API hides id on some rows of a rejoining guest: group in key order, then by name.
    List<ResolvedPerson> people = IdentityResolver.resolve(MEETING, List.of(
        session("Grace Sample", "grace@example.com", "U2", at(0, 0), at(10, 0)),
        session("grace  sample", null, null, at(15, 0), at(20, 0))), HostHints.none());
    assertEquals(List.of("uid:U2"), identities(people));
    assertEquals(2, people.get(0).sessions().size());
  }

  @Test
  void emailLinksARowWithoutId() {
    List<ResolvedPerson> people = IdentityResolver.resolve(MEETING, List.of(
        session("Lee Placeholder", "lee@example.com", "U3", at(0, 0), at(10, 0)),
        session("Lee P.", "LEE@example.com", null, at(11, 0), at(20, 0))), HostHints.none());
    assertEquals(List.of("uid:U3"), identities(people));
  }

  @Test
  void keyPrecedenceAndTheIdentityStrings() {
    List<ResolvedPerson> people = IdentityResolver.resolve(MEETING, List.of(
        full("Ada Example", null, "ada@example.com", "U1", "C9", "R1", null, at(0, 0), at(1, 0), null),
        full("Grace Sample", null, "grace@example.com", null, null, "R2", null, at(0, 0), at(1, 0), null),
        full("Grace S.", null, null, null, null, "R2", null, at(2, 0), at(3, 0), null),
        full("Lee Placeholder", null, "Lee@Example.com", null, null, null, null, at(0, 0), at(1, 0), null),
        full("José Núñez", null, null, null, null, null, null, at(0, 0), at(1, 0), null)),
        HostHints.none());
    assertEquals(List.of("ck:C9", "email:lee@example.com", "name:mtg-1:josé núñez", "reg:R2"),
        identities(people));
    assertEquals(2, find(people, "reg:R2").sessions().size());
    assertTrue(find(people, "name:mtg-1:josé núñez").person().flags().contains("name_only_identity"));
  }

  @Test
  void thePerSessionUserIdIsNeverAKey() {
    // TestRecords gives every session the same user_id: two guests must still stay apart.
    List<ResolvedPerson> people = IdentityResolver.resolve(MEETING, List.of(
        session("Ada Example", null, null, at(0, 0), at(10, 0)),
        session("Grace Sample", null, null, at(0, 0), at(10, 0))), HostHints.none());
    assertEquals(List.of("name:mtg-1:ada example", "name:mtg-1:grace sample"), identities(people));
  }

  @Test
  void renamedGuestsMergeThroughTheOriginalName() {
    List<ResolvedPerson> people = IdentityResolver.resolve(MEETING, List.of(
        full("Lab Room", "Sam Tester", null, null, null, null, null, at(0, 0), at(10, 0), null),
        full("Sam Tester", null, null, null, null, null, null, at(20, 0), at(30, 0), null)),
        HostHints.none());
    assertEquals(List.of("name:mtg-1:lab room"), identities(people));
    assertEquals(List.of("Lab Room", "Sam Tester"), people.get(0).person().aliases());
  }

  @Test
  void twoSignedInNamesakesStayApartAndTheirGuestNamesakeToo() {
    List<ResolvedPerson> people = IdentityResolver.resolve(MEETING, List.of(
        session("Chris Example", null, "U7", at(0, 0), at(10, 0)),
        session("Chris Example", null, "U8", at(0, 0), at(10, 0)),
        session("chris example", null, null, at(5, 0), at(9, 0))), HostHints.none());
    assertEquals(List.of("name:mtg-1:chris example", "uid:U7", "uid:U8"), identities(people));
    assertTrue(people.get(0).person().flags().contains("ambiguous_name"));
  }

  @Test
  void differentIdsSharingAnEmailAreAConflictNotAMerge() {
    List<ResolvedPerson> people = IdentityResolver.resolve(MEETING, List.of(
        session("Ada Example", "team@example.com", "U1", at(0, 0), at(10, 0)),
        session("Grace Sample", "team@example.com", "U2", at(0, 0), at(10, 0))), HostHints.none());
    assertEquals(List.of("uid:U1", "uid:U2"), identities(people));
    assertTrue(people.get(0).person().flags().contains("identity_conflict"));
  }

  @Test
  void hostFromRoleIdEmailOrAUniqueManifestName() {
    List<ParticipantSession> sessions = List.of(
        full("Dana Host", null, "dana@example.com", "H1", null, null, "host", at(0, 0), at(60, 0), null),
        session("Ada Example", "ada@example.com", "U1", at(0, 0), at(60, 0)));
    List<ResolvedPerson> byRole = IdentityResolver.resolve(MEETING, sessions, HostHints.none());
    assertTrue(find(byRole, "uid:H1").person().host());
    assertFalse(find(byRole, "uid:U1").person().host());

    List<ParticipantSession> noRole = List.of(
        session("Dana Host", "dana@example.com", "H1", at(0, 0), at(60, 0)),
        session("Ada Example", "ada@example.com", "U1", at(0, 0), at(60, 0)));
    assertTrue(find(IdentityResolver.resolve(MEETING, noRole,
        new HostHints(Set.of("H1"), Set.of(), Set.of())), "uid:H1").person().host());
    assertTrue(find(IdentityResolver.resolve(MEETING, noRole,
        new HostHints(Set.of(), Set.of("dana@example.com"), Set.of())), "uid:H1").person().host());
    assertTrue(find(IdentityResolver.resolve(MEETING, noRole,
        new HostHints(Set.of(), Set.of(), Set.of("dana host"))), "uid:H1").person().host());
    List<ResolvedPerson> none = IdentityResolver.resolve(MEETING, noRole, HostHints.none());
    assertFalse(none.stream().anyMatch(p -> p.person().host()));
  }
}
