package dev.meetscope.pipelines.nightly;

import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.FileStat;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.TimelineMinute;
import dev.meetscope.models.record.Utterance;
import dev.meetscope.transforms.analytics.AnalyzeMeetings;
import dev.meetscope.transforms.parse.MatchMeetingFiles;
import dev.meetscope.transforms.parse.ParseMeetingFolders;
import dev.meetscope.transforms.sink.SinkFormat;
import dev.meetscope.transforms.sink.TableSink;
import dev.meetscope.transforms.sink.webhook.BuildWebhookPayloads;
import dev.meetscope.transforms.sink.webhook.PostWebhookPayloads;
import dev.meetscope.transforms.sink.WriteTable;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The nightly batch graph: match meeting folders → parse every file (dead letters for the rest) → analyse
 * each meeting (identities, attendance, speaker alignment, conversation and chat: {@link AnalyzeMeetings})
 * → write the tables. The dead letters of every stage go to the one {@code dead_letter} table. Later stages
 * (NLP, scores) hang off the parsed and analysed outputs.
 */
public final class NightlyBatch {
  /** Output tables of this job, in the order they are written. */
  public static final List<String> TABLES = List.of("participant_session", "utterance", "chat_message",
      "meeting_event", "participant_meeting", "meeting", "meeting_timeline", "dead_letter");
  /** Per-file statistics, read back by the launcher into {@code _METRICS.json} and then removed. */
  public static final String FILE_STATS_TABLE = "_file_stats";

  private NightlyBatch() {}

  /** Checks option values and combinations before any graph is built; throws with what to fix. */
  public static void validate(NightlyOptions options) {
    NightlySink.validate(options);
    try {
      ZoneId.of(options.getTimeZone());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("--timeZone must be an IANA zone id such as America/New_York"
          + " (got '" + options.getTimeZone() + "')");
    }
    if (options.getWebhookUrl() != null) {
      PostWebhookPayloads.to(options.getWebhookUrl()).withSecret(options.getWebhookSecret())
          .withTimeout(Duration.ofSeconds(options.getWebhookTimeoutSeconds()));
    } else if (options.getWebhookSecret() != null) {
      throw new IllegalArgumentException("--webhookSecret needs --webhookUrl");
    }
    if (options.getOutput() == null || options.getOutput().isBlank()) {
      throw new IllegalArgumentException("--output must name a folder");
    }
  }

  /**
   * The analysis settings of a run: the documented defaults, local times in {@code --timeZone} when a
   * meeting's manifest names no zone, and {@code --countPrivateChat}.
   */
  public static AnalyticsSettings analyticsSettings(NightlyOptions options) {
    return AnalyticsSettings.defaults()
        .withZone(ZoneId.of(options.getTimeZone()))
        .withCountPrivateChat(options.getCountPrivateChat());
  }

  /** Adds the job's steps to {@code pipeline}. {@code filePattern} matches files inside meeting folders. */
  public static void build(Pipeline pipeline, NightlyOptions options, String filePattern) {
    build(pipeline, options, filePattern, null);
  }

  /** {@link #build}, with Beam's in-memory BigQuery for {@code --sink=bigquery} in tests. */
  public static void build(Pipeline pipeline, NightlyOptions options, String filePattern,
      @Nullable BigQueryServices bigQueryTestServices) {
    validate(options);
    String out = options.getOutput();
    List<String> keywords = Arrays.stream(options.getChatKeywords().split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).toList();

    PCollectionTuple parsed = pipeline
        .apply("MatchMeetingFiles", MatchMeetingFiles.of(filePattern))
        .apply("ParseMeetingFiles", ParseMeetingFolders.create()
            .withDefaultTimeZone(options.getTimeZone())
            .withChatKeywords(keywords));
    TableSink sink = NightlySink.of(options, parsed.get(ParseMeetingFolders.MANIFESTS), bigQueryTestServices);

    parsed.get(ParseMeetingFolders.SESSIONS).apply("WriteParticipantSessions",
        WriteTable.of(ParticipantSession.class, "participant_session", out, sink));
    parsed.get(ParseMeetingFolders.UTTERANCES).apply("WriteUtterances",
        WriteTable.of(Utterance.class, "utterance", out, sink));
    parsed.get(ParseMeetingFolders.CHAT_MESSAGES).apply("WriteChatMessages",
        WriteTable.of(ChatMessage.class, "chat_message", out, sink));
    parsed.get(ParseMeetingFolders.EVENTS).apply("WriteMeetingEvents",
        WriteTable.of(MeetingEvent.class, "meeting_event", out, sink));

    PCollectionTuple analyzed = parsed.apply("AnalyzeMeetings",
        AnalyzeMeetings.create().withSettings(analyticsSettings(options)));
    analyzed.get(AnalyzeMeetings.PARTICIPANTS).apply("WriteParticipantMeetings",
        WriteTable.of(ParticipantMeeting.class, "participant_meeting", out, sink));
    analyzed.get(AnalyzeMeetings.MEETINGS).apply("WriteMeetings",
        WriteTable.of(MeetingSummary.class, "meeting", out, sink));
    analyzed.get(AnalyzeMeetings.TIMELINE).apply("WriteMeetingTimeline",
        WriteTable.of(TimelineMinute.class, "meeting_timeline", out, sink));

    PCollectionList<DeadLetter> deadLetters = PCollectionList.of(parsed.get(ParseMeetingFolders.DEAD_LETTERS))
        .and(analyzed.get(AnalyzeMeetings.DEAD_LETTERS));
    if (options.getWebhookUrl() != null) {
      PCollectionTuple delivered = PCollectionTuple
          .of(BuildWebhookPayloads.MEETINGS, analyzed.get(AnalyzeMeetings.MEETINGS))
          .and(BuildWebhookPayloads.PARTICIPANTS, analyzed.get(AnalyzeMeetings.PARTICIPANTS))
          // Identities stay out of payloads until governance makes them opt-in per deployment.
          .apply("BuildWebhookPayloads", BuildWebhookPayloads.create(false))
          .apply("PostWebhookPayloads", PostWebhookPayloads.to(options.getWebhookUrl())
              .withSecret(options.getWebhookSecret())
              .withTimeout(Duration.ofSeconds(options.getWebhookTimeoutSeconds())));
      deadLetters = deadLetters.and(delivered.get(PostWebhookPayloads.DEAD_LETTERS));
    }
    deadLetters = deadLetters.and(sink.rejectedRows());
    deadLetters
        .apply("FlattenDeadLetters", Flatten.pCollections())
        .apply("WriteDeadLetters", WriteTable.of(DeadLetter.class, "dead_letter", out, sink));
    parsed.get(ParseMeetingFolders.FILE_STATS).apply("WriteFileStats",
        WriteTable.of(FileStat.class, "file_stat", out + "/" + FILE_STATS_TABLE, SinkFormat.JSONL));
  }
}
