package dev.meetscope.pipelines.nightly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.scoring.ScoringProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options of the nightly job reach the analysis settings. */
class NightlyBatchTest {

  @Test
  void defaultsAreTheDocumentedSettingsInUtcWithoutPrivateChat() {
    NightlyOptions options = PipelineOptionsFactory.fromArgs("--input=in").as(NightlyOptions.class);
    AnalyticsSettings settings = NightlyBatch.analyticsSettings(options);
    assertFalse(settings.countPrivateChat());
    assertEquals(ZoneId.of("UTC"), settings.zone());
    assertEquals(AnalyticsSettings.defaults().withZone(ZoneId.of("UTC")), settings);
  }

  @Test
  void timeZoneAndCountPrivateChatArePassedIn() {
    NightlyOptions options = PipelineOptionsFactory.fromArgs("--input=in", "--timeZone=America/New_York",
        "--countPrivateChat=true").as(NightlyOptions.class);
    AnalyticsSettings settings = NightlyBatch.analyticsSettings(options);
    assertTrue(settings.countPrivateChat());
    assertEquals(ZoneId.of("America/New_York"), settings.zone());
  }

  @Test
  void theAnalysisAndTextTablesAreWrittenBeforeTheDeadLetters() {
    assertEquals(java.util.List.of("participant_session", "utterance", "chat_message", "meeting_event",
        "participant_meeting", "meeting", "meeting_timeline", "utterance_sentiment", "meeting_topic",
        "action_item", "score_component", "series_trend", "meeting_anomaly", "person_week", "dead_letter"),
        NightlyBatch.TABLES);
  }

  @Test
  void aScoringProfileIsReadAndCheckedBeforeTheGraphIsBuilt(@TempDir Path dir) throws IOException {
    NightlyOptions none = PipelineOptionsFactory.fromArgs("--input=in").as(NightlyOptions.class);
    assertEquals(ScoringProfile.defaults(), NightlyBatch.scoringProfile(none));

    Path good = dir.resolve("sales.yaml");
    Files.writeString(good, "name: sales\nengagement:\n  weights:\n    tone: 0\n");
    NightlyOptions withGood = PipelineOptionsFactory.fromArgs("--input=in", "--scoringProfile=" + good)
        .as(NightlyOptions.class);
    NightlyBatch.validate(withGood);
    assertEquals(0.0, NightlyBatch.scoringProfile(withGood).engagementWeights().get("tone"));

    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"effectiveness\": {\"weights\": {\"balance\": -1}}}");
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> NightlyBatch.validate(
        PipelineOptionsFactory.fromArgs("--input=in", "--scoringProfile=" + bad).as(NightlyOptions.class)));
    assertEquals("scoring profile " + bad + ": effectiveness.weights.balance must be between 0.0 and 1000.0, got -1",
        refused.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> NightlyBatch.validate(
        PipelineOptionsFactory.fromArgs("--input=in", "--scoringProfile=" + dir.resolve("none.yaml"))
            .as(NightlyOptions.class)));
    assertEquals("--scoringProfile " + dir.resolve("none.yaml") + " does not exist", missing.getMessage());
  }

  @Test
  void theNlpOptionsAreNightlyOptionsAndAreCheckedBeforeTheGraphIsBuilt() {
    NightlyOptions options = PipelineOptionsFactory.fromArgs("--input=in", "--parser=pcfg", "--maxTopics=3")
        .as(NightlyOptions.class);
    assertEquals("pcfg", options.getParser());
    assertEquals(3, options.getMaxTopics());
    NightlyBatch.validate(options);
    NightlyOptions bad = PipelineOptionsFactory.fromArgs("--input=in", "--parser=neural").as(NightlyOptions.class);
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> NightlyBatch.validate(bad));
    assertTrue(e.getMessage().startsWith("NLP options:"), e.getMessage());
    NightlyOptions segments = PipelineOptionsFactory.fromArgs("--input=in", "--topicSegmentSeconds=90")
        .as(NightlyOptions.class);
    assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> NightlyBatch.validate(segments)).getMessage().contains("--topicSegmentSeconds"));
  }

  @Test
  void theDirectRunnerSpreadsTextsOverFourKeysPerThreadOtherRunnersOverMore() {
    NightlyOptions direct = PipelineOptionsFactory.fromArgs("--input=in", "--targetParallelism=3")
        .as(NightlyOptions.class);
    assertEquals(12, NightlyBatch.spreadKeys(direct));
    NightlyOptions other = PipelineOptionsFactory.fromArgs("--input=in").as(NightlyOptions.class);
    other.setRunner(org.apache.beam.sdk.testing.CrashingRunner.class);
    assertEquals(dev.meetscope.transforms.nlp.AnalyzeText.DEFAULT_SPREAD_KEYS, NightlyBatch.spreadKeys(other));
  }
}
