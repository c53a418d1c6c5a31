package dev.meetscope.models.nlp;

import java.util.List;

/**
 * The topic terms of one text.
 *
 * @param item the text's lineage and time, without the text itself
 * @param words words of the text (docs/metrics.md word rule)
 * @param terms lemmatised content words and noun phrases, with repeats
 */
public record TermDoc(TextItem item, int words, List<String> terms) {
  public TermDoc {
    terms = terms == null ? List.of() : List.copyOf(terms);
  }
}
