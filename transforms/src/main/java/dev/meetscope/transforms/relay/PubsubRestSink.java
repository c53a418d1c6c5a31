package dev.meetscope.transforms.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestFactory;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpTransport;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import dev.meetscope.models.webhook.RelayEnvelope;
import dev.meetscope.transforms.http.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes envelopes with the Pub/Sub REST call {@code POST {root}/v1/{topic}:publish}: message data = the
 * raw webhook body, attributes {@code request_id}, {@code event}, {@code event_ts}. One publisher thread
 * batches what is queued (up to 100 messages); a batch's futures complete when Pub/Sub returned its
 * message ids. 429, 5xx and network errors are retried a bounded number of times with short backoff so the
 * relay still answers Zoom within its 3 s budget.
 */
public final class PubsubRestSink extends BatchingEnvelopeSink<RelayEnvelope> {
  private static final Logger LOG = LoggerFactory.getLogger(PubsubRestSink.class);
  public static final String DEFAULT_ROOT_URL = "https://pubsub.googleapis.com";
  public static final String PUBSUB_SCOPE = "https://www.googleapis.com/auth/pubsub";
  private static final Pattern TOPIC = Pattern.compile("projects/[^/\\s]+/topics/[^/\\s]+");
  private static final int MAX_BATCH = 100;
  private static final long MAX_BATCH_BYTES = 8L * 1024 * 1024;

  private final HttpRequestFactory requests;
  private final String publishUrl;
  private final String topic;
  private final Sleeper sleeper;
  private final int maxAttempts;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param credentials adds the Authorization header, or null for an emulator or test endpoint
   */
  public PubsubRestSink(HttpTransport transport, String rootUrl, String topic, HttpRequestInitializer credentials,
      Sleeper sleeper, int maxAttempts, int queueCapacity) {
    super("Pub/Sub sink", queueCapacity, 1_000, MAX_BATCH, MAX_BATCH_BYTES);
    if (!TOPIC.matcher(topic).matches()) {
      throw new IllegalArgumentException("Pub/Sub topic must be projects/<project>/topics/<topic>: " + topic);
    }
    this.topic = topic;
    String root = rootUrl.endsWith("/") ? rootUrl.substring(0, rootUrl.length() - 1) : rootUrl;
    this.publishUrl = root + "/v1/" + topic + ":publish";
    this.requests = transport.createRequestFactory(r -> {
      if (credentials != null) {
        credentials.initialize(r);
      }
      r.setConnectTimeout(2_000);
      r.setReadTimeout(5_000);
      r.setThrowExceptionOnExecuteError(false);
      r.setNumberOfRetries(0);
    });
    this.sleeper = sleeper;
    this.maxAttempts = Math.max(1, maxAttempts);
    start("pubsub-sink");
  }

  /** Application Default Credentials scoped for Pub/Sub (service account on GCP, gcloud login locally). */
  public static HttpRequestInitializer applicationDefaultCredentials() throws IOException {
    return new HttpCredentialsAdapter(GoogleCredentials.getApplicationDefault().createScoped(List.of(PUBSUB_SCOPE)));
  }

  @Override
  protected RelayEnvelope prepare(RelayEnvelope envelope) {
    return envelope;
  }

  @Override
  protected long weight(RelayEnvelope envelope) {
    return envelope.rawBody().length;
  }

  @Override
  public String describe() {
    return "pubsub:" + topic;
  }

  @Override
  protected void persist(List<RelayEnvelope> batch) throws IOException {
    byte[] body = requestBody(batch);
    IOException last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        HttpRequest request = requests.buildPostRequest(new GenericUrl(publishUrl),
            new ByteArrayContent("application/json", body));
        HttpResponse response = request.execute();
        try {
          int status = response.getStatusCode();
          byte[] answer;
          try (InputStream in = response.getContent()) {
            answer = in == null ? new byte[0] : in.readNBytes(1 << 20);
          }
          if (status >= 200 && status < 300) {
            JsonNode ids = json.readTree(answer).path("messageIds");
            if (ids.size() != batch.size()) {
              throw new IOException("Pub/Sub returned " + ids.size() + " message ids for " + batch.size()
                  + " messages");
            }
            return;
          }
          String text = new String(answer, 0, Math.min(answer.length, 300), StandardCharsets.UTF_8);
          last = new IOException("Pub/Sub publish to " + topic + " failed: HTTP " + status + " " + text);
          if (status != 429 && status < 500) {
            break;
          }
        } finally {
          response.disconnect();
        }
      } catch (IOException e) {
        last = e;
      }
      if (attempt < maxAttempts) {
        LOG.warn("Pub/Sub publish attempt {} failed ({}); retrying", attempt, last.getMessage());
        try {
          sleeper.sleep(Duration.ofMillis(100L << (attempt - 1)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw last == null ? new IOException("Pub/Sub publish of " + batch.size() + " messages failed") : last;
  }

  private byte[] requestBody(List<RelayEnvelope> batch) {
    ObjectNode root = json.createObjectNode();
    ArrayNode messages = root.putArray("messages");
    for (RelayEnvelope envelope : batch) {
      ObjectNode m = messages.addObject();
      m.put("data", Base64.getEncoder().encodeToString(envelope.rawBody()));
      ObjectNode attrs = m.putObject("attributes");
      for (Map.Entry<String, String> a : envelope.attributes().entrySet()) {
        attrs.put(a.getKey(), a.getValue());
      }
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }
}
