package dev.meetscope.runners;

import static dev.meetscope.runners.NightlyAnalyticsTest.table;
import static dev.meetscope.runners.NightlyJobTest.FIXTURES;
import static dev.meetscope.runners.NightlyJobTest.meetscope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meetscope.models.scoring.ScoringProfile;
import dev.meetscope.runners.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scores of {@code meetscope nightly} on a generated meeting: filled, explained, and driven by the profile. */
class NightlyScoresTest {
  static final Path SAMPLE = FIXTURES.resolve("2026-03-02-weekly-sync-0001");

  @Test
  void everyScoreIsFilledAndItsComponentsAddUpToIt(@TempDir Path out) throws IOException {
    NightlyJobTest.Run run = meetscope("nightly", "--input=" + SAMPLE, "--output=" + out, "--sink=jsonl");
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    List<JsonNode> people = table(out, "participant_meeting");
    List<JsonNode> components = table(out, "score_component");
    List<JsonNode> meetings = table(out, "meeting");
    assertEquals(1, meetings.size());
    assertEquals(5 * people.size() + 6, components.size());
    Map<String, Double> points = new HashMap<>();
    for (JsonNode c : components) {
      assertEquals(ScoringProfile.defaults().id(), c.get("scoring_profile").asText(), c.toString());
      if (c.hasNonNull("points")) {
        points.merge(c.path("participant_key").asText("meeting"), c.get("points").asDouble(), Double::sum);
      }
    }
    for (JsonNode p : people) {
      assertTrue(p.hasNonNull("engagement_score"), p.toString());
      double score = p.get("engagement_score").asDouble();
      assertTrue(score >= 0 && score <= 100, p.toString());
      assertEquals(score, points.get(p.get("participant_key").asText()), 1e-4, p.toString());
      assertEquals(p.get("attention_score").asDouble(), p.get("engagement_attention").asDouble(), 1e-6);
      assertEquals("1.1.0", p.get("metrics_version").asText());
    }
    JsonNode meeting = meetings.get(0);
    assertEquals(meeting.get("effectiveness_score").asDouble(), points.get("meeting"), 1e-4);
    double mean = people.stream().mapToDouble(p -> p.get("engagement_score").asDouble()).average().orElseThrow();
    assertEquals(mean, meeting.get("engagement_mean").asDouble(), 1e-4);
    assertTrue(meeting.get("summary").asText().contains("effectiveness "
        + Math.round(meeting.get("effectiveness_score").asDouble()) + "/100"), meeting.toString());
    assertTrue(meeting.get("engagement_drops").isArray());
    List<JsonNode> minutes = table(out, "meeting_timeline");
    assertFalse(minutes.isEmpty());
    assertTrue(minutes.stream().allMatch(m -> m.hasNonNull("engagement_index")), "every minute has an index");
  }

  @Test
  void theScoringProfileDrivesTheScoresAndABadOneStopsTheJobBeforeItRuns(@TempDir Path dir) throws IOException {
    Path profile = dir.resolve("attention-only.yaml");
    Files.writeString(profile, "name: attention-only\nengagement:\n  weights: {attention: 1, speaking: 0, chat: 0,"
        + " questions: 0, tone: 0}\n");
    Path out = dir.resolve("out");
    NightlyJobTest.Run run = meetscope("nightly", "--input=" + SAMPLE, "--output=" + out, "--sink=jsonl",
        "--scoringProfile=" + profile);
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    for (JsonNode p : table(out, "participant_meeting")) {
      assertEquals(100 * p.get("attention_score").asDouble(), p.get("engagement_score").asDouble(), 1e-4,
          p.toString());
    }
    assertTrue(table(out, "score_component").stream()
        .allMatch(c -> c.get("scoring_profile").asText().startsWith("attention-only@")));

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "engagement:\n  wieghts: {attention: 1}\n");
    NightlyJobTest.Run refused = meetscope("nightly", "--input=" + SAMPLE, "--output=" + dir.resolve("never"),
        "--scoringProfile=" + bad);
    assertEquals(ExitCodes.BAD_OPTIONS, refused.exit());
    assertTrue(refused.err().contains("scoring profile " + bad + ": unknown key engagement.wieghts"), refused.err());
    assertFalse(Files.exists(dir.resolve("never")));
  }
}
