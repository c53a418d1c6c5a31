package dev.meetscope.transforms.nlp;

import dev.meetscope.models.analytics.conversation.TextFeatures;
import dev.meetscope.models.nlp.TermDoc;
import dev.meetscope.models.nlp.TextItem;
import dev.meetscope.models.nlp.topics.TermExtractor;
import dev.meetscope.transforms.schema.RecordCoders;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Topic terms of every text ({@link TermExtractor}: CoreNLP part of speech and lemmas), per element so the
 * tagging spreads over workers; only the small term lists are grouped per meeting later.
 *
 * <p>Counters, namespace {@code nlp.topics}: {@code texts}, {@code terms}.
 */
public final class ExtractTerms extends PTransform<PCollection<TextItem>, PCollection<TermDoc>> {
  public static ExtractTerms create() {
    return new ExtractTerms();
  }

  @Override
  public PCollection<TermDoc> expand(PCollection<TextItem> texts) {
    return texts.apply("LemmatiseTexts", ParDo.of(new TermsFn())).setCoder(RecordCoders.of(TermDoc.class));
  }

  static final class TermsFn extends DoFn<TextItem, TermDoc> {
    private final Counter texts = Metrics.counter("nlp.topics", "texts");
    private final Counter terms = Metrics.counter("nlp.topics", "terms");
    private transient TermExtractor extractor;

    @Setup
    public void setup() {
      extractor = new TermExtractor();
    }

    @ProcessElement
    public void process(@Element TextItem item, OutputReceiver<TermDoc> out) {
      TermDoc doc = new TermDoc(item.withoutText(), TextFeatures.words(item.text()), extractor.terms(item.text()));
      texts.inc();
      terms.inc(doc.terms().size());
      out.output(doc);
    }
  }
}
