package dev.meetscope.models.nlp;

import java.io.Serializable;
import java.util.Properties;

/**
 * Settings of the sentiment path (docs/nlp.md). A value object: it is the key of the per-JVM pipeline
 * holder and of the sentence cache, so two equal configs share one loaded model.
 *
 * @param parser the constituency parser ({@link ParserChoice#SR} by default)
 * @param parseMaxLen CoreNLP's {@code parse.maxlen}, and the hard cap of a piece handed to the parser: longer
 *     pieces are cut first, so the cap never produces a flat placeholder tree
 * @param runOnTokens sentences longer than this are split at soft boundaries (connectives, fillers, commas)
 *     before parsing
 * @param buildGraphs CoreNLP's {@code parse.buildgraphs}; sentiment does not read dependency graphs
 * @param parseTimeoutMs CoreNLP's {@code parse.maxtime} per sentence; 0 = no limit. A timed-out sentence
 *     gets a flat tree and becomes a dead letter
 * @param cacheSize sentences remembered per JVM (0 = no cache)
 * @param batchSize sentences handed to CoreNLP in one annotation
 * @param parseThreads CoreNLP's {@code parse.nthreads} inside one annotation
 */
public record NlpConfig(
    ParserChoice parser,
    int parseMaxLen,
    int runOnTokens,
    boolean buildGraphs,
    long parseTimeoutMs,
    int cacheSize,
    int batchSize,
    int parseThreads) implements Serializable {

  public static final int DEFAULT_PARSE_MAX_LEN = 60;
  public static final int DEFAULT_RUN_ON_TOKENS = 40;
  public static final long DEFAULT_PARSE_TIMEOUT_MS = 10_000;
  public static final int DEFAULT_CACHE_SIZE = 100_000;
  public static final int DEFAULT_BATCH_SIZE = 64;

  public NlpConfig {
    if (parser == null) {
      throw new IllegalArgumentException("parser must be sr or pcfg");
    }
    if (parseMaxLen < 8) {
      throw new IllegalArgumentException("parseMaxLen must be at least 8 tokens (got " + parseMaxLen + ")");
    }
    if (runOnTokens < 4 || runOnTokens > parseMaxLen) {
      throw new IllegalArgumentException("runOnTokens must be from 4 to parseMaxLen (" + parseMaxLen
          + "), got " + runOnTokens);
    }
    if (parseTimeoutMs < 0) {
      throw new IllegalArgumentException("parseTimeoutMs must be 0 (no limit) or more");
    }
    if (cacheSize < 0) {
      throw new IllegalArgumentException("cacheSize must be 0 (off) or more");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1");
    }
    if (parseThreads < 1) {
      throw new IllegalArgumentException("parseThreads must be at least 1");
    }
  }

  public static NlpConfig defaults() {
    return new NlpConfig(ParserChoice.SR, DEFAULT_PARSE_MAX_LEN, DEFAULT_RUN_ON_TOKENS, false,
        DEFAULT_PARSE_TIMEOUT_MS, DEFAULT_CACHE_SIZE, DEFAULT_BATCH_SIZE, 1);
  }

  public NlpConfig withParser(ParserChoice value) {
    return new NlpConfig(value, parseMaxLen, runOnTokens, buildGraphs, parseTimeoutMs, cacheSize, batchSize,
        parseThreads);
  }

  /** Sets {@code parse.maxlen}; the run-on threshold is lowered with it when it would exceed it. */
  public NlpConfig withParseMaxLen(int value) {
    return new NlpConfig(parser, value, Math.min(runOnTokens, value), buildGraphs, parseTimeoutMs, cacheSize,
        batchSize, parseThreads);
  }

  public NlpConfig withRunOnTokens(int value) {
    return new NlpConfig(parser, parseMaxLen, value, buildGraphs, parseTimeoutMs, cacheSize, batchSize,
        parseThreads);
  }

  public NlpConfig withBuildGraphs(boolean value) {
    return new NlpConfig(parser, parseMaxLen, runOnTokens, value, parseTimeoutMs, cacheSize, batchSize,
        parseThreads);
  }

  public NlpConfig withParseTimeoutMs(long value) {
    return new NlpConfig(parser, parseMaxLen, runOnTokens, buildGraphs, value, cacheSize, batchSize,
        parseThreads);
  }

  public NlpConfig withCacheSize(int value) {
    return new NlpConfig(parser, parseMaxLen, runOnTokens, buildGraphs, parseTimeoutMs, value, batchSize,
        parseThreads);
  }

  public NlpConfig withBatchSize(int value) {
    return new NlpConfig(parser, parseMaxLen, runOnTokens, buildGraphs, parseTimeoutMs, cacheSize, value,
        parseThreads);
  }

  public NlpConfig withParseThreads(int value) {
    return new NlpConfig(parser, parseMaxLen, runOnTokens, buildGraphs, parseTimeoutMs, cacheSize, batchSize,
        value);
  }

  /**
   * CoreNLP properties of the scoring pipeline. It receives sentences the project has already split and
   * tokenised (one per line, tokens separated by spaces), so it tokenises on whitespace only.
   */
  public Properties sentimentProperties() {
    Properties p = new Properties();
    p.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
    p.setProperty("tokenize.whitespace", "true");
    p.setProperty("ssplit.eolonly", "true");
    p.setProperty("parse.model", parser.modelPath());
    p.setProperty("parse.maxlen", Integer.toString(parseMaxLen));
    p.setProperty("parse.buildgraphs", Boolean.toString(buildGraphs));
    p.setProperty("parse.binaryTrees", "true");
    p.setProperty("parse.nthreads", Integer.toString(parseThreads));
    if (parseTimeoutMs > 0) {
      p.setProperty("parse.maxtime", Long.toString(parseTimeoutMs));
    }
    return p;
  }

  /** One line for logs and the benchmark. */
  public String describe() {
    return "parser=" + parser.id() + " parse.maxlen=" + parseMaxLen + " runOnTokens=" + runOnTokens
        + " parse.buildgraphs=" + buildGraphs + " parse.maxtime=" + parseTimeoutMs + "ms cache=" + cacheSize
        + " batch=" + batchSize + " parse.nthreads=" + parseThreads;
  }
}
