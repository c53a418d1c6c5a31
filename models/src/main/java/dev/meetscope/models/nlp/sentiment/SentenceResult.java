package dev.meetscope.models.nlp.sentiment;

/**
 * The outcome of one parsed piece: a score in [0, 1], or a failure with a stable reason code.
 *
 * @param reason {@link #PARSE_FAILED} or {@link #ANNOTATE_ERROR} when {@code score} is null
 */
public record SentenceResult(Double score, String reason, String message) {
  /** CoreNLP returned a flat placeholder tree: the parse failed, timed out or ran out of memory. */
  public static final String PARSE_FAILED = "NLP_PARSE_FAILED";
  /** CoreNLP threw while annotating the sentence. */
  public static final String ANNOTATE_ERROR = "NLP_ANNOTATE_ERROR";

  public static SentenceResult of(double score) {
    return new SentenceResult(score, null, null);
  }

  public static SentenceResult failed(String reason, String message) {
    return new SentenceResult(null, reason, message);
  }

  public boolean ok() {
    return score != null;
  }
}
