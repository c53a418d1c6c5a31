package dev.meetscope.pipelines.nightly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole nightly graph on the Direct runner (checks on) with real CoreNLP models: the bundled fixtures give
 * text tables, speakers get a sentiment, and the counts still add up; a sentence that cannot be parsed becomes
 * an {@code nlp} dead letter while its meeting's other outputs stay complete.
 */
@Tag("slow")
class NightlyBatchJobTest {
  private static final Path FIXTURES = Path.of("../fixtures/meetings");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static void run(Path output, String pattern, String... extra) {
    // The fixtures carry no consent flags: pilot mode, as the demo runs them. The Direct runner's per-element
    // checks are off as the CLI runs it: every transform's own TestPipeline test runs with them on, and on the
    // whole graph over 20 meetings they cost minutes (NightlyBigQueryTest keeps them on over one meeting).
    List<String> args = new ArrayList<>(List.of("--input=unused", "--output=" + output, "--sink=jsonl",
        "--consentMode=all", "--enforceImmutability=false", "--enforceEncodability=false"));
    args.addAll(List.of(extra));
    NightlyOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).withValidation()
        .as(NightlyOptions.class);
    Pipeline pipeline = Pipeline.create(options);
    NightlyBatch.build(pipeline, options, pattern);
    assertEquals(PipelineResult.State.DONE, pipeline.run().waitUntilFinish());
  }

  private static List<JsonNode> rows(Path output, String table) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    Path dir = output.resolve(table);
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            out.add(JSON.readTree(line));
          }
        }
      }
    }
    return out;
  }

  /** Dead letters per stage. */
  private static Map<String, Integer> deadLettersByStage(Path output) throws IOException {
    Map<String, Integer> out = new TreeMap<>();
    rows(output, "dead_letter").forEach(d -> out.merge(d.get("stage").asText(), 1, Integer::sum));
    return out;
  }

  @Test
  void theFixturesGetTextTablesSpeakerSentimentAndCountsThatAddUp(@TempDir Path out) throws IOException {
    run(out, FIXTURES + "/*/*");

    List<JsonNode> sentiments = rows(out, "utterance_sentiment");
    List<JsonNode> utterances = rows(out, "utterance");
    long publicTexts = rows(out, "chat_message").stream()
        .filter(c -> !c.get("is_private").asBoolean() && c.hasNonNull("text") && !c.get("text").asText().isBlank()
            && (c.get("kind").asText().equals("message") || c.get("kind").asText().equals("reply")))
        .count();
    assertEquals(utterances.size() + publicTexts, sentiments.size(), "one sentiment row per cue and public text");
    assertTrue(sentiments.stream().filter(s -> s.hasNonNull("sentiment")).count() > sentiments.size() * 9 / 10);
    assertFalse(rows(out, "meeting_topic").isEmpty());
    assertFalse(rows(out, "action_item").isEmpty());

    // Every person who spoke has a sentiment; the three recorded meetings have topics on their rows.
    int speakers = 0;
    for (JsonNode p : rows(out, "participant_meeting")) {
      if (p.path("words").asInt(0) > 0) {
        speakers++;
        assertTrue(p.hasNonNull("sentiment_avg"), p.toString());
        double s = p.get("sentiment_avg").asDouble();
        assertTrue(s >= 0 && s <= 1, p.toString());
        assertTrue(p.get("key_topics_contributed").isArray(), p.toString());
      }
    }
    assertTrue(speakers >= 10, "speakers: " + speakers);
    int withTopics = 0;
    for (JsonNode m : rows(out, "meeting")) {
      if (m.path("topics").isArray() && m.get("topics").size() > 0) {
        withTopics++;
        assertTrue(m.get("action_items").isArray(), m.toString());
      }
    }
    assertTrue(withTopics >= 3, "meetings with topics: " + withTopics);
    // Minutes carry the sentiment of the text spoken in them and the topic of their segment.
    List<JsonNode> timeline = rows(out, "meeting_timeline");
    assertTrue(timeline.stream().anyMatch(m -> m.hasNonNull("sentiment_mean")));
    assertTrue(timeline.stream().anyMatch(m -> m.hasNonNull("topic_id")));
    assertTrue(timeline.stream().noneMatch(m -> m.hasNonNull("sentiment_mean") && m.path("talk_seconds").isNull()
        && m.path("chat_messages").isNull()), "no sentiment in a minute without speech or chat columns");

    // Per file: read = parsed + dead-lettered; the dead_letter table holds exactly those plus any later stage's.
    long parseDead = 0;
    for (JsonNode f : rows(out, NightlyBatch.FILE_STATS_TABLE + "/file_stat")) {
      assertEquals(f.get("records_read").asLong(),
          f.get("records_parsed").asLong() + f.get("records_dead_lettered").asLong(), f.toString());
      parseDead += f.get("records_dead_lettered").asLong();
    }
    Map<String, Integer> byStage = deadLettersByStage(out);
    assertTrue(parseDead > 0, "the malformed fixtures give dead letters");
    assertEquals(parseDead, rows(out, "dead_letter").size() - byStage.getOrDefault("nlp", 0)
        - byStage.getOrDefault("analyze", 0), byStage.toString());
    assertEquals(0, byStage.getOrDefault("nlp", 0), "every fixture sentence parses: " + byStage);
  }

  @Test
  void aSentenceThatCannotBeParsedIsAnNlpDeadLetterAndItsCueKeepsANullSentiment(@TempDir Path dir)
      throws IOException {
    Path meeting = Files.createDirectories(dir.resolve("in/2026-03-05-budget"));
    String longSentence = "The recruiter said that the senior engineer role has been open for twelve weeks because "
        + "the compensation band for that level is too low for this market and the hiring manager wants a second "
        + "panel for the final round.";
    Files.writeString(meeting.resolve("GMT20260305-150000_Recording.transcript.vtt"), String.join("\n",
        "WEBVTT", "",
        "1", "00:00:01.000 --> 00:00:04.000", "Ada Example: Thanks everyone for joining.", "",
        "2", "00:00:05.000 --> 00:00:15.000", "Grace Sample: " + longSentence, "",
        "3", "00:00:16.000 --> 00:00:18.000", "Ada Example: 👍", ""), StandardCharsets.UTF_8);
    Path out = dir.resolve("out");
    // PCFG with a 1 ms budget per parse and no run-on split below 60 tokens: the 39-token sentence cannot finish.
    // --includeIdentities: the checks below follow speakers by name (by default labels are keyed pseudonyms).
    run(out, dir.resolve("in") + "/*/*", "--parser=pcfg", "--runOnTokens=60", "--parseTimeoutMs=1",
        "--sentimentCacheSize=0", "--includeIdentities=true");

    // The long sentence always fails; on a busy machine a short one may miss 1 ms too. Each failure is one
    // nlp dead letter, and the utterance it belongs to keeps a null sentiment.
    List<JsonNode> dead = rows(out, "dead_letter");
    assertTrue(dead.stream().anyMatch(d -> d.get("raw_text").asText().startsWith("The recruiter said")),
        dead.toString());
    Map<Long, JsonNode> byLine = new TreeMap<>();
    rows(out, "utterance_sentiment").forEach(s -> byLine.put(s.get("source_line").asLong(), s));
    assertEquals(3, byLine.size());
    int failedSentences = 0;
    for (JsonNode s : byLine.values()) {
      failedSentences += s.get("failed_sentences").asInt();
      assertEquals(s.get("failed_sentences").asInt() > 0, s.get("sentiment").isNull(), s.toString());
    }
    assertEquals(failedSentences, dead.size());
    for (JsonNode d : dead) {
      assertEquals("nlp", d.get("stage").asText());
      assertEquals("NLP_PARSE_FAILED", d.get("reason").asText());
      assertTrue(d.get("source_file").asText().endsWith("GMT20260305-150000_Recording.transcript.vtt"), d.toString());
      JsonNode cue = byLine.get(d.get("source_line").asLong());
      assertNotNull(cue, d.toString());
      assertTrue(cue.get("sentiment").isNull(), cue.toString());
    }
    JsonNode grace = byLine.values().stream().filter(s -> s.get("speaker_label").asText().equals("Grace Sample"))
        .findFirst().orElseThrow();
    assertTrue(grace.get("sentiment").isNull(), grace.toString());
    assertEquals(1, grace.get("failed_sentences").asInt());

    // The other outputs are complete: Grace has no scored text (null), Ada's emoji scores without a parse.
    Map<String, JsonNode> people = new TreeMap<>();
    rows(out, "participant_meeting").forEach(p -> people.put(p.get("display_name").asText(), p));
    assertEquals(2, people.size(), people.keySet().toString());
    assertTrue(people.get("Grace Sample").get("sentiment_avg").isNull(), people.toString());
    assertNotNull(people.get("Ada Example").get("sentiment_avg"));
    assertFalse(people.get("Ada Example").get("sentiment_avg").isNull(), people.toString());
    assertEquals(1, rows(out, "meeting").size());
    for (JsonNode f : rows(out, NightlyBatch.FILE_STATS_TABLE + "/file_stat")) {
      assertEquals(f.get("records_read").asLong(), f.get("records_parsed").asLong(), "the file itself parsed");
    }
  }
}
