package dev.meetscope.transforms.streaming;

import dev.meetscope.models.record.DropoffAlert;
import dev.meetscope.models.record.LiveWindowStats;
import dev.meetscope.transforms.schema.RecordSchemaProvider;
import dev.meetscope.transforms.sink.RowJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubClient.PubsubClientFactory;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubIO;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessageWithAttributesCoder;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Publishes live window panes and drop-off alerts to a Pub/Sub topic for live widgets: one message per row,
 * data = the row as JSON (the table's columns), attributes {@code type} ({@code live_window} or
 * {@code dropoff_alert}), {@code meeting_key} and {@code window_end}, so a widget can filter one meeting and
 * keep the newest pane per window.
 */
public final class PublishLive extends PTransform<PCollection<LiveWindowStats>, PDone> {
  public static final String LIVE_WINDOW = "live_window";
  public static final String DROPOFF_ALERT = "dropoff_alert";

  private final String topic;
  private final PCollection<DropoffAlert> alerts;
  private final @Nullable PubsubClientFactory clientFactory;

  private PublishLive(String topic, PCollection<DropoffAlert> alerts, @Nullable PubsubClientFactory clientFactory) {
    if (!topic.matches("projects/[^/\\s]+/topics/[^/\\s]+")) {
      throw new IllegalArgumentException("--liveTopic must be projects/<project>/topics/<topic>, got '" + topic + "'");
    }
    this.topic = topic;
    this.alerts = alerts;
    this.clientFactory = clientFactory;
  }

  public static PublishLive to(String topic, PCollection<DropoffAlert> alerts) {
    return new PublishLive(topic, alerts, null);
  }

  public PublishLive withClientFactory(PubsubClientFactory factory) {
    return new PublishLive(topic, alerts, factory);
  }

  @Override
  public PDone expand(PCollection<LiveWindowStats> stats) {
    PCollection<PubsubMessage> fromStats = stats.apply("StatsToMessages",
        MapElements.into(TypeDescriptor.of(PubsubMessage.class)).via(PublishLive::message))
        .setCoder(PubsubMessageWithAttributesCoder.of());
    PCollection<PubsubMessage> fromAlerts = alerts.apply("AlertsToMessages",
        MapElements.into(TypeDescriptor.of(PubsubMessage.class)).via(PublishLive::message))
        .setCoder(PubsubMessageWithAttributesCoder.of());
    PubsubIO.Write<PubsubMessage> write = PubsubIO.writeMessages().to(topic);
    if (clientFactory != null) {
      write = write.withClientFactory(clientFactory);
    }
    PCollectionList.of(fromStats).and(fromAlerts)
        .apply("Flatten", Flatten.pCollections())
        .apply("Publish", write);
    return PDone.in(stats.getPipeline());
  }

  static PubsubMessage message(LiveWindowStats s) {
    return message(LIVE_WINDOW, s.meetingKey(), s.windowEnd().toString(), s);
  }

  static PubsubMessage message(DropoffAlert a) {
    return message(DROPOFF_ALERT, a.meetingKey(), a.windowEnd().toString(), a);
  }

  private static PubsubMessage message(String type, String meetingKey, String windowEnd, Object row) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("type", type);
    attributes.put("meeting_key", meetingKey);
    attributes.put("window_end", windowEnd);
    byte[] data = RowJson.toJson(RecordSchemaProvider.toRow(row)).getBytes(StandardCharsets.UTF_8);
    return new PubsubMessage(data, attributes);
  }
}
