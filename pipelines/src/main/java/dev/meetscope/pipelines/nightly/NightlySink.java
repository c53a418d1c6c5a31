package dev.meetscope.pipelines.nightly;

import dev.meetscope.models.governance.InvalidOptionException;
import dev.meetscope.models.governance.RetentionPolicy;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.transforms.sink.SinkFormat;
import dev.meetscope.transforms.sink.TableSink;
import dev.meetscope.transforms.sink.bigquery.BigQueryDataset;
import dev.meetscope.transforms.sink.bigquery.MeetingHosts;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The nightly job's {@code --sink}: its option checks and the {@link TableSink} every table is written to. */
final class NightlySink {
  private NightlySink() {}

  /**
   * {@code --sink=bigquery} needs the dataset, the day whose partitions the run replaces, and somewhere to stage
   * load files; BigQuery options without it are a mistake worth saying. {@code --retentionDays} is 1 …
   * {@value RetentionPolicy#MAX_DAYS}, and refused with file sinks rather than ignored: a run that was asked to
   * expire data and silently keeps it is a retention failure ({@code meetscope purge --olderThanDays} ages files).
   */
  static void validate(NightlyOptions options) {
    if (SinkFormat.parse(options.getSink()) != SinkFormat.BIGQUERY) {
      if (options.getBigQueryDataset() != null || options.getBigQueryTempLocation() != null) {
        throw new IllegalArgumentException("--bigQueryDataset and --bigQueryTempLocation need --sink=bigquery");
      }
      if (options.getRetentionDays() != null) {
        throw new InvalidOptionException(RetentionPolicy.OPTION, "sets BigQuery partition expiry and needs "
            + "--sink=bigquery; file outputs are aged out by meetscope purge --olderThanDays="
            + options.getRetentionDays() + " (schedule it beside the nightly run)");
      }
      return;
    }
    if (options.getRetentionDays() != null) {
      new RetentionPolicy(options.getRetentionDays());
    }
    BigQueryDataset.parse(options.getBigQueryDataset());
    if (options.getDate() == null || options.getDate().isBlank()) {
      throw new IllegalArgumentException("--sink=bigquery replaces one day's partition of every table: give "
          + "--date=YYYY-MM-DD or --date=yesterday");
    }
    if (blank(options.getBigQueryTempLocation()) && blank(options.getTempLocation())) {
      throw new IllegalArgumentException("--sink=bigquery stages load files in a gs:// folder: give "
          + "--bigQueryTempLocation=gs://bucket/tmp (or --tempLocation)");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * Where the run's tables go: files in {@code --sink}'s format, or BigQuery: the {@code --date} partition of
   * every table in {@code --bigQueryDataset}, with each meeting's host as its keyed participant_key, partitions
   * expiring after {@code --retentionDays} when given. {@code testServices}
   * replaces Google Cloud with Beam's in-memory BigQuery in tests (null otherwise).
   */
  static TableSink of(NightlyOptions options, PCollection<ParticipantMeeting> people,
      @Nullable BigQueryServices testServices) {
    SinkFormat format = SinkFormat.parse(options.getSink());
    if (format != SinkFormat.BIGQUERY) {
      return TableSink.files(format);
    }
    LocalDate day;
    try {
      day = LocalDate.parse(options.getDate().strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--sink=bigquery needs --date as YYYY-MM-DD by the time the job is built"
          + " (got '" + options.getDate() + "')");
    }
    return TableSink.bigQuery(BigQueryDataset.parse(options.getBigQueryDataset()), day)
        .withTempLocation(options.getBigQueryTempLocation())
        .withHosts(people.apply("MeetingHosts", MeetingHosts.create()))
        .withRetentionDays(options.getRetentionDays())
        .withTestServices(testServices);
  }
}
