package dev.meetscope.transforms.sink.bigquery;

import dev.meetscope.models.record.ParticipantMeeting;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * {@code meeting_key → host_key} as a map side input for {@link WriteBigQuery#withHosts}: the
 * {@code participant_key} of the meeting's host from the job's protected {@code participant_meeting} rows, so
 * host_key is the same keyed pseudonym as everywhere else and never an email or a name (docs/governance.md).
 * One small entry per meeting; meetings without a known host are absent (their rows get a null host_key). When
 * several people are marked host the smallest key wins, so the choice does not depend on bundle order.
 */
public final class MeetingHosts
    extends PTransform<PCollection<ParticipantMeeting>, PCollectionView<Map<String, String>>> {

  public static MeetingHosts create() {
    return new MeetingHosts();
  }

  @Override
  public PCollectionView<Map<String, String>> expand(PCollection<ParticipantMeeting> people) {
    return people
        .apply("HostKeys", ParDo.of(new HostKeyFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("OneHostPerMeeting", Combine.perKey(new Smallest()))
        .apply("AsMap", View.asMap());
  }

  private static final class HostKeyFn extends DoFn<ParticipantMeeting, KV<String, String>> {
    @ProcessElement
    public void process(@Element ParticipantMeeting p, OutputReceiver<KV<String, String>> out) {
      if (Boolean.TRUE.equals(p.isHost()) && p.meetingKey() != null && p.participantKey() != null) {
        out.output(KV.of(p.meetingKey(), p.participantKey()));
      }
    }
  }

  private static final class Smallest implements SerializableFunction<Iterable<String>, String> {
    @Override
    public String apply(Iterable<String> hosts) {
      String min = null;
      for (String h : hosts) {
        if (min == null || h.compareTo(min) < 0) {
          min = h;
        }
      }
      return min;
    }
  }
}
