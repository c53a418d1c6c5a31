package dev.meetscope.runners.bench;

import dev.meetscope.pipelines.nlp.NlpOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of {@code meetscope bench nlp}; the NLP options choose the project path's configuration. */
public interface BenchOptions extends NlpOptions {
  @Description("Sentences of generated meeting speech and chat to score, the same ones for both paths.")
  @Default.Integer(2000)
  int getSentences();

  void setSentences(int value);

  @Description("Also time each parser configuration (PCFG, PCFG with parse.maxlen=40, SR, SR without dependency "
      + "graphs, and the project path with PCFG and SR, cache off) on the first parserSentences sentences.")
  @Default.Boolean(false)
  boolean getParsers();

  void setParsers(boolean value);

  @Description("Sentences for the parser comparison (the default PCFG takes seconds per long sentence).")
  @Default.Integer(200)
  int getParserSentences();

  void setParserSentences(int value);

  @Description("Seed of the generated meetings.")
  @Default.Long(7)
  long getSeed();

  void setSeed(long value);

  @Description("Share of sentences turned into run-ons of 41 to 70 tokens (speech transcripts chain clauses).")
  @Default.Double(0.06)
  double getRunOnShare();

  void setRunOnShare(double value);
}
