package dev.meetscope.transforms.sink.webhook;

import com.google.api.client.http.javanet.NetHttpTransport;
import dev.meetscope.models.governance.SecretSource;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.WebhookDelivery;
import dev.meetscope.models.record.WebhookPayload;
import dev.meetscope.transforms.http.RetryPolicy;
import dev.meetscope.transforms.http.Sleeper;
import dev.meetscope.transforms.schema.RecordCoders;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Delivers each meeting's payload to {@code --webhookUrl}. Accepted payloads go to {@link #DELIVERED};
 * a payload that still fails after the retries becomes a dead letter (stage {@code webhook}, reason
 * {@code WEBHOOK_HTTP_<status>} or {@code WEBHOOK_UNREACHABLE}, the payload as raw text) instead of failing
 * the bundle, so one bad receiver cannot stop the run. The secret travels as a reference
 * ({@code env:VAR}, {@code file:PATH}, Secret Manager name) and is resolved on the worker.
 */
public final class PostWebhookPayloads extends PTransform<PCollection<WebhookPayload>, PCollectionTuple> {
  public static final TupleTag<WebhookDelivery> DELIVERED = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};
  public static final String STAGE = "webhook";

  /** Builds the poster on the worker; a seam so tests can shorten waits. */
  public interface PosterFactory extends Serializable {
    WebhookPoster create(String url, byte[] secret, Duration timeout);
  }

  private final String url;
  private final String secretReference;
  private final Duration timeout;
  private final PosterFactory factory;

  private PostWebhookPayloads(String url, String secretReference, Duration timeout, PosterFactory factory) {
    this.url = url;
    this.secretReference = secretReference;
    this.timeout = timeout;
    this.factory = factory;
  }

  public static PostWebhookPayloads to(String url) {
    if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
      throw new IllegalArgumentException("--webhookUrl must be an http(s) URL (got '" + url + "')");
    }
    return new PostWebhookPayloads(url, null, Duration.ofSeconds(10), PostWebhookPayloads::defaultPoster);
  }

  /** Signs payloads with the secret behind {@code reference} ({@code env:VAR}, {@code file:PATH}, …). */
  public PostWebhookPayloads withSecret(String reference) {
    if (reference != null) {
      SecretSource.parse(SecretSource.WEBHOOK_SECRET_OPTION, reference); // shape checked at graph time
    }
    return new PostWebhookPayloads(url, reference, timeout, factory);
  }

  public PostWebhookPayloads withTimeout(Duration perRequest) {
    if (perRequest.isNegative() || perRequest.isZero()) {
      throw new IllegalArgumentException("webhook timeout must be positive");
    }
    return new PostWebhookPayloads(url, secretReference, perRequest, factory);
  }

  public PostWebhookPayloads withPosterFactory(PosterFactory posterFactory) {
    return new PostWebhookPayloads(url, secretReference, timeout, posterFactory);
  }

  static WebhookPoster defaultPoster(String url, byte[] secret, Duration timeout) {
    return new WebhookPoster(new NetHttpTransport(), url, secret, timeout, RetryPolicy.DEFAULT,
        Sleeper.SYSTEM, Clock.systemUTC());
  }

  @Override
  public PCollectionTuple expand(PCollection<WebhookPayload> payloads) {
    PCollectionTuple out = payloads
        // Spread slow HTTP calls over workers instead of the bundle that built the payloads.
        .apply("SpreadDeliveries", Reshuffle.viaRandomKey())
        .apply("PostPayloads", ParDo.of(new PostFn(url, secretReference, timeout, factory))
            .withOutputTags(DELIVERED, TupleTagList.of(List.of(DEAD_LETTERS))));
    out.get(DELIVERED).setCoder(RecordCoders.of(WebhookDelivery.class));
    out.get(DEAD_LETTERS).setCoder(RecordCoders.of(DeadLetter.class));
    return out;
  }

  private static final class PostFn extends DoFn<WebhookPayload, WebhookDelivery> {
    private final String url;
    private final String secretReference;
    private final Duration timeout;
    private final PosterFactory factory;
    private final Counter delivered = Metrics.counter(STAGE, "delivered");
    private final Counter failed = Metrics.counter(STAGE, "dead_lettered");
    private transient WebhookPoster poster;

    PostFn(String url, String secretReference, Duration timeout, PosterFactory factory) {
      this.url = url;
      this.secretReference = secretReference;
      this.timeout = timeout;
      this.factory = factory;
    }

    @Setup
    public void setup() {
      byte[] secret = secretReference == null ? null
          : SecretSource.system(null).load(secretReference);
      poster = factory.create(url, secret, timeout);
    }

    @ProcessElement
    public void process(@Element WebhookPayload payload, MultiOutputReceiver out) throws InterruptedException {
      WebhookPoster.Outcome outcome = poster.post(payload.idempotencyKey(), payload.json());
      if (outcome.delivered()) {
        delivered.inc();
        out.get(DELIVERED).output(new WebhookDelivery(payload.meetingKey(), url, outcome.status(),
            outcome.attempts()));
      } else {
        failed.inc();
        String reason = outcome.status() == 0 ? "WEBHOOK_UNREACHABLE" : "WEBHOOK_HTTP_" + outcome.status();
        out.get(DEAD_LETTERS).output(new DeadLetter(payload.meetingKey(), STAGE, "webhook_payload", url,
            null, null, reason, "Payload not accepted after " + outcome.attempts() + " attempt(s): "
                + outcome.error(), payload.json()));
      }
    }
  }
}
