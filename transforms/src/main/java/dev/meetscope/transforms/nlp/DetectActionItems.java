package dev.meetscope.transforms.nlp;

import dev.meetscope.models.analytics.MetricsVersion;
import dev.meetscope.models.nlp.TextItem;
import dev.meetscope.models.nlp.actions.ActionItemCandidate;
import dev.meetscope.models.nlp.actions.ActionItemDetector;
import dev.meetscope.models.record.ActionItemRow;
import dev.meetscope.models.record.TimeBase;
import dev.meetscope.transforms.schema.RecordCoders;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Commitments to future work in every text ({@link ActionItemDetector}); a self-commitment ("I'll …") is owned
 * by the speaker. Counter {@code nlp.action_items/found}.
 */
public final class DetectActionItems extends PTransform<PCollection<TextItem>, PCollection<ActionItemRow>> {
  public static DetectActionItems create() {
    return new DetectActionItems();
  }

  @Override
  public PCollection<ActionItemRow> expand(PCollection<TextItem> texts) {
    return texts.apply("FindCommitments", ParDo.of(new DetectFn())).setCoder(RecordCoders.of(ActionItemRow.class));
  }

  static ActionItemRow row(TextItem item, ActionItemCandidate c) {
    Long offset = TimeBase.RECORDING_OFFSET.equals(item.timeBase()) ? item.offsetMs() : null;
    String owner = c.ownerIsSpeaker() ? item.speakerLabel() : c.ownerName();
    boolean clear = owner != null && c.clear();
    return new ActionItemRow(item.meetingKey(), item.source(), item.sourceFile(), item.sourceLine(),
        item.speakerLabel(), item.wallTime(), offset, c.sentence(), c.task(), owner, c.ownerIsSpeaker(),
        c.duePhrase(), clear, c.rule(), MetricsVersion.CURRENT);
  }

  static final class DetectFn extends DoFn<TextItem, ActionItemRow> {
    private final Counter found = Metrics.counter("nlp.action_items", "found");

    @ProcessElement
    public void process(@Element TextItem item, OutputReceiver<ActionItemRow> out) {
      for (ActionItemCandidate c : ActionItemDetector.detect(item.text())) {
        found.inc();
        out.output(row(item, c));
      }
    }
  }
}
