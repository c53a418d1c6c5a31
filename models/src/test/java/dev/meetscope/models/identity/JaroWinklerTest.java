package dev.meetscope.models.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JaroWinklerTest {
  @Test
  void textbookValues() {
    // Winkler's examples: m=6, t=1 → Jaro (1 + 1 + 5/6)/3; prefix 3 → + 0.3·(1 − Jaro)
    assertEquals(0.944444, JaroWinkler.jaro("MARTHA", "MARHTA"), 1e-6);
    assertEquals(0.961111, JaroWinkler.similarity("MARTHA", "MARHTA"), 1e-6);
    assertEquals(0.840000, JaroWinkler.similarity("DWAYNE", "DUANE"), 1e-6);
    assertEquals(0.813333, JaroWinkler.similarity("DIXON", "DICKSONX"), 1e-6);
  }

  @Test
  void edges() {
    assertEquals(1.0, JaroWinkler.similarity("ada", "ada"));
    assertEquals(0.0, JaroWinkler.similarity("", "ada"));
    assertEquals(0.0, JaroWinkler.similarity("abc", "xyz"));
  }
}
