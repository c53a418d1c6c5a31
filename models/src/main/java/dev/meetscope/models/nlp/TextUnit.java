package dev.meetscope.models.nlp;

import java.util.List;

/**
 * What the meeting-level text analysis needs of one utterance or chat message.
 *
 * @param speakerLabel null for captions without speakers
 * @param timeMs start on the meeting's clock (epoch ms), null when it cannot be placed
 * @param words words of the text (docs/metrics.md word rule)
 * @param sentiment null when not scored
 * @param sentimentWords the weight of {@code sentiment}
 * @param terms topic terms, with repeats
 */
public record TextUnit(String speakerLabel, Long timeMs, int words, Double sentiment, int sentimentWords,
    List<String> terms) {

  public TextUnit {
    terms = terms == null ? List.of() : List.copyOf(terms);
  }
}
