package dev.meetscope.models.parse.vtt;

import dev.meetscope.models.identity.NameNormalizer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpeakerPrefixRuleTest {

  @Test
  void normalisesNfcTrimWhitespaceAndCase() {
    assertEquals("josé núñez", NameNormalizer.normalize("  Jose\u0301 \t NU\u0301N\u0303EZ "));
    assertEquals("山田 花子", NameNormalizer.normalize("山田\u3000花子"));
    assertEquals("strasse", NameNormalizer.normalize("STRAßE"));
  }

  @Test
  void knownNamesModeAcceptsOnlyKnownNames() {
    SpeakerPrefixRule rule = new SpeakerPrefixRule(List.of("Grace Sample", "Sam Tester (she/her)"), Map.of());
    assertTrue(rule.isSpeaker("grace  SAMPLE"));
    assertTrue(rule.isSpeaker("Sam Tester (she/her)"));
    assertFalse(rule.isSpeaker("Note"));
    assertFalse(rule.isSpeaker("Ada Example")); // a plausible name, but not in the report
  }

  @Test
  void heuristicAcceptsNameShapes() {
    for (String name : List.of("Ada Example", "grace sample", "Sam Tester (she/her)", "Sample, Grace",
        "Dr. Grace Sample", "Ada’s iPhone", "山田\u3000花子", "Lee P. Placeholder (he/him/his)",
        "Sam Tester (she/her) Example Lab / example.org")) {
      assertTrue(SpeakerPrefixRule.looksLikeName(name, 1), name);
    }
  }

  @Test
  void heuristicRejectsSentencesAndLabels() {
    for (String text : List.of("Note", "NOTE", "Reminder", "well I'm", "and the thing is", "So the plan is",
        "Why not?", "Wait!", "first; second", "He said \"yes\"", "we agreed on this.", "anyway,",
        "one two three four five six seven eight nine", "x".repeat(81))) {
      assertFalse(SpeakerPrefixRule.looksLikeName(text, 1), text);
    }
  }

  @Test
  void aRepeatedLabelIsANameEvenWithAFunctionWord() {
    assertFalse(SpeakerPrefixRule.looksLikeName("Lee of Example Lab", 1));
    assertTrue(SpeakerPrefixRule.looksLikeName("Lee of Example Lab", 2));
    assertFalse(SpeakerPrefixRule.looksLikeName("Note", 5)); // label words never become names
  }
}
