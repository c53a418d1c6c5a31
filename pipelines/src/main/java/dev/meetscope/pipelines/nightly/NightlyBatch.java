package dev.meetscope.pipelines.nightly;

import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.governance.GroupSuppression;
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
import dev.meetscope.transforms.governance.ApplyGovernance;
import dev.meetscope.transforms.governance.GateSettings;
import dev.meetscope.transforms.governance.ProtectIdentities;
import dev.meetscope.transforms.governance.PseudonymKey;
import dev.meetscope.transforms.governance.WriteRoleViews;
import dev.meetscope.transforms.parse.MatchMeetingFiles;
import dev.meetscope.transforms.parse.ParseMeetingFolders;
import dev.meetscope.transforms.sink.SinkFormat;
import dev.meetscope.transforms.sink.webhook.BuildWebhookPayloads;
import dev.meetscope.transforms.sink.webhook.PostWebhookPayloads;
import dev.meetscope.transforms.sink.WriteTable;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * The nightly batch graph: match meeting folders → parse every file (dead letters for the rest)
 * → governance gate (consent, opt-out: {@link ApplyGovernance}) → analyse each meeting (identities,
 * attendance, speaker alignment, conversation and chat: {@link AnalyzeMeetings}) → output policy
 * (pseudonyms, no names or emails unless {@code --includeIdentities}: {@link ProtectIdentities}) → write the
 * tables and the role views ({@link WriteRoleViews}). The dead letters of every stage go to the one
 * {@code dead_letter} table, cleaned like every other output. Later stages
 * (NLP, scores) hang off the parsed and analysed outputs.
 */
public final class NightlyBatch {
  /** Output tables of this job, in the order they are written. */
  public static final List<String> TABLES = List.of("participant_session", "utterance", "chat_message",
      "meeting_event", "participant_meeting", "meeting", "meeting_timeline", "dead_letter");
  /** Role-based views (host, manager, people_ops) under {@code <output>/views/}, replaced on rerun. */
  public static final String VIEWS_FOLDER = "views";
  /** Per-file statistics, read back by the launcher into {@code _METRICS.json} and then removed. */
  public static final String FILE_STATS_TABLE = "_file_stats";

  private NightlyBatch() {}

  /** Checks option values and combinations before any graph is built; throws with what to fix. */
  public static void validate(NightlyOptions options) {
    SinkFormat.parse(options.getSink());
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
    gateSettings(options).check();
    new GroupSuppression(options.getMinGroupSize());
    if (options.getRoster() != null && !options.getRoster().isBlank()) {
      WriteRoleViews.roster(options.getRoster());
    }
    if (options.getPseudonymKey() != null) {
      PseudonymKey.of(options.getPseudonymKey());
    } else if (options.getRunner() != null && options.getRunner().getSimpleName().equals("DataflowRunner")) {
      throw new IllegalArgumentException("--pseudonymKey: DataflowRunner needs a key reference "
          + "(file:PATH, env:VAR or projects/P/secrets/S/versions/V); a random per-run key would travel "
          + "inside the uploaded job graph");
    }
  }

  /** Consent and opt-out settings of the governance gate (docs/governance.md §2, §3). */
  public static GateSettings gateSettings(NightlyOptions options) {
    return GateSettings.defaults().withConsentMode(options.getConsentMode())
        .withAllowList(options.getConsentAllowList()).withOptOut(options.getOptOut());
  }

  /** The HMAC key of participant_key: {@code --pseudonymKey}, or a random key for this run only. */
  public static PseudonymKey pseudonymKey(NightlyOptions options) {
    return options.getPseudonymKey() == null ? PseudonymKey.ephemeral()
        : PseudonymKey.of(options.getPseudonymKey());
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
    build(pipeline, options, filePattern, pseudonymKey(options));
  }

  /** With the run's pseudonym key (the launcher makes it once, to record its key id in run_audit). */
  public static void build(Pipeline pipeline, NightlyOptions options, String filePattern, PseudonymKey key) {
    validate(options);
    SinkFormat sink = SinkFormat.parse(options.getSink());
    String out = options.getOutput();
    List<String> keywords = Arrays.stream(options.getChatKeywords().split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).toList();

    PCollectionTuple parsed = pipeline
        .apply("MatchMeetingFiles", MatchMeetingFiles.of(filePattern))
        .apply("ParseMeetingFiles", ParseMeetingFolders.create()
            .withDefaultTimeZone(options.getTimeZone())
            .withChatKeywords(keywords))
        // Consent and opt-out before anything else sees the records (docs/governance.md §1).
        .apply("ApplyGovernance", ApplyGovernance.with(gateSettings(options)));

    PCollectionTuple analyzed = parsed.apply("AnalyzeMeetings",
        AnalyzeMeetings.create().withSettings(analyticsSettings(options)));
    PCollection<DeadLetter> deadLetters = PCollectionList.of(parsed.get(ParseMeetingFolders.DEAD_LETTERS))
        .and(analyzed.get(AnalyzeMeetings.DEAD_LETTERS))
        .apply("FlattenDeadLetters", Flatten.pCollections());

    // Output policy: pseudonyms, and names or emails only with --includeIdentities (docs/governance.md §4).
    PCollectionTuple safe = PCollectionTuple
        .of(ProtectIdentities.SESSIONS, parsed.get(ParseMeetingFolders.SESSIONS))
        .and(ProtectIdentities.UTTERANCES, parsed.get(ParseMeetingFolders.UTTERANCES))
        .and(ProtectIdentities.CHAT_MESSAGES, parsed.get(ParseMeetingFolders.CHAT_MESSAGES))
        .and(ProtectIdentities.EVENTS, parsed.get(ParseMeetingFolders.EVENTS))
        .and(ProtectIdentities.MANIFESTS, parsed.get(ParseMeetingFolders.MANIFESTS))
        .and(ProtectIdentities.PARTICIPANTS, analyzed.get(AnalyzeMeetings.PARTICIPANTS))
        .and(ProtectIdentities.MEETINGS, analyzed.get(AnalyzeMeetings.MEETINGS))
        .and(ProtectIdentities.DEAD_LETTERS, deadLetters)
        .apply("ProtectIdentities", ProtectIdentities.with(key, options.getIncludeIdentities()));

    safe.get(ProtectIdentities.SESSIONS).apply("WriteParticipantSessions",
        WriteTable.of(ParticipantSession.class, "participant_session", out, sink));
    safe.get(ProtectIdentities.UTTERANCES).apply("WriteUtterances",
        WriteTable.of(Utterance.class, "utterance", out, sink));
    safe.get(ProtectIdentities.CHAT_MESSAGES).apply("WriteChatMessages",
        WriteTable.of(ChatMessage.class, "chat_message", out, sink));
    safe.get(ProtectIdentities.EVENTS).apply("WriteMeetingEvents",
        WriteTable.of(MeetingEvent.class, "meeting_event", out, sink));
    safe.get(ProtectIdentities.PARTICIPANTS).apply("WriteParticipantMeetings",
        WriteTable.of(ParticipantMeeting.class, "participant_meeting", out, sink));
    safe.get(ProtectIdentities.MEETINGS).apply("WriteMeetings",
        WriteTable.of(MeetingSummary.class, "meeting", out, sink));
    safe.get(ProtectIdentities.PARTICIPANTS).apply("WriteRoleViews",
        WriteRoleViews.to(out, options.getRoster(), options.getMinGroupSize(), key));
    analyzed.get(AnalyzeMeetings.TIMELINE).apply("WriteMeetingTimeline",
        WriteTable.of(TimelineMinute.class, "meeting_timeline", out, sink));

    PCollectionList<DeadLetter> written = PCollectionList.of(safe.get(ProtectIdentities.DEAD_LETTERS));
    if (options.getWebhookUrl() != null) {
      PCollectionTuple delivered = PCollectionTuple
          .of(BuildWebhookPayloads.MEETINGS, safe.get(ProtectIdentities.MEETINGS))
          .and(BuildWebhookPayloads.PARTICIPANTS, safe.get(ProtectIdentities.PARTICIPANTS))
          // Payloads go to HR systems and dashboards, never host-facing: keys only, whatever the options.
          .apply("BuildWebhookPayloads", BuildWebhookPayloads.create(false))
          .apply("PostWebhookPayloads", PostWebhookPayloads.to(options.getWebhookUrl())
              .withSecret(options.getWebhookSecret())
              .withTimeout(Duration.ofSeconds(options.getWebhookTimeoutSeconds())));
      written = written.and(delivered.get(PostWebhookPayloads.DEAD_LETTERS));
    }
    written
        .apply("FlattenWrittenDeadLetters", Flatten.pCollections())
        .apply("WriteDeadLetters", WriteTable.of(DeadLetter.class, "dead_letter", out, sink));
    parsed.get(ParseMeetingFolders.FILE_STATS).apply("WriteFileStats",
        WriteTable.of(FileStat.class, "file_stat", out + "/" + FILE_STATS_TABLE, SinkFormat.JSONL));
  }
}
