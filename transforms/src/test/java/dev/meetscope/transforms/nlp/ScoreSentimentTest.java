package dev.meetscope.transforms.nlp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.meetscope.models.analytics.MetricsVersion;
import dev.meetscope.models.nlp.NlpConfig;
import dev.meetscope.models.nlp.ParserChoice;
import dev.meetscope.models.nlp.TextItem;
import dev.meetscope.models.nlp.sentiment.SentenceResult;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.UtteranceSentiment;
import dev.meetscope.transforms.schema.RecordCoders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.Rule;
import org.junit.Test;

/** The sentiment transform with real CoreNLP models: main output and dead letters asserted exactly. */
public class ScoreSentimentTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  static TextItem utterance(long line, String speaker, String text) {
    return new TextItem("m1", TextItem.UTTERANCE, "cloud_transcript", "t.vtt", line, speaker, text,
        "recording_offset", line * 1000, line * 1000 + 900, Instant.parse("2026-03-02T15:00:00Z").plusSeconds(line),
        null, null);
  }

  @Test
  public void aSentenceThatTimesOutIsADeadLetterAndItsUtteranceKeepsANullSentiment() {
    // PCFG with a 1 ms budget per parse and no run-on splitting under 60 tokens: the long sentence cannot
    // finish in time, the emoji-only message needs no parse at all.
    NlpConfig config = NlpConfig.defaults().withParser(ParserChoice.PCFG).withRunOnTokens(60)
        .withParseTimeoutMs(1).withCacheSize(0);
    String longSentence = "The recruiter said that the senior engineer role has been open for twelve weeks because "
        + "the compensation band for that level is too low for this market and the hiring manager wants a second "
        + "panel for the final round.";
    PCollectionTuple out = pipeline
        .apply(Create.of(utterance(4, "Ada Example", longSentence), utterance(8, "Grace Sample", "👍👍"))
            .withCoder(RecordCoders.of(TextItem.class)))
        .apply(ScoreSentiment.create().withConfig(config));

    Instant t4 = Instant.parse("2026-03-02T15:00:04Z");
    Instant t8 = Instant.parse("2026-03-02T15:00:08Z");
    PAssert.that(out.get(ScoreSentiment.SENTIMENTS)).containsInAnyOrder(
        new UtteranceSentiment("m1", "utterance", "cloud_transcript", "t.vtt", 4, "Ada Example", t4, null, 1, 1, 39,
            0, 1, MetricsVersion.CURRENT),
        new UtteranceSentiment("m1", "utterance", "cloud_transcript", "t.vtt", 8, "Grace Sample", t8, 0.75, 1, 0, 2,
            2, 0, MetricsVersion.CURRENT));
    PAssert.that(out.get(ScoreSentiment.DEAD_LETTERS)).satisfies(letters -> {
      List<DeadLetter> all = new ArrayList<>();
      letters.forEach(all::add);
      assertEquals(1, all.size());
      DeadLetter d = all.get(0);
      assertEquals("m1", d.meetingKey());
      assertEquals("nlp", d.stage());
      assertEquals("cloud_transcript", d.format());
      assertEquals("t.vtt", d.sourceFile());
      assertEquals(Long.valueOf(4), d.sourceLine());
      assertNull(d.byteOffset());
      assertEquals(SentenceResult.PARSE_FAILED, d.reason());
      assertTrue(d.message(), d.message().contains("keeps a null sentiment"));
      assertTrue(d.rawText(), d.rawText().startsWith("The recruiter said that the senior engineer role"));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void everyTextGetsOneRowAndNoDeadLetterWhenAllParse() {
    PCollectionTuple out = pipeline
        .apply(Create.of(utterance(1, "Ada Example", "This is a great plan, I love it."),
                utterance(2, "Grace Sample", "This is terrible."),
                utterance(3, "Grace Sample", "This is terrible."),
                utterance(5, "Ada Example", "..."))
            .withCoder(RecordCoders.of(TextItem.class)))
        .apply(ScoreSentiment.create());
    PAssert.that(out.get(ScoreSentiment.SENTIMENTS)).satisfies(rows -> {
      List<UtteranceSentiment> all = new ArrayList<>();
      rows.forEach(all::add);
      all.sort((a, b) -> Long.compare(a.sourceLine(), b.sourceLine()));
      assertEquals(4, all.size());
      assertTrue(all.get(0).sentiment() > 0.6);
      assertEquals(8, all.get(0).words());
      assertTrue(all.get(1).sentiment() < 0.4);
      assertEquals(all.get(1).sentiment(), all.get(2).sentiment());
      assertNull("punctuation only: nothing to score", all.get(3).sentiment());
      assertEquals(0, all.get(3).failedSentences());
      assertNotNull(all.get(0).wallTime());
      return null;
    });
    PAssert.that(out.get(ScoreSentiment.DEAD_LETTERS)).empty();
    pipeline.run().waitUntilFinish();
  }
}
