package dev.meetscope.pipelines.streaming;

import dev.meetscope.pipelines.governance.GovernanceOptions;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of the streaming job ({@code meetscope stream}). Durations are written {@code 500ms}, {@code 30s},
 * {@code 5m}, {@code 2h} or ISO-8601 ({@code PT30S}). Pub/Sub options ({@code --pubsubRootUrl} for an
 * emulator, {@code --project}) and Beam's {@code --streaming} come with it, and the batch job's identity
 * options ({@link GovernanceOptions}: {@code --optOut}, {@code --pseudonymKey}, {@code --includeIdentities}).
 */
public interface StreamingOptions extends PubsubOptions, org.apache.beam.sdk.options.StreamingOptions,
    GovernanceOptions {

  @Description("Where webhook events come from: files (a folder of NDJSON delivery files, watched continuously;"
      + " the relay's files sink and meetscope replay write them) or pubsub (--subscription).")
  @Default.String("files")
  String getSource();

  void setSource(String value);

  @Description("Files source: a folder (local or gs://) whose *.ndjson files are read as they appear, or a file"
      + " pattern. Default: events.")
  // No @Default: Beam wants a property's @Default on every options interface or none, and nightly's --input
  // has none; StreamPlan supplies "events".
  String getInput();

  void setInput(String value);

  @Description("Pub/Sub source: projects/<project>/subscriptions/<subscription>. Messages carry the webhook body"
      + " and the attributes request_id and event_ts (as the relay and meetscope replay publish them).")
  String getSubscription();

  void setSubscription(String value);

  @Description("Output folder (local or gs://): tables live_window, dropoff_alert, participant_meeting, meeting,"
      + " meeting_timeline and dead_letter under <output>/<table>/.")
  @Default.String("out")
  String getOutput();

  void setOutput(String value);

  @Description("Output format: parquet, jsonl or bigquery (--bigQueryDataset; Storage Write API).")
  @Default.String("parquet")
  String getSink();

  void setSink(String value);

  @Description("With --sink=bigquery: the dataset, project:dataset.")
  String getBigQueryDataset();

  void setBigQueryDataset(String value);

  @Description("With --sink=bigquery: days after which BigQuery deletes a day's partition (meeting_date, the "
      + "event-time day) of every table the job creates (1-100000). Default: partitions never expire. Existing "
      + "tables keep their expiry: ALTER TABLE ... SET OPTIONS (partition_expiration_days = N), docs/bigquery.md. "
      + "Refused with file sinks: their counterpart is meetscope purge --olderThanDays=N.")
  Integer getRetentionDays();

  void setRetentionDays(Integer value);

  @Description("Optional Pub/Sub topic (projects/<p>/topics/<t>) for live widgets: every live window pane and"
      + " drop-off alert as JSON, attributes type, meeting_key, window_end.")
  String getLiveTopic();

  void setLiveTopic(String value);

  @Description("Length of the sliding event-time windows.")
  @Default.String("60s")
  String getWindowSize();

  void setWindowSize(String value);

  @Description("How often a window starts (the window size must be a multiple of it).")
  @Default.String("10s")
  String getWindowPeriod();

  void setWindowPeriod(String value);

  @Description("Early (and late) panes fire this long after the first event of a pane, so live widgets update"
      + " within seconds.")
  @Default.String("2s")
  String getEarlyFiring();

  void setEarlyFiring(String value);

  @Description("Events up to this far behind the watermark still update their windows (late panes); older ones"
      + " are too late: counted and written to dead_letter. Zoom retries for up to 85 minutes; 90m keeps those.")
  @Default.String("5m")
  String getAllowedLateness();

  void setAllowedLateness(String value);

  @Description("Finish on its own after no new input for this long, flushing every window and final row first"
      + " (demos, tests, backfills of recorded events). Empty = run until cancelled.")
  @Default.String("")
  String getMaxIdle();

  void setMaxIdle(String value);

  @Description("After meeting.ended, wait this long (event time) for stragglers before the final rows.")
  @Default.String("1m")
  String getFinalGrace();

  void setFinalGrace(String value);

  @Description("A meeting without events for this long (event time) is over: its final rows are written.")
  @Default.String("30m")
  String getMeetingIdleTimeout();

  void setMeetingIdleTimeout(String value);

  @Description("Files source: how often the folder is listed for new files.")
  @Default.String("1s")
  String getPollInterval();

  void setPollInterval(String value);

  @Description("Files source: the watermark trails the newest event time by this much (out-of-order tolerance).")
  @Default.String("5s")
  String getWatermarkLag();

  void setWatermarkLag(String value);

  @Description("Files source: after this long without new data the watermark advances with the wall clock, so a"
      + " live meeting's last windows close. 0 = never (backfills of old meetings).")
  @Default.String("10s")
  String getIdleAdvance();

  void setIdleAdvance(String value);

  @Description("Partial combiners per meeting for the window counts (hot-key fan-out; 1 = none).")
  @Default.Integer(16)
  int getHotKeyFanout();

  void setHotKeyFanout(int value);

  @Description("Events kept per meeting for its final rows; more are dead-lettered (state bound).")
  @Default.Long(1_000_000)
  long getMaxEventsPerMeeting();

  void setMaxEventsPerMeeting(long value);

  @Description("Table files (and BigQuery commits) are flushed this long after their first row.")
  @Default.String("10s")
  String getFlushInterval();

  void setFlushInterval(String value);

  @Description("Files per table per flush.")
  @Default.Integer(1)
  int getShards();

  void setShards(int value);

  @Description("Delete the files of this job's tables under --output before starting (a demo or backfill rerun)."
      + " Off by default: a live job never deletes what earlier runs wrote.")
  @Default.Boolean(false)
  boolean getReplaceOutput();

  void setReplaceOutput(boolean value);
}
