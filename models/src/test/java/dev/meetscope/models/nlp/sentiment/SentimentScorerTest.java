package dev.meetscope.models.nlp.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.nlp.NlpConfig;
import dev.meetscope.models.nlp.ParserChoice;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real CoreNLP models (loaded once per test JVM); a handful of sentences only. */
class SentimentScorerTest {
  private static final SentimentScorer SR = SentimentScorer.shared(NlpConfig.defaults());

  @Test
  void clearlyPositiveAndNegativeSentencesLandOnTheirSides() {
    ScoredBatch b = SR.score(List.of("This is a great plan and I love it.", "This is terrible, I hate it."));
    assertTrue(b.results().get(0).sentiment() > 0.6, b.results().get(0).toString());
    assertTrue(b.results().get(1).sentiment() < 0.4, b.results().get(1).toString());
  }

  @Test
  void utteranceScoreIsTheWordWeightedMeanOfItsSentences() {
    TextSentiment a = SR.score("Great.");
    TextSentiment b = SR.score("The invoices are still with accounts payable.");
    TextSentiment both = SR.score("Great. The invoices are still with accounts payable.");
    assertEquals(2, both.sentences());
    assertEquals(1 + 7, both.words());
    assertEquals((a.sentiment() * 1 + b.sentiment() * 7) / 8, both.sentiment(), 1e-9);
  }

  @Test
  void shorthandIsScoredAsThePlainWordAndEmojiFromTheLexicon() {
    assertEquals(SR.score("thanks").sentiment(), SR.score("thx").sentiment(), 1e-12);
    assertEquals(SR.score("agreed").sentiment(), SR.score("+1").sentiment(), 1e-12);
    TextSentiment thumbs = SR.score("👍");
    assertEquals(0.75, thumbs.sentiment(), 1e-12);
    assertEquals(1, thumbs.words());
    assertEquals(0, thumbs.pieces());
    TextSentiment mixed = SR.score("thx 👍");
    assertEquals((SR.score("thanks").sentiment() + 0.75) / 2, mixed.sentiment(), 1e-9);
    assertNull(SR.score("🦄 ...").sentiment(), "nothing scorable");
  }

  @Test
  void repeatedTextsComeFromTheCache() {
    ScoredBatch first = SR.score(List.of("Thanks everyone, see you next week!", "Thanks everyone, see you next week!"));
    assertEquals(first.results().get(0), first.results().get(1));
    ScoredBatch again = SR.score(List.of("Thanks everyone, see you next week!"));
    assertEquals(0, again.stats().parsed());
    assertEquals(1, again.stats().cacheHits());
    assertEquals(first.results().get(0), again.results().get(0));
  }

  @Test
  void runOnSentencesAreSplitBeforeParsing() {
    String runOn = "so we went through the numbers and the forecast is way off and I think we need to talk to "
        + "finance about it because the variance is huge and nobody told us, so we should escalate it and get "
        + "the team together to fix it before the close";
    ScoredBatch b = SR.score(List.of(runOn));
    TextSentiment t = b.results().get(0);
    assertEquals(1, t.sentences());
    assertTrue(t.pieces() >= 2, t.toString());
    assertEquals(1, b.stats().runOnSplits());
    assertNotNull(t.sentiment());
  }

  @Test
  void aTimedOutParseIsAFailureNotAnException() {
    // PCFG, no run-on splitting below 60 tokens, and a 1 ms budget a 40-token PCFG parse cannot meet.
    NlpConfig slow = NlpConfig.defaults().withParser(ParserChoice.PCFG).withRunOnTokens(60).withParseTimeoutMs(1)
        .withCacheSize(0);
    SentimentScorer scorer = new SentimentScorer(slow);
    String longSentence = "The recruiter said that the senior engineer role has been open for twelve weeks because "
        + "the compensation band for that level is too low for this market and the hiring manager wants a second "
        + "panel for the final round.";
    ScoredBatch b = scorer.score(List.of(longSentence, ""));
    TextSentiment t = b.results().get(0);
    assertNull(t.sentiment());
    assertEquals(1, t.failures().size());
    assertEquals(SentenceResult.PARSE_FAILED, t.failures().get(0).reason());
    assertEquals(1, b.stats().failed());
    assertNull(b.results().get(1).sentiment());
    assertEquals(0, b.results().get(1).sentences());
  }
}
