package dev.meetscope.models.nlp.sentiment;

import java.util.List;

/** Results in input order, and what the call did. */
public record ScoredBatch(List<TextSentiment> results, ScoringStats stats) {
  public ScoredBatch {
    results = List.copyOf(results);
  }
}
