package dev.meetscope.models.analytics.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class InequalityTest {
  @Test
  void giniOfKnownVectors() {
    assertEquals(0.0, Inequality.gini(1, 1, 1, 1), 1e-12);
    assertEquals(0.75, Inequality.gini(0, 0, 0, 1), 1e-12);
    // sorted 1,2,3,4: Σ(2i−5)·x = −3−2+3+12 = 10; 10 / (4·10)
    assertEquals(0.25, Inequality.gini(4, 1, 3, 2), 1e-12);
    assertEquals(0.5, Inequality.gini(0, 1), 1e-12);
  }

  @Test
  void giniIsScaleFreeAndHistogramsEqualLists() {
    SortedMap<Long, Long> h = new TreeMap<>();
    h.put(0L, 3L);
    h.put(60_000L, 1L);
    assertEquals(0.75, Inequality.gini(h), 1e-12);
  }

  @Test
  void giniIsNullWhenUndefined() {
    assertNull(Inequality.gini());
    assertNull(Inequality.gini(0, 0));
  }

  @Test
  void normalisedEntropy() {
    assertEquals(1.0, Inequality.normalisedEntropy(5, 5), 1e-12);
    assertEquals(1.0, Inequality.normalisedEntropy(2, 2, 2, 2), 1e-12);
    // shares 0.75/0.25: −(0.75 ln 0.75 + 0.25 ln 0.25) / ln 2
    assertEquals(0.811278124459, Inequality.normalisedEntropy(3, 1), 1e-12);
    // silent people do not count
    assertEquals(1.0, Inequality.normalisedEntropy(2, 0, 2), 1e-12);
    assertEquals(0.0, Inequality.normalisedEntropy(7, 0), 1e-12);
    assertNull(Inequality.normalisedEntropy(0, 0));
  }
}
