package dev.meetscope.models.nlp.topics;

import dev.meetscope.models.nlp.CoreNlpHolder;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Topic terms of a text, from CoreNLP's part-of-speech tags and lemmas (docs/nlp.md, "Topics"):
 *
 * <ul>
 *   <li>content words: lemmas of nouns, verbs and adjectives that are not {@link StopWords} and look like
 *       words (letters, at least 3 of them; acronyms such as "MFA" keep their case);
 *   <li>noun phrases: every run of 2–3 adjectives and nouns inside a noun chunk that ends in a noun
 *       ("burn rate", "cost center report"), lemmatised on the last word and lower-cased, when none of its
 *       words is a stop word.
 * </ul>
 *
 * URLs, numbers and punctuation never make terms. Thread-safe (one shared CoreNLP pipeline).
 */
public final class TermExtractor {
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'-]*[\\p{L}]");
  private final StanfordCoreNLP pipeline;

  public TermExtractor() {
    this.pipeline = CoreNlpHolder.lemmatizer();
  }

  /** Terms in order of occurrence, with repeats (term frequency counts them). */
  public List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    Annotation doc = new Annotation(text);
    pipeline.annotate(doc);
    for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
      List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
      List<String> chunk = new ArrayList<>();
      List<Boolean> chunkNoun = new ArrayList<>();
      for (CoreLabel token : tokens) {
        String tag = token.tag() == null ? "" : token.tag();
        String term = termOf(token);
        boolean noun = tag.startsWith("NN");
        boolean adjective = tag.startsWith("JJ");
        if ((noun || adjective) && !isUrl(token.word())) {
          chunk.add(term);
          chunkNoun.add(noun);
        } else {
          phrases(chunk, chunkNoun, out);
          chunk.clear();
          chunkNoun.clear();
        }
        if ((noun || adjective || tag.startsWith("VB")) && term != null) {
          out.add(term);
        }
      }
      phrases(chunk, chunkNoun, out);
    }
    return out;
  }

  /** The term a token contributes, or null (stop word, not a word). */
  static String termOf(CoreLabel token) {
    String word = token.word();
    if (word == null || isUrl(word) || !WORD.matcher(word).matches()) {
      return null;
    }
    boolean acronym = word.length() >= 2 && word.equals(word.toUpperCase(Locale.ROOT))
        && !word.equals(word.toLowerCase(Locale.ROOT));
    String lemma = token.lemma() == null ? word : token.lemma();
    String term = acronym ? word : lemma.toLowerCase(Locale.ROOT);
    if (StopWords.contains(term.toLowerCase(Locale.ROOT)) || StopWords.contains(word.toLowerCase(Locale.ROOT))) {
      return null;
    }
    return term.length() >= 3 || acronym ? term : null;
  }

  /** Runs of 2–3 chunk words that end in a noun, all of them terms. */
  private static void phrases(List<String> chunk, List<Boolean> noun, List<String> out) {
    for (int end = 1; end < chunk.size(); end++) {
      if (!noun.get(end) || chunk.get(end) == null) {
        continue;
      }
      for (int len = 2; len <= 3 && end - len + 1 >= 0; len++) {
        List<String> words = chunk.subList(end - len + 1, end + 1);
        if (words.contains(null)) {
          break;
        }
        out.add(String.join(" ", words));
      }
    }
  }

  private static boolean isUrl(String word) {
    return word.contains("://") || word.startsWith("www.");
  }
}
