package dev.meetscope.models.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FuzzyNameScoreTest {
  @Test
  void typoInOneWordScoresHigh() {
    // JW(sampel, sample): m=6, t=1 → Jaro 0.944444, prefix 4 → 0.966667; the other pair is 1.
    assertEquals(0.966667, FuzzyNameScore.score("grace sampel", "grace sample"), 1e-6);
  }

  @Test
  void aDifferentSurnameScoresLowWhateverTheSharedFirstName() {
    // JW(sampson, sample) = 0.848 is the weakest pair (the whole strings would score 0.92).
    double s = FuzzyNameScore.score("grace sampson", "grace sample");
    assertEquals(0.847619, s, 1e-6);
    assertTrue(s < NameMatcher.DEFAULT_FUZZY_THRESHOLD);
  }

  @Test
  void wordOrderAndSubsetsAndSingleWords() {
    assertEquals(1.0, FuzzyNameScore.score("sample grace", "grace sample"));
    assertEquals(0.95, FuzzyNameScore.score("lee placeholder", "lee p placeholder"));
    assertEquals(0.95, FuzzyNameScore.score("dr grace sample", "grace sample"));
    assertEquals(0.0, FuzzyNameScore.score("grace", "grace sample"));
    assertEquals(0.0, FuzzyNameScore.score("ada", "adaa"));
    assertEquals(0.95, FuzzyNameScore.score("ada example", "ada example example academy"));
    // more than 6 words: no word pairing is tried
    assertEquals(0.0, FuzzyNameScore.score("ada b c d e f example", "ada b c d e f exampel"));
  }
}
