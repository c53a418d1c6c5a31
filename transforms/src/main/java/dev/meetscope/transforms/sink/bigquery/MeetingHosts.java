package dev.meetscope.transforms.sink.bigquery;

import dev.meetscope.models.record.MeetingManifest;
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
 * {@code meeting_key → host_key} from the parsed manifests ({@link BigQueryTables#hostKey}), as a map side
 * input for {@link WriteBigQuery#withHosts}. One small entry per meeting; meetings without a named host are
 * absent (their rows get a null host_key). Two folders of the same meeting key keep the smallest host key, so
 * the choice does not depend on bundle order.
 */
public final class MeetingHosts
    extends PTransform<PCollection<KV<String, MeetingManifest>>, PCollectionView<Map<String, String>>> {

  public static MeetingHosts create() {
    return new MeetingHosts();
  }

  @Override
  public PCollectionView<Map<String, String>> expand(PCollection<KV<String, MeetingManifest>> manifests) {
    return manifests
        .apply("HostKeys", ParDo.of(new HostKeyFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("OneHostPerMeeting", Combine.perKey(new Smallest()))
        .apply("AsMap", View.asMap());
  }

  private static final class HostKeyFn extends DoFn<KV<String, MeetingManifest>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<String, MeetingManifest> m, OutputReceiver<KV<String, String>> out) {
      String host = BigQueryTables.hostKey(m.getValue());
      if (m.getKey() != null && host != null) {
        out.output(KV.of(m.getKey(), host));
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
