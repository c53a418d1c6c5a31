package dev.meetscope.pipelines.streaming;

import dev.meetscope.models.governance.InvalidOptionException;
import dev.meetscope.models.governance.RetentionPolicy;
import dev.meetscope.models.stream.DurationText;
import dev.meetscope.pipelines.governance.GovernanceOptions;
import dev.meetscope.transforms.governance.PseudonymKey;
import dev.meetscope.transforms.governance.GateSettings;
import dev.meetscope.transforms.streaming.StreamGovernanceSettings;
import dev.meetscope.transforms.sink.bigquery.BigQueryDataset;
import dev.meetscope.transforms.streaming.StreamSettings;
import java.time.Duration;
import java.util.Locale;

/**
 * The streaming options checked and parsed once: what {@link TownHallStreaming} builds from. Every
 * problem is an {@link IllegalArgumentException} naming the option.
 *
 * @param maxIdle null = run until cancelled
 * @param retentionDays BigQuery partition expiry in days ({@code --retentionDays}); null = never
 * @param pseudonymKey the {@code --pseudonymKey} reference; null = a random key for this run
 * @param gate {@code --consentMode}, {@code --consentAllowList} and {@code --optOut}
 */
public record StreamPlan(
    String source,
    String input,
    String subscription,
    String output,
    String sink,
    String bigQueryDataset,
    String liveTopic,
    StreamSettings settings,
    Duration maxIdle,
    Duration pollInterval,
    Duration watermarkLag,
    Duration idleAdvance,
    Duration flushInterval,
    int shards,
    Integer retentionDays,
    String pseudonymKey,
    boolean includeIdentities,
    GateSettings gate) {

  public static final String FILES = "files";
  /** The folder the files source watches when --input is not given. */
  public static final String DEFAULT_INPUT = "events";
  public static final String PUBSUB = "pubsub";
  public static final String BIGQUERY = "bigquery";

  public static StreamPlan of(StreamingOptions o) {
    String source = lower(o.getSource());
    if (!source.equals(FILES) && !source.equals(PUBSUB)) {
      throw new IllegalArgumentException("--source must be files or pubsub (got '" + o.getSource() + "')");
    }
    String input = blank(o.getInput()) ? DEFAULT_INPUT : o.getInput();
    if (source.equals(PUBSUB) && blank(o.getSubscription())) {
      throw new IllegalArgumentException("--source=pubsub needs --subscription=projects/<p>/subscriptions/<s>");
    }
    if (source.equals(PUBSUB) && !o.getSubscription().matches("projects/[^/\\s]+/subscriptions/[^/\\s]+")) {
      throw new IllegalArgumentException("--subscription must be projects/<project>/subscriptions/<subscription>"
          + " (got '" + o.getSubscription() + "')");
    }
    String sink = lower(o.getSink());
    if (!sink.equals("parquet") && !sink.equals("jsonl") && !sink.equals(BIGQUERY)) {
      throw new IllegalArgumentException("--sink must be one of parquet, jsonl, bigquery (got '" + o.getSink() + "')");
    }
    if (sink.equals(BIGQUERY) && blank(o.getBigQueryDataset())) {
      throw new IllegalArgumentException("--sink=bigquery needs --bigQueryDataset=project:dataset");
    }
    if (sink.equals(BIGQUERY)) {
      BigQueryDataset.parse(o.getBigQueryDataset()); // the batch sink's parser: one message for a bad spec
    }
    if (o.getRetentionDays() != null && !sink.equals(BIGQUERY)) {
      throw new InvalidOptionException(RetentionPolicy.OPTION, "sets BigQuery partition expiry and needs "
          + "--sink=bigquery; file outputs are aged out by meetscope purge --olderThanDays=" + o.getRetentionDays());
    }
    if (o.getRetentionDays() != null) {
      new RetentionPolicy(o.getRetentionDays()); // 1 … MAX_DAYS, or an InvalidOptionException naming the option
    }
    if (!sink.equals(BIGQUERY) && blank(o.getOutput())) {
      throw new IllegalArgumentException("--output must name a folder");
    }
    if (!blank(o.getLiveTopic()) && !o.getLiveTopic().matches("projects/[^/\\s]+/topics/[^/\\s]+")) {
      throw new IllegalArgumentException("--liveTopic must be projects/<project>/topics/<topic> (got '"
          + o.getLiveTopic() + "')");
    }
    if (o.getShards() < 1) {
      throw new IllegalArgumentException("--shards must be at least 1");
    }
    StreamSettings settings = StreamSettings.defaults()
        .withWindows(DurationText.parse("windowSize", o.getWindowSize()),
            DurationText.parse("windowPeriod", o.getWindowPeriod()))
        .withEarlyFiring(DurationText.parse("earlyFiring", o.getEarlyFiring()))
        .withLateness(DurationText.parse("allowedLateness", o.getAllowedLateness()),
            StreamSettings.defaults().latenessMargin(), StreamSettings.defaults().probeInterval())
        .withMeetingEnd(DurationText.parse("finalGrace", o.getFinalGrace()),
            DurationText.parse("meetingIdleTimeout", o.getMeetingIdleTimeout()))
        .withMaxEventsPerMeeting(o.getMaxEventsPerMeeting())
        .withHotKeyFanout(o.getHotKeyFanout())
        .validate();
    Duration maxIdle = blank(o.getMaxIdle()) ? null : DurationText.parse("maxIdle", o.getMaxIdle());
    if (maxIdle != null && maxIdle.isZero()) {
      throw new IllegalArgumentException("--maxIdle must be positive (leave it empty to run until cancelled)");
    }
    Duration poll = DurationText.parse("pollInterval", o.getPollInterval());
    if (poll.isZero()) {
      throw new IllegalArgumentException("--pollInterval must be positive");
    }
    Duration flush = DurationText.parse("flushInterval", o.getFlushInterval());
    if (flush.isZero()) {
      throw new IllegalArgumentException("--flushInterval must be positive");
    }
    GovernanceOptions.validate(o);
    return new StreamPlan(source, input, o.getSubscription(), o.getOutput(), sink, o.getBigQueryDataset(),
        blank(o.getLiveTopic()) ? null : o.getLiveTopic(), settings, maxIdle, poll,
        DurationText.parse("watermarkLag", o.getWatermarkLag()),
        DurationText.parse("idleAdvance", o.getIdleAdvance()), flush, o.getShards(), o.getRetentionDays(),
        blank(o.getPseudonymKey()) ? null : o.getPseudonymKey(), o.getIncludeIdentities(),
        GovernanceOptions.gateSettings(o));
  }

  /**
   * The identity policy's settings: the key reference (or a new random per-run key: call once per graph),
   * {@code --includeIdentities} and the opt-out list.
   */
  public StreamGovernanceSettings governance() {
    return StreamGovernanceSettings.of(pseudonymKey == null ? PseudonymKey.ephemeral() : PseudonymKey.of(pseudonymKey),
        includeIdentities, gate);
  }

  public boolean filesSource() {
    return FILES.equals(source);
  }

  public boolean bigQuery() {
    return BIGQUERY.equals(sink);
  }

  public long maxIdleMs() {
    return maxIdle == null ? 0 : maxIdle.toMillis();
  }

  private static String lower(String s) {
    return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
