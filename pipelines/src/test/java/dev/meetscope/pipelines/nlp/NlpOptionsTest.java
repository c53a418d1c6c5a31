package dev.meetscope.pipelines.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.nlp.NlpConfig;
import dev.meetscope.models.nlp.ParserChoice;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

class NlpOptionsTest {
  @Test
  void defaultsAreTheDocumentedConfig() {
    NlpOptions o = PipelineOptionsFactory.fromArgs().as(NlpOptions.class);
    assertEquals(NlpConfig.defaults(), NlpOptions.config(o));
    assertEquals(120, NlpOptions.topicSettings(o).segmentSeconds());
  }

  @Test
  void flagsSelectTheParserAndCaps() {
    NlpOptions o = PipelineOptionsFactory.fromArgs("--parser=PCFG", "--parseMaxLen=30", "--runOnTokens=20",
        "--parseTimeoutMs=0", "--sentimentCacheSize=0", "--topicSegmentSeconds=60").as(NlpOptions.class);
    NlpConfig c = NlpOptions.config(o);
    assertEquals(ParserChoice.PCFG, c.parser());
    assertEquals(30, c.parseMaxLen());
    assertEquals(20, c.runOnTokens());
    assertEquals(0, c.parseTimeoutMs());
    assertEquals(0, c.cacheSize());
    assertFalse(c.buildGraphs());
    assertEquals(60, NlpOptions.topicSettings(o).segmentSeconds());
  }

  @Test
  void badValuesNameTheProblem() {
    NlpOptions parser = PipelineOptionsFactory.fromArgs("--parser=lstm").as(NlpOptions.class);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NlpOptions.config(parser));
    assertTrue(e.getMessage().contains("sr or pcfg"), e.getMessage());
    NlpOptions runOn = PipelineOptionsFactory.fromArgs("--parseMaxLen=30", "--runOnTokens=50").as(NlpOptions.class);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> NlpOptions.config(runOn)).getMessage()
        .contains("runOnTokens"));
    NlpOptions seg = PipelineOptionsFactory.fromArgs("--topicSegmentSeconds=90").as(NlpOptions.class);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> NlpOptions.topicSettings(seg)).getMessage()
        .contains("multiple of 60"));
  }
}
