package dev.meetscope.models.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupSuppressionTest {
  record Team(String manager, long people) {}

  @Test
  void fourIsSuppressedFiveIsReported() {
    GroupSuppression g = GroupSuppression.defaults();
    assertFalse(g.reportable(4));
    assertTrue(g.reportable(5));
    assertEquals(5, g.threshold());
  }

  @Test
  void countsDistinctPeopleIgnoringRepeatsAndNulls() {
    GroupSuppression g = GroupSuppression.defaults();
    assertFalse(g.reportable(Arrays.asList("k1", "k2", "k3", "k4", "k4", "k1", null)));
    assertTrue(g.reportable(List.of("k1", "k2", "k3", "k4", "k5")));
  }

  @Test
  void appliesToAggregatesInOrder() {
    GroupSuppression.Result<Team> r = new GroupSuppression(6).apply(
        List.of(new Team("a", 12), new Team("b", 5), new Team("c", 6), new Team("d", 0)), Team::people);
    assertEquals(List.of(new Team("a", 12), new Team("c", 6)), r.kept());
    assertEquals(2, r.suppressed());
  }

  @Test
  void complementarySuppressionHidesEnoughThatTheTotalRevealsNoSmallGroup() {
    GroupSuppression g = GroupSuppression.defaults();
    // One small department: the next smallest goes too, else org total minus the rest reveals it.
    GroupSuppression.Result<Team> r = g.applyWithComplement(List.of(new Team("research", 12),
        new Team("ops", 3), new Team("sales", 7), new Team("legal", 6)), Team::people);
    assertEquals(List.of(new Team("research", 12), new Team("sales", 7)), r.kept());
    assertEquals(2, r.suppressed());
    // Two small departments of 2 + 2 people are still fewer than 5 together.
    r = g.applyWithComplement(List.of(new Team("a", 2), new Team("b", 2), new Team("c", 9),
        new Team("d", 9)), Team::people);
    assertEquals(List.of(new Team("d", 9)), r.kept());
    // Small groups already holding 5 people together need no complement.
    r = g.applyWithComplement(List.of(new Team("a", 3), new Team("b", 2), new Team("c", 9)),
        Team::people);
    assertEquals(List.of(new Team("c", 9)), r.kept());
    // Nothing small: nothing suppressed.
    r = g.applyWithComplement(List.of(new Team("a", 5), new Team("b", 6)), Team::people);
    assertEquals(0, r.suppressed());
  }

  @Test
  void thresholdBelowFiveIsRefused() {
    InvalidOptionException e = assertThrows(InvalidOptionException.class,
        () -> new GroupSuppression(4));
    assertEquals("--minGroupSize: must be at least 5, got 4", e.getMessage());
  }
}
