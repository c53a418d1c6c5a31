package dev.meetscope.models.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputViewTest {
  @Test
  void identitiesOnlyInTheHostViewAndOnlyWhenAskedFor() {
    assertTrue(OutputView.HOST.mayCarryIdentities(true));
    assertFalse(OutputView.HOST.mayCarryIdentities(false));
    assertFalse(OutputView.MANAGER.mayCarryIdentities(true));
    assertFalse(OutputView.PEOPLE_OPS.mayCarryIdentities(true));
  }

  @Test
  void foldersAndDetail() {
    assertEquals(List.of("host", "manager", "people_ops"),
        Arrays.stream(OutputView.values()).map(OutputView::folder).toList());
    assertEquals(List.of(true, false, false),
        Arrays.stream(OutputView.values()).map(OutputView::perPerson).toList());
  }
}
