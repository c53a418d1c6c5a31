package dev.meetscope.models.nlp.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SentimentScaleTest {
  @Test
  void classProbabilitiesMapToTheUnitInterval() {
    assertEquals(0.0, SentimentScale.score(new double[] {1, 0, 0, 0, 0}), 1e-12);
    assertEquals(1.0, SentimentScale.score(new double[] {0, 0, 0, 0, 1}), 1e-12);
    assertEquals(0.5, SentimentScale.score(new double[] {0, 0, 1, 0, 0}), 1e-12);
    // 0.1·0 + 0.2·0.25 + 0.4·0.5 + 0.2·0.75 + 0.1·1 = 0.5
    assertEquals(0.5, SentimentScale.score(new double[] {0.1, 0.2, 0.4, 0.2, 0.1}), 1e-12);
    assertEquals(0.6875, SentimentScale.score(new double[] {0, 0, 0.25, 0.75, 0}), 1e-12);
  }

  @Test
  void needsFiveClasses() {
    assertThrows(IllegalArgumentException.class, () -> SentimentScale.score(new double[] {0.5, 0.5}));
  }
}
