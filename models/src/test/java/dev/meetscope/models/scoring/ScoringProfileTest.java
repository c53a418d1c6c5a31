package dev.meetscope.models.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringProfileTest {
  @Test
  void defaultsAreTheDocumentedWeightsAndThresholds() {
    ScoringProfile d = ScoringProfile.defaults();
    assertEquals("default", d.name());
    assertTrue(d.id().matches("default@[0-9a-f]{8}"), d.id());
    assertEquals(Map.of("attention", 0.35, "speaking", 0.25, "chat", 0.15, "questions", 0.10, "tone", 0.15),
        d.engagementWeights());
    assertEquals(List.of("attention", "speaking", "chat", "questions", "tone"),
        List.copyOf(d.engagementWeights().keySet()));
    assertEquals(3.0, d.questionsSaturation());
    assertEquals(Map.of("none", 0.0, "low", 0.5, "medium", 0.8, "high", 1.0), d.chatActivity());
    assertEquals(6, d.effectivenessWeights().size());
    assertEquals(0.30, d.dropRatio());
    assertEquals(10, d.dropTrailingMinutes());
    assertEquals(3, d.dropMinMinutes());
    assertEquals(40.0, d.seriesAlertThreshold());
    assertEquals(3, d.seriesAlertConsecutive());
  }

  @Test
  void aPartialYamlProfileOverridesOnlyItsKeysAndGetsItsOwnId() {
    ScoringProfile p = ScoringProfile.parse("""
        name: sales
        engagement:
          weights:
            tone: 0
            speaking: 0.40
        """, "sales.yaml");
    assertEquals(0.0, p.engagementWeights().get("tone"));
    assertEquals(0.40, p.engagementWeights().get("speaking"));
    assertEquals(0.35, p.engagementWeights().get("attention"));
    assertTrue(p.id().startsWith("sales@"));
    assertNotEquals(ScoringProfile.defaults().id().substring(8), p.id().substring(6));
  }

  @Test
  void jsonIsAcceptedAndTheSameProfileHasTheSameId() {
    ScoringProfile json = ScoringProfile.parse("{\"series\": {\"alert_threshold\": 50}}", "p.json");
    ScoringProfile yaml = ScoringProfile.parse("series:\n  alert_threshold: 50\n", "p.yaml");
    assertEquals(50.0, json.seriesAlertThreshold());
    assertEquals(json, yaml);
    assertEquals(ScoringProfile.defaults(), ScoringProfile.parse("", "empty.yaml"));
  }

  @Test
  void badProfilesAreRefusedNamingTheKey() {
    assertEquals("scoring profile p.yaml: unknown key engagement.weights.charisma (known here:"
        + " engagement.weights.attention, engagement.weights.speaking, engagement.weights.chat,"
        + " engagement.weights.questions, engagement.weights.tone)",
        refused("engagement:\n  weights:\n    charisma: 1\n"));
    assertEquals("scoring profile p.yaml: engagement.weights.chat must be between 0.0 and 1000.0, got -0.5",
        refused("engagement:\n  weights:\n    chat: -0.5\n"));
    assertEquals("scoring profile p.yaml: engagement.weights.chat must be a number, got \"high\"",
        refused("engagement:\n  weights:\n    chat: high\n"));
    assertEquals("scoring profile p.yaml: the weights under effectiveness.weights sum to 0; at least one must be"
        + " positive", refused("effectiveness:\n  weights: {balance: 0, engagement: 0, questions_answered: 0,"
        + " action_item_clarity: 0, crosstalk: 0, engagement_drops: 0}\n"));
    assertEquals("scoring profile p.yaml: engagement_drops.min_minutes must be a whole number, got 2.5",
        refused("engagement_drops:\n  min_minutes: 2.5\n"));
    assertEquals("scoring profile p.yaml: engagement must be a mapping", refused("engagement: 3\n"));
    assertTrue(refused("engagement: [unclosed\n").startsWith("scoring profile p.yaml is neither valid YAML nor JSON"));
    assertEquals("scoring profile p.yaml must be a mapping of keys such as engagement.weights.attention, got array",
        refused("- 1\n- 2\n"));
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(ScoringProfile.defaults());
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(ScoringProfile.defaults(), in.readObject());
    }
  }

  private static String refused(String text) {
    return assertThrows(IllegalArgumentException.class, () -> ScoringProfile.parse(text, "p.yaml")).getMessage();
  }
}
