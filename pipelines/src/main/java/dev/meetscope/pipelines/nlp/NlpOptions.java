package dev.meetscope.pipelines.nlp;

import dev.meetscope.models.nlp.NlpConfig;
import dev.meetscope.models.nlp.ParserChoice;
import dev.meetscope.models.nlp.topics.TopicSettings;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Options of the text analysis (docs/nlp.md). A job's options interface extends this one, e.g.
 * {@code interface NightlyOptions extends PipelineOptions, NlpOptions}; {@link #config} and
 * {@link #topicSettings} turn them into the values {@code AnalyzeText} takes, and check them.
 */
public interface NlpOptions extends PipelineOptions {
  @Description("Constituency parser under the sentiment model: sr (shift-reduce, linear in sentence length, "
      + "the default) or pcfg (CoreNLP's default, roughly cubic).")
  @Default.String("sr")
  String getParser();

  void setParser(String value);

  @Description("CoreNLP parse.maxlen: longest piece handed to the parser, in tokens; longer pieces are cut first.")
  @Default.Integer(NlpConfig.DEFAULT_PARSE_MAX_LEN)
  int getParseMaxLen();

  void setParseMaxLen(int value);

  @Description("Sentences longer than this many tokens are split at connectives, fillers and commas before "
      + "parsing (at most parseMaxLen).")
  @Default.Integer(NlpConfig.DEFAULT_RUN_ON_TOKENS)
  int getRunOnTokens();

  void setRunOnTokens(int value);

  @Description("CoreNLP parse.maxtime per sentence in milliseconds (0 = no limit); a sentence over it becomes a "
      + "dead letter and its text keeps a null sentiment.")
  @Default.Long(NlpConfig.DEFAULT_PARSE_TIMEOUT_MS)
  long getParseTimeoutMs();

  void setParseTimeoutMs(long value);

  @Description("Distinct sentences whose sentiment each worker remembers (0 = no cache).")
  @Default.Integer(NlpConfig.DEFAULT_CACHE_SIZE)
  int getSentimentCacheSize();

  void setSentimentCacheSize(int value);

  @Description("Sentences handed to CoreNLP in one annotation.")
  @Default.Integer(NlpConfig.DEFAULT_BATCH_SIZE)
  int getNlpBatchSize();

  void setNlpBatchSize(int value);

  @Description("Length of a topic segment in seconds (a multiple of 60 from 60 to 600).")
  @Default.Integer(120)
  int getTopicSegmentSeconds();

  void setTopicSegmentSeconds(int value);

  @Description("Most topics per meeting.")
  @Default.Integer(8)
  int getMaxTopics();

  void setMaxTopics(int value);

  /** The sentiment settings; throws IllegalArgumentException naming the option to fix. */
  static NlpConfig config(NlpOptions o) {
    try {
      return NlpConfig.defaults()
          .withParser(ParserChoice.parse(o.getParser()))
          .withParseMaxLen(o.getParseMaxLen())
          .withRunOnTokens(o.getRunOnTokens())
          .withParseTimeoutMs(o.getParseTimeoutMs())
          .withCacheSize(o.getSentimentCacheSize())
          .withBatchSize(o.getNlpBatchSize());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("NLP options: " + e.getMessage(), e);
    }
  }

  /** The topic settings; throws IllegalArgumentException naming the option to fix. */
  static TopicSettings topicSettings(NlpOptions o) {
    try {
      return TopicSettings.defaults().withSegmentSeconds(o.getTopicSegmentSeconds()).withMaxTopics(o.getMaxTopics());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("NLP options: --topicSegmentSeconds / --maxTopics: " + e.getMessage(), e);
    }
  }
}
