package dev.meetscope.models.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameKeysTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Ada Example|ada example",
      "'  ADA   EXAMPLE '|ada example",
      "José Núñez|jose nunez",
      "Grace Sample (she/her)|grace sample",
      "Grace Sample she/her|grace sample",
      "Lee Placeholder (SL)|lee placeholder",
      "Dana Host (Host)|dana host",
      "Lab Room (Ada Example)|lab room",
      "Ada’s iPhone|ada",
      "Grace Sample's iPad|grace sample",
      "Ada's Galaxy S21 (2)|ada",
      "Sample, Grace|grace sample",
      "Sample, Grace (she/her)|grace sample",
      "Lee P. Placeholder (he/him/his)|lee p placeholder",
      "Sam Tester (she/her) Example Lab / example.org|sam tester example lab example org",
      "O'Brien, Pat|pat obrien",
      "Example Lab, Inc. 2|example lab inc 2",
      "Mary-Jane Example|mary jane example",
      "山田　花子|山田 花子",
      "(Host)|(host)"})
  void looseKeys(String name, String expected) {
    assertEquals(expected, NameKeys.loose(name));
  }

  @Test
  void strictIsTheSharedNormaliser() {
    assertEquals("grace sample (she/her)", NameKeys.strict(" Grace  Sample (she/her) "));
    assertNull(NameKeys.strict("   "));
    assertNull(NameKeys.loose(null));
  }
}
