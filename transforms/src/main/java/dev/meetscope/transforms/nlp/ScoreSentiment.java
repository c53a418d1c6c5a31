package dev.meetscope.transforms.nlp;

import dev.meetscope.models.analytics.MetricsVersion;
import dev.meetscope.models.nlp.NlpConfig;
import dev.meetscope.models.nlp.TextItem;
import dev.meetscope.models.nlp.sentiment.ScoredBatch;
import dev.meetscope.models.nlp.sentiment.ScoringStats;
import dev.meetscope.models.nlp.sentiment.SentenceFailure;
import dev.meetscope.models.nlp.sentiment.SentimentScorer;
import dev.meetscope.models.nlp.sentiment.TextSentiment;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.UtteranceSentiment;
import dev.meetscope.transforms.schema.RecordCoders;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Instant;

/**
 * CoreNLP sentiment of every text ({@link SentimentScorer}, docs/nlp.md). A {@link Reshuffle} first breaks
 * fusion with the parse step, so the expensive parsing spreads over all workers instead of following the files
 * a worker happened to read; texts are then scored in batches per bundle (the cache and CoreNLP see many
 * sentences at once).
 *
 * <p>Every input text gives one {@link UtteranceSentiment}; a sentence that fails or times out gives a
 * {@link DeadLetter} (stage {@code nlp}, raw text = the sentence) and leaves its text's sentiment null.
 *
 * <p>Counters, namespace {@code nlp.sentiment}: {@code texts}, {@code sentences}, {@code pieces},
 * {@code cache_hits}, {@code parsed}, {@code failed}, {@code run_on_splits}, {@code emoji}.
 */
public final class ScoreSentiment extends PTransform<PCollection<TextItem>, PCollectionTuple> {
  public static final TupleTag<UtteranceSentiment> SENTIMENTS = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};
  public static final String STAGE = "nlp";
  /** A scorer that threw (a bug, not bad input) dead-letters the whole batch's texts with this reason. */
  public static final String SCORER_ERROR = "NLP_SCORER_ERROR";

  private final NlpConfig config;
  private final boolean reshuffle;

  private ScoreSentiment(NlpConfig config, boolean reshuffle) {
    this.config = Objects.requireNonNull(config, "config");
    this.reshuffle = reshuffle;
  }

  public static ScoreSentiment create() {
    return new ScoreSentiment(NlpConfig.defaults(), true);
  }

  public ScoreSentiment withConfig(NlpConfig value) {
    return new ScoreSentiment(value, reshuffle);
  }

  /** For callers that already reshuffled their texts (AnalyzeText does, once for all NLP steps). */
  public ScoreSentiment withoutReshuffle() {
    return new ScoreSentiment(config, false);
  }

  @Override
  public PCollectionTuple expand(PCollection<TextItem> texts) {
    PCollection<TextItem> input = reshuffle
        ? texts.apply("SpreadTexts", Reshuffle.<TextItem>viaRandomKey()).setCoder(RecordCoders.of(TextItem.class))
        : texts;
    PCollectionTuple out = input.apply("ScoreBatches",
        ParDo.of(new ScoreFn(config)).withOutputTags(SENTIMENTS, TupleTagList.of(DEAD_LETTERS)));
    out.get(SENTIMENTS).setCoder(RecordCoders.of(UtteranceSentiment.class));
    out.get(DEAD_LETTERS).setCoder(RecordCoders.of(DeadLetter.class));
    return out;
  }

  /** Results of one text, ready to emit. */
  record Scored(List<UtteranceSentiment> sentiments, List<DeadLetter> deadLetters) {}

  /** Scores a batch of texts with the shared scorer; never throws for the texts' content. */
  static Scored score(SentimentScorer scorer, List<TextItem> items, Counters counters) {
    List<String> texts = new ArrayList<>(items.size());
    items.forEach(i -> texts.add(i.text()));
    List<UtteranceSentiment> rows = new ArrayList<>();
    List<DeadLetter> dead = new ArrayList<>();
    ScoredBatch batch;
    try {
      batch = scorer.score(texts);
    } catch (RuntimeException e) {
      for (TextItem item : items) {
        rows.add(row(item, new TextSentiment(null, 0, 0, 0, 0, List.of())));
        dead.add(new DeadLetter(item.meetingKey(), STAGE, item.format(), item.sourceFile(), item.sourceLine(), null,
            SCORER_ERROR, "the sentiment scorer failed on this batch: " + e, item.text()));
      }
      counters.failed.inc(items.size());
      return new Scored(rows, dead);
    }
    counters.add(batch.stats());
    for (int i = 0; i < items.size(); i++) {
      TextItem item = items.get(i);
      TextSentiment s = batch.results().get(i);
      rows.add(row(item, s));
      for (SentenceFailure f : s.failures()) {
        dead.add(new DeadLetter(item.meetingKey(), STAGE, item.format(), item.sourceFile(), item.sourceLine(), null,
            f.reason(), "sentiment of a sentence of this " + item.source() + " failed: " + f.message()
                + "; the " + item.source() + " keeps a null sentiment",
            f.sentence()));
      }
    }
    return new Scored(rows, dead);
  }

  /** The {@code utterance_sentiment} row of a scored text. */
  public static UtteranceSentiment row(TextItem item, TextSentiment s) {
    return new UtteranceSentiment(item.meetingKey(), item.source(), item.format(), item.sourceFile(),
        item.sourceLine(), item.speakerLabel(), item.wallTime(),
        s.sentiment() == null ? null : Math.round(s.sentiment() * 1e6) / 1e6, s.sentences(), s.pieces(), s.words(),
        s.emoji(), s.failures().size(), MetricsVersion.CURRENT);
  }

  static final class Counters {
    final Counter texts = Metrics.counter("nlp.sentiment", "texts");
    final Counter sentences = Metrics.counter("nlp.sentiment", "sentences");
    final Counter pieces = Metrics.counter("nlp.sentiment", "pieces");
    final Counter cacheHits = Metrics.counter("nlp.sentiment", "cache_hits");
    final Counter parsed = Metrics.counter("nlp.sentiment", "parsed");
    final Counter failed = Metrics.counter("nlp.sentiment", "failed");
    final Counter runOnSplits = Metrics.counter("nlp.sentiment", "run_on_splits");
    final Counter emoji = Metrics.counter("nlp.sentiment", "emoji");

    void add(ScoringStats s) {
      texts.inc(s.texts());
      sentences.inc(s.sentences());
      pieces.inc(s.pieces());
      cacheHits.inc(s.cacheHits());
      parsed.inc(s.parsed());
      failed.inc(s.failed());
      runOnSplits.inc(s.runOnSplits());
      emoji.inc(s.emoji());
    }
  }

  /**
   * Buffers a bundle's texts and scores them together. Results are emitted at the end of the bundle with each
   * text's own timestamp and window, or earlier, once {@code 8 × batchSize} texts wait, when they all share the
   * current element's timestamp and window (the batch case).
   */
  static final class ScoreFn extends DoFn<TextItem, UtteranceSentiment> {
    private final NlpConfig config;
    private transient SentimentScorer scorer;
    private transient Counters counters;
    private transient List<Buffered> buffer;

    private record Buffered(TextItem item, Instant timestamp, BoundedWindow window) {}

    ScoreFn(NlpConfig config) {
      this.config = config;
    }

    @Setup
    public void setup() {
      scorer = SentimentScorer.shared(config);
      counters = new Counters();
    }

    @StartBundle
    public void startBundle() {
      buffer = new ArrayList<>();
    }

    @ProcessElement
    public void process(@Element TextItem item, @Timestamp Instant timestamp, BoundedWindow window,
        MultiOutputReceiver out) {
      buffer.add(new Buffered(item, timestamp, window));
      if (buffer.size() >= 8 * config.batchSize()
          && buffer.stream().allMatch(b -> b.timestamp().equals(timestamp) && b.window().equals(window))) {
        Scored scored = flush();
        scored.sentiments().forEach(out.get(SENTIMENTS)::output);
        scored.deadLetters().forEach(out.get(DEAD_LETTERS)::output);
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext ctx) {
      List<Buffered> pending = buffer;
      Scored scored = flush();
      // One row per text, in buffer order; dead letters carry the text's lineage.
      for (int i = 0; i < pending.size(); i++) {
        Buffered b = pending.get(i);
        ctx.output(SENTIMENTS, scored.sentiments().get(i), b.timestamp(), b.window());
      }
      for (DeadLetter d : scored.deadLetters()) {
        Buffered b = find(pending, d);
        ctx.output(DEAD_LETTERS, d, b.timestamp(), b.window());
      }
    }

    private Scored flush() {
      List<TextItem> items = new ArrayList<>(buffer.size());
      buffer.forEach(b -> items.add(b.item()));
      buffer = new ArrayList<>();
      if (items.isEmpty()) {
        return new Scored(List.of(), List.of());
      }
      return score(scorer, items, counters);
    }

    private static Buffered find(List<Buffered> pending, DeadLetter d) {
      for (Buffered b : pending) {
        if (b.item().sourceLine() == d.sourceLine() && b.item().sourceFile().equals(d.sourceFile())) {
          return b;
        }
      }
      return pending.get(0);
    }
  }
}
