package dev.meetscope.models.nlp.sentiment;

import dev.meetscope.models.nlp.CoreNlpHolder;
import dev.meetscope.models.nlp.NlpConfig;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.trees.TreeCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ejml.simple.SimpleMatrix;

/**
 * The project's sentiment path (docs/nlp.md). For a batch of texts:
 *
 * <ol>
 *   <li>split into sentences and tokens with CoreNLP's tokenizer (cheap);
 *   <li>replace chat shorthand by plain words, take emoji out and score them from a lexicon
 *       ({@link ChatShorthand});
 *   <li>split run-on sentences longer than {@code runOnTokens} at soft boundaries ({@link RunOnSplitter});
 *   <li>look every piece up in the per-JVM cache; send the distinct missing pieces to CoreNLP's
 *       pos + parse + sentiment in batches of {@code batchSize} sentences (one sentence per line);
 *   <li>map each piece's five class probabilities to [0, 1] ({@link SentimentScale}) and take the
 *       word-weighted mean per text.
 * </ol>
 *
 * A piece whose parse fails, times out or runs out of memory (CoreNLP then returns a flat tree rooted at
 * {@code X}) or whose annotation throws is reported in {@link TextSentiment#failures()} and leaves its text's
 * sentiment null; the other texts of the batch are unaffected. Thread-safe; one shared instance per config
 * per JVM ({@link #shared}).
 */
public final class SentimentScorer {
  private static final Map<NlpConfig, SentimentScorer> SHARED = new ConcurrentHashMap<>();

  private final NlpConfig config;
  private final SentenceCache cache;
  private final StanfordCoreNLP splitter;
  private final StanfordCoreNLP pipeline;

  public SentimentScorer(NlpConfig config) {
    this.config = config;
    this.cache = new SentenceCache(config.cacheSize());
    this.splitter = CoreNlpHolder.splitter();
    this.pipeline = CoreNlpHolder.sentiment(config);
  }

  /** The JVM's scorer for {@code config} (built on first use; models load once). */
  public static SentimentScorer shared(NlpConfig config) {
    return SHARED.computeIfAbsent(config, SentimentScorer::new);
  }

  /** Tests: forget shared scorers and their caches. */
  public static void resetShared() {
    SHARED.clear();
  }

  public NlpConfig config() {
    return config;
  }

  public SentenceCache cache() {
    return cache;
  }

  public TextSentiment score(String text) {
    return score(List.of(text)).results().get(0);
  }

  /** Scores every text; never throws for a text's content. */
  public ScoredBatch score(List<String> texts) {
    int sentences = 0;
    int runOnSplits = 0;
    int emojiCount = 0;
    int pieceCount = 0;
    List<List<Piece>> piecesByText = new ArrayList<>(texts.size());
    List<List<Double>> emojiByText = new ArrayList<>(texts.size());
    int[] sentencesByText = new int[texts.size()];
    for (int t = 0; t < texts.size(); t++) {
      String text = texts.get(t);
      List<Piece> pieces = new ArrayList<>();
      List<Double> emoji = new ArrayList<>();
      if (text != null && !text.isBlank()) {
        Annotation doc = new Annotation(text);
        splitter.annotate(doc);
        for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
          sentences++;
          sentencesByText[t]++;
          List<String> words = new ArrayList<>();
          List<Integer> weights = new ArrayList<>();
          for (CoreLabel token : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
            String word = token.word();
            if (ChatShorthand.isEmojiToken(word)) {
              emoji.addAll(ChatShorthand.emojiValues(word));
              continue;
            }
            List<String> expanded = ChatShorthand.expand(word);
            if (expanded == null) {
              words.add(clean(word));
              weights.add(isWord(word) ? 1 : 0);
            } else {
              for (int i = 0; i < expanded.size(); i++) {
                words.add(expanded.get(i));
                weights.add(i == 0 ? 1 : 0);
              }
            }
          }
          List<int[]> ranges = RunOnSplitter.split(words, config.runOnTokens(), config.parseMaxLen());
          if (ranges.size() > 1) {
            runOnSplits++;
          }
          for (int[] r : ranges) {
            int weight = 0;
            for (int i = r[0]; i < r[1]; i++) {
              weight += weights.get(i);
            }
            if (weight > 0) {
              pieces.add(new Piece(String.join(" ", words.subList(r[0], r[1])), weight));
            }
          }
        }
      }
      emojiCount += emoji.size();
      pieceCount += pieces.size();
      piecesByText.add(pieces);
      emojiByText.add(emoji);
    }

    // Distinct pieces in first-seen order; the cache answers what it can.
    Map<String, SentenceResult> results = new HashMap<>();
    LinkedHashMap<String, Boolean> missing = new LinkedHashMap<>();
    int hits = 0;
    for (List<Piece> pieces : piecesByText) {
      for (Piece p : pieces) {
        if (results.containsKey(p.text()) || missing.containsKey(p.text())) {
          hits++;
          continue;
        }
        SentenceResult cached = cache.get(p.text());
        if (cached != null) {
          results.put(p.text(), cached);
          hits++;
        } else {
          missing.put(p.text(), Boolean.TRUE);
        }
      }
    }
    List<String> todo = new ArrayList<>(missing.keySet());
    int failed = 0;
    for (int from = 0; from < todo.size(); from += config.batchSize()) {
      List<String> batch = todo.subList(from, Math.min(todo.size(), from + config.batchSize()));
      List<SentenceResult> scored = annotate(batch);
      for (int i = 0; i < batch.size(); i++) {
        SentenceResult r = scored.get(i);
        failed += r.ok() ? 0 : 1;
        results.put(batch.get(i), r);
        cache.put(batch.get(i), r);
      }
    }

    List<TextSentiment> out = new ArrayList<>(texts.size());
    for (int t = 0; t < texts.size(); t++) {
      out.add(combine(piecesByText.get(t), emojiByText.get(t), results, sentencesByText[t]));
    }
    return new ScoredBatch(out, new ScoringStats(texts.size(), sentences, pieceCount, hits, todo.size(),
        failed, runOnSplits, emojiCount));
  }

  private static TextSentiment combine(List<Piece> pieces, List<Double> emoji,
      Map<String, SentenceResult> results, int sentences) {
    double sum = 0;
    int words = 0;
    List<SentenceFailure> failures = new ArrayList<>();
    for (Piece p : pieces) {
      SentenceResult r = results.get(p.text());
      if (!r.ok()) {
        failures.add(new SentenceFailure(p.text(), r.reason(), r.message()));
        continue;
      }
      sum += r.score() * p.weight();
      words += p.weight();
    }
    for (double e : emoji) {
      sum += e;
      words++;
    }
    int totalWords = words + failures.stream().mapToInt(f -> weightOf(pieces, f.sentence())).sum();
    Double sentiment = failures.isEmpty() && words > 0 ? sum / words : null;
    return new TextSentiment(sentiment, sentences, pieces.size(), totalWords, emoji.size(), failures);
  }

  private static int weightOf(List<Piece> pieces, String text) {
    for (Piece p : pieces) {
      if (p.text().equals(text)) {
        return p.weight();
      }
    }
    return 0;
  }

  /** One CoreNLP annotation for the batch; if it throws or misaligns, one annotation per sentence. */
  private List<SentenceResult> annotate(List<String> batch) {
    try {
      Annotation doc = new Annotation(String.join("\n", batch));
      pipeline.annotate(doc);
      List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
      if (sentences != null && sentences.size() == batch.size()) {
        List<SentenceResult> out = new ArrayList<>(batch.size());
        sentences.forEach(s -> out.add(read(s)));
        return out;
      }
    } catch (RuntimeException | OutOfMemoryError e) {
      // fall through: find the sentence that breaks it
    }
    List<SentenceResult> out = new ArrayList<>(batch.size());
    for (String sentence : batch) {
      out.add(annotateOne(sentence));
    }
    return out;
  }

  private SentenceResult annotateOne(String sentence) {
    try {
      Annotation doc = new Annotation(sentence);
      pipeline.annotate(doc);
      List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
      if (sentences == null || sentences.size() != 1) {
        return SentenceResult.failed(SentenceResult.ANNOTATE_ERROR,
            "CoreNLP returned " + (sentences == null ? 0 : sentences.size()) + " sentences for one");
      }
      return read(sentences.get(0));
    } catch (RuntimeException | OutOfMemoryError e) {
      return SentenceResult.failed(SentenceResult.ANNOTATE_ERROR, e.toString());
    }
  }

  /** The score of an annotated sentence, or a failure for a flat placeholder tree. */
  static SentenceResult read(CoreMap sentence) {
    Tree parse = sentence.get(TreeCoreAnnotations.TreeAnnotation.class);
    if (parse == null || isFlat(parse)) {
      return SentenceResult.failed(SentenceResult.PARSE_FAILED,
          "the parser returned a flat tree (failed, timed out or out of memory)");
    }
    Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
    SimpleMatrix predictions = tree == null ? null : RNNCoreAnnotations.getPredictions(tree);
    if (predictions == null || predictions.getNumElements() != 5) {
      return SentenceResult.failed(SentenceResult.ANNOTATE_ERROR, "no sentiment predictions");
    }
    double[] p = new double[5];
    for (int i = 0; i < 5; i++) {
      p[i] = predictions.get(i);
    }
    return SentenceResult.of(SentimentScale.score(p));
  }

  /** CoreNLP's failure tree: root {@code X} over the words (ParserUtils.xTree). */
  static boolean isFlat(Tree parse) {
    return "X".equals(parse.label().value());
  }

  /** Tokens are re-read by a whitespace tokenizer: no inner whitespace may survive. */
  private static String clean(String word) {
    return word.indexOf(' ') < 0 && word.indexOf('\u00A0') < 0 ? word : word.replaceAll("[\\s\\u00A0]+", "_");
  }

  private static boolean isWord(String token) {
    for (int i = 0; i < token.length(); ) {
      int cp = token.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  private record Piece(String text, int weight) {}
}
