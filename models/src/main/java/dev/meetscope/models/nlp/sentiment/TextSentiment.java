package dev.meetscope.models.nlp.sentiment;

import java.util.List;

/**
 * The sentiment of one text (an utterance or a chat message).
 *
 * @param sentiment word-weighted mean of its pieces' and emoji's scores in [0, 1]; null when a piece failed or
 *     nothing in the text could be scored (only punctuation, only unknown emoji)
 * @param sentences CoreNLP sentences in the text
 * @param pieces parsed pieces (sentences, and the parts of split run-ons)
 * @param words the weight: word tokens as written (a shorthand token counts once) plus scored emoji
 * @param emoji emoji scored from the lexicon
 * @param failures pieces that failed; non-empty means {@code sentiment} is null
 */
public record TextSentiment(
    Double sentiment, int sentences, int pieces, int words, int emoji, List<SentenceFailure> failures) {

  public TextSentiment {
    failures = List.copyOf(failures);
  }
}
