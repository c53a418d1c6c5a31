package dev.meetscope.models.nlp.sentiment;

/**
 * What one {@link SentimentScorer#score} call did, for counters and the benchmark.
 *
 * @param pieces pieces that needed a score
 * @param cacheHits pieces answered from the cache (including repeats within the call)
 * @param parsed distinct pieces sent to CoreNLP
 * @param failed distinct pieces that failed
 * @param runOnSplits sentences split because they were too long
 */
public record ScoringStats(int texts, int sentences, int pieces, int cacheHits, int parsed, int failed,
    int runOnSplits, int emoji) {}
