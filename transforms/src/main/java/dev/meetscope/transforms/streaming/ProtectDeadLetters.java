package dev.meetscope.transforms.streaming;

import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.stream.StreamGovernance;
import dev.meetscope.transforms.governance.ApplyGovernance;
import dev.meetscope.transforms.schema.RecordCoders;
import java.util.Objects;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * The stream's dead letters before their sink, cleaned whatever {@code --includeIdentities} says
 * ({@link StreamGovernance#protect(DeadLetter)}): the opt-out list's people, the names, emails and ids of
 * the delivery itself, and anything shaped like an email become {@code [redacted]}. Counter
 * {@code governance/dead_letters_redacted}. Element-wise, so it keeps every window and trigger.
 */
public final class ProtectDeadLetters extends PTransform<PCollection<DeadLetter>, PCollection<DeadLetter>> {
  private final StreamGovernanceSettings governance;

  private ProtectDeadLetters(StreamGovernanceSettings governance) {
    this.governance = governance;
  }

  public static ProtectDeadLetters with(StreamGovernanceSettings governance) {
    return new ProtectDeadLetters(Objects.requireNonNull(governance, "governance"));
  }

  @Override
  public PCollection<DeadLetter> expand(PCollection<DeadLetter> deadLetters) {
    return deadLetters.apply("RedactDeadLetters", ParDo.of(new ProtectFn(governance)))
        .setCoder(RecordCoders.of(DeadLetter.class));
  }

  static final class ProtectFn extends DoFn<DeadLetter, DeadLetter> {
    private final StreamGovernanceSettings settings;
    private final Counter redacted = Metrics.counter(ApplyGovernance.NAMESPACE, "dead_letters_redacted");
    private transient StreamGovernance governance;

    ProtectFn(StreamGovernanceSettings settings) {
      this.settings = settings;
    }

    @Setup
    public void setup() {
      governance = settings.governance();
    }

    @ProcessElement
    public void process(@Element DeadLetter d, OutputReceiver<DeadLetter> out) {
      DeadLetter clean = governance.protect(d);
      if (!clean.equals(d)) {
        redacted.inc();
      }
      out.output(clean);
    }
  }
}
