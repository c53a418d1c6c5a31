package dev.meetscope.pipelines.nightly;

import dev.meetscope.pipelines.governance.GovernanceOptions;
import dev.meetscope.pipelines.nlp.NlpOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/**
 * Options of the nightly batch job ({@code meetscope nightly}), with the text-analysis options of
 * {@link NlpOptions} ({@code --parser}, {@code --parseMaxLen}, … docs/nlp.md) and the identity options of
 * {@link GovernanceOptions} ({@code --optOut}, {@code --pseudonymKey}, {@code --includeIdentities}).
 */
public interface NightlyOptions extends PipelineOptions, NlpOptions, GovernanceOptions {

  @Description("Input: a local path, gs:// path or glob holding one folder per meeting occurrence. "
      + "Default: the bundled sample meetings in fixtures/meetings.")
  @Validation.Required
  String getInput();

  void setInput(String value);

  @Description("Output folder (local or gs://). Each table is written under <output>/<table>/ and "
      + "replaced on rerun; <output>/_METRICS.json summarises the run.")
  @Default.String("out")
  String getOutput();

  void setOutput(String value);

  @Description("Output format: parquet, jsonl or bigquery (--bigQueryDataset and --date; docs/bigquery.md).")
  @Default.String("parquet")
  String getSink();

  void setSink(String value);

  @Description("With --sink=bigquery: the dataset, project:dataset (e.g. acme-analytics:meetscope). Each table's "
      + "--date partition is replaced on every run.")
  String getBigQueryDataset();

  void setBigQueryDataset(String value);

  @Description("With --sink=bigquery: a gs:// folder for the load files. Default: --tempLocation.")
  String getBigQueryTempLocation();

  void setBigQueryTempLocation(String value);

  @Description("With --sink=bigquery: days after which BigQuery deletes a day's partition of every table the run "
      + "creates (1-100000; partition_expiration_days, counted from the end of the partition's UTC day). Default: "
      + "partitions never expire. Existing tables keep their expiry: ALTER TABLE ... SET OPTIONS "
      + "(partition_expiration_days = N), docs/bigquery.md. Refused with file sinks: their counterpart is "
      + "meetscope purge --olderThanDays=N.")
  Integer getRetentionDays();

  void setRetentionDays(Integer value);

  @Description("IANA time zone of local times in participant CSVs, local chats and captions when a "
      + "meeting's meeting.json gives none, e.g. America/New_York.")
  @Default.String("UTC")
  String getTimeZone();

  void setTimeZone(String value);

  @Description("Comma-separated localised 'From' keywords of local saved chat headers (default From,De).")
  @Default.String("From,De")
  String getChatKeywords();

  void setChatKeywords(String value);

  @Description("Count private (direct) chat messages per sender in participant_meeting.private_chat_messages. "
      + "Their text is never stored, and they never enter any other metric.")
  @Default.Boolean(false)
  boolean getCountPrivateChat();

  void setCountPrivateChat(boolean value);

  @Description("Optional: POST each meeting's JSON payload (docs/webhook-payloads.md) to this http(s) URL.")
  String getWebhookUrl();

  void setWebhookUrl(String value);

  @Description("Optional: sign webhook payloads with the secret behind this reference: env:VAR, file:PATH "
      + "or projects/P/secrets/S/versions/V. Never the secret itself.")
  String getWebhookSecret();

  void setWebhookSecret(String value);

  @Description("Connect and read timeout of each webhook attempt, in seconds.")
  @Default.Integer(10)
  int getWebhookTimeoutSeconds();

  void setWebhookTimeoutSeconds(int value);

  @Description("The day to process, YYYY-MM-DD or 'yesterday' (in --timeZone). Reads the day's partition "
      + "<input>/<date> (or --input with {date} replaced) and writes <output>/<date> (or --output with "
      + "{date} replaced), replacing only that day on rerun. Default: no partitions, --input and --output "
      + "as given.")
  String getDate();

  void setDate(String value);

  @Description("Check options and inputs, build the job graph and print what would run, without running "
      + "it or touching the output.")
  @Default.Boolean(false)
  boolean getDryRun();

  void setDryRun(boolean value);

  @Description("Scoring profile, YAML or JSON (local path or gs://): weights and thresholds of engagement_score, "
      + "effectiveness_score, engagement drops and series alerts, overriding any subset of the defaults "
      + "(docs/metrics.md, 'Scores'). Checked before the job starts. Default: the documented default profile.")
  String getScoringProfile();

  void setScoringProfile(String value);

  @Description("Write the HTML reports under <output>/reports/ (index.html and one page per meeting; "
      + "docs/reports.md).")
  @Default.Boolean(true)
  boolean getReports();

  void setReports(boolean value);

  @Description("Optional roster CSV (local or gs://) with person (email or customer key), manager_email and "
      + "optional department columns: enables the manager view under <output>/views/manager/ and departments "
      + "in the people-ops view. Any problem in it stops the run.")
  String getRoster();

  void setRoster(String value);

  @Description("Smallest group of distinct people the manager and people-ops views report (at least 5).")
  @Default.Integer(5)
  int getMinGroupSize();

  void setMinGroupSize(int value);
}
