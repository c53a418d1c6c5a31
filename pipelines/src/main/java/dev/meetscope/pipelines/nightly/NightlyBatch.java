package dev.meetscope.pipelines.nightly;

import dev.meetscope.models.governance.GroupSuppression;
import dev.meetscope.pipelines.governance.GovernanceOptions;
import dev.meetscope.transforms.governance.ApplyGovernance;
import dev.meetscope.transforms.governance.ProtectIdentities;
import dev.meetscope.transforms.governance.PseudonymKey;
import dev.meetscope.transforms.governance.WriteRoleViews;
import org.apache.beam.sdk.values.PCollection;
import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.analytics.MetricsVersion;
import dev.meetscope.models.record.MeetingAnomaly;
import dev.meetscope.models.record.PersonWeek;
import dev.meetscope.models.record.ScoreComponent;
import dev.meetscope.models.record.SeriesTrend;
import dev.meetscope.models.scoring.ScoringProfile;
import dev.meetscope.transforms.report.WriteReports;
import dev.meetscope.transforms.scoring.AnalyzeAcrossMeetings;
import dev.meetscope.transforms.scoring.ScoreMeetings;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import dev.meetscope.models.record.ActionItemRow;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.FileStat;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.MeetingTopic;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.TimelineMinute;
import dev.meetscope.models.record.Utterance;
import dev.meetscope.models.record.UtteranceSentiment;
import dev.meetscope.pipelines.nlp.NlpOptions;
import dev.meetscope.transforms.analytics.AnalyzeMeetings;
import dev.meetscope.transforms.nlp.AnalyzeText;
import dev.meetscope.transforms.nlp.JoinMeetingText;
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
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The nightly batch graph: match meeting folders → parse every file (dead letters for the rest) → governance
 * gate (consent, opt-out: {@link ApplyGovernance}) → analyse each meeting (identities, attendance, speaker alignment, conversation and chat: {@link AnalyzeMeetings})
 * → text analysis (sentiment, topics, action items: {@link AnalyzeText}) joined into the analysis rows
 * ({@link JoinMeetingText}) → output policy (pseudonyms, names only with {@code --includeIdentities}:
 * {@link ProtectIdentities}) → score ({@link ScoreMeetings}) and compare ({@link AnalyzeAcrossMeetings}) → write
 * the tables, role views and HTML reports. The dead letters of every stage go to the one {@code dead_letter}
 * table.
 */
public final class NightlyBatch {
  /** Output tables of this job, in the order they are written. */
  public static final List<String> TABLES = List.of("participant_session", "utterance", "chat_message",
      "meeting_event", "participant_meeting", "meeting", "meeting_timeline", "utterance_sentiment",
      "meeting_topic", "action_item", "score_component", "series_trend", "meeting_anomaly", "person_week",
      "dead_letter");
  /** Folder of the HTML reports under the output. */
  public static final String REPORTS_FOLDER = "reports";
  /** Folder of the role-based file views under the output (docs/governance.md §5). */
  public static final String VIEWS_FOLDER = "views";
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
    NlpOptions.config(options);
    NlpOptions.topicSettings(options);
    scoringProfile(options);
    GovernanceOptions.validate(options); // consent, opt-out and the key, as the stream job checks them
    new GroupSuppression(options.getMinGroupSize());
    if (options.getRoster() != null && !options.getRoster().isBlank()) {
      WriteRoleViews.roster(options.getRoster());
    }
  }

  /** The HMAC key of participant_key: {@code --pseudonymKey}, or a random key for this run only. */
  public static PseudonymKey pseudonymKey(NightlyOptions options) {
    return GovernanceOptions.pseudonymKey(options);
  }

  /** {@code --scoringProfile} read and checked, or the default profile. */
  public static ScoringProfile scoringProfile(NightlyOptions options) {
    String path = options.getScoringProfile();
    if (path == null || path.isBlank()) {
      return ScoringProfile.defaults();
    }
    if (path.matches("[A-Za-z][A-Za-z0-9+.-]*://.*") && !path.startsWith("file:")) {
      FileSystems.setDefaultPipelineOptions(options); // gs:// needs the registrars of the options' file systems
    }
    String text;
    try {
      MatchResult.Metadata file = FileSystems.matchSingleFileSpec(path);
      try (InputStream in = Channels.newInputStream(FileSystems.open(file.resourceId()))) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (FileNotFoundException | NoSuchFileException e) {
      throw new IllegalArgumentException("--scoringProfile " + path + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException("--scoringProfile " + path + " cannot be read: " + e.getMessage());
    }
    return ScoringProfile.parse(text, path);
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
    build(pipeline, options, filePattern, pseudonymKey(options), null);
  }

  /** With the run's pseudonym key (the launcher makes it once, to record its key id in run_audit). */
  public static void build(Pipeline pipeline, NightlyOptions options, String filePattern, PseudonymKey key) {
    build(pipeline, options, filePattern, key, null);
  }

  /** {@link #build}, with Beam's in-memory BigQuery for {@code --sink=bigquery} in tests. */
  public static void build(Pipeline pipeline, NightlyOptions options, String filePattern,
      @Nullable BigQueryServices bigQueryTestServices) {
    build(pipeline, options, filePattern, pseudonymKey(options), bigQueryTestServices);
  }

  /**
   * The whole graph. Order matters for privacy: the gate (consent, opt-out) runs before anything reads the
   * records, and the output policy (pseudonyms, no names unless {@code --includeIdentities}) before scoring, so
   * every table, view, report and payload downstream only ever sees keyed, cleaned rows.
   */
  public static void build(Pipeline pipeline, NightlyOptions options, String filePattern, PseudonymKey key,
      @Nullable BigQueryServices bigQueryTestServices) {
    validate(options);
    String out = options.getOutput();
    List<String> keywords = Arrays.stream(options.getChatKeywords().split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).toList();

    PCollectionTuple parsed = pipeline
        .apply("MatchMeetingFiles", MatchMeetingFiles.of(filePattern))
        .apply("ParseMeetingFiles", ParseMeetingFolders.create()
            .withDefaultTimeZone(options.getTimeZone())
            .withChatKeywords(keywords))
        // Consent and opt-out before anything else sees the records (docs/governance.md §1).
        .apply("ApplyGovernance", ApplyGovernance.with(GovernanceOptions.gateSettings(options)));

    PCollectionTuple analyzed = parsed.apply("AnalyzeMeetings",
        AnalyzeMeetings.create().withSettings(analyticsSettings(options)));
    PCollectionTuple text = analyzeText(parsed, analyzed, options);
    PCollectionTuple joined = joinText(analyzed, text, options);
    PCollection<DeadLetter> deadLetters = PCollectionList.of(parsed.get(ParseMeetingFolders.DEAD_LETTERS))
        .and(analyzed.get(AnalyzeMeetings.DEAD_LETTERS))
        .and(text.get(AnalyzeText.DEAD_LETTERS))
        .apply("FlattenDeadLetters", Flatten.pCollections());

    // Output policy: pseudonyms, and names or emails only with --includeIdentities (docs/governance.md §4).
    PCollectionTuple safe = PCollectionTuple
        .of(ProtectIdentities.SESSIONS, parsed.get(ParseMeetingFolders.SESSIONS))
        .and(ProtectIdentities.UTTERANCES, parsed.get(ParseMeetingFolders.UTTERANCES))
        .and(ProtectIdentities.CHAT_MESSAGES, parsed.get(ParseMeetingFolders.CHAT_MESSAGES))
        .and(ProtectIdentities.EVENTS, parsed.get(ParseMeetingFolders.EVENTS))
        .and(ProtectIdentities.MANIFESTS, parsed.get(ParseMeetingFolders.MANIFESTS))
        .and(ProtectIdentities.PARTICIPANTS, joined.get(JoinMeetingText.PARTICIPANTS))
        .and(ProtectIdentities.MEETINGS, joined.get(JoinMeetingText.MEETINGS))
        .and(ProtectIdentities.SENTIMENTS, text.get(AnalyzeText.SENTIMENTS))
        .and(ProtectIdentities.TOPICS, text.get(AnalyzeText.MEETING_TOPICS))
        .and(ProtectIdentities.ACTION_ITEMS, text.get(AnalyzeText.ACTION_ITEMS))
        .and(ProtectIdentities.DEAD_LETTERS, deadLetters)
        .apply("ProtectIdentities", ProtectIdentities.with(key, options.getIncludeIdentities()));

    ScoringProfile profile = scoringProfile(options);
    PCollectionTuple scored = PCollectionTuple
        .of(ScoreMeetings.PARTICIPANTS, safe.get(ProtectIdentities.PARTICIPANTS))
        .and(ScoreMeetings.MEETINGS, safe.get(ProtectIdentities.MEETINGS))
        .and(ScoreMeetings.TIMELINE, joined.get(JoinMeetingText.TIMELINE))
        .apply("ScoreMeetings", ScoreMeetings.with(profile, MetricsVersion.CURRENT));
    PCollectionTuple across = scored.apply("AnalyzeAcrossMeetings",
        AnalyzeAcrossMeetings.with(profile, MetricsVersion.CURRENT));
    PCollection<ParticipantMeeting> people = scored.get(ScoreMeetings.PARTICIPANTS);
    TableSink sink = NightlySink.of(options, people, bigQueryTestServices);

    safe.get(ProtectIdentities.SESSIONS).apply("WriteParticipantSessions",
        WriteTable.of(ParticipantSession.class, "participant_session", out, sink));
    safe.get(ProtectIdentities.UTTERANCES).apply("WriteUtterances",
        WriteTable.of(Utterance.class, "utterance", out, sink));
    safe.get(ProtectIdentities.CHAT_MESSAGES).apply("WriteChatMessages",
        WriteTable.of(ChatMessage.class, "chat_message", out, sink));
    safe.get(ProtectIdentities.EVENTS).apply("WriteMeetingEvents",
        WriteTable.of(MeetingEvent.class, "meeting_event", out, sink));
    people.apply("WriteParticipantMeetings",
        WriteTable.of(ParticipantMeeting.class, "participant_meeting", out, sink));
    scored.get(ScoreMeetings.MEETINGS).apply("WriteMeetings",
        WriteTable.of(MeetingSummary.class, "meeting", out, sink));
    scored.get(ScoreMeetings.TIMELINE).apply("WriteMeetingTimeline",
        WriteTable.of(TimelineMinute.class, "meeting_timeline", out, sink));
    safe.get(ProtectIdentities.SENTIMENTS).apply("WriteUtteranceSentiments",
        WriteTable.of(UtteranceSentiment.class, "utterance_sentiment", out, sink));
    safe.get(ProtectIdentities.TOPICS).apply("WriteMeetingTopics",
        WriteTable.of(MeetingTopic.class, "meeting_topic", out, sink));
    safe.get(ProtectIdentities.ACTION_ITEMS).apply("WriteActionItems",
        WriteTable.of(ActionItemRow.class, "action_item", out, sink));
    scored.get(ScoreMeetings.COMPONENTS).apply("WriteScoreComponents",
        WriteTable.of(ScoreComponent.class, "score_component", out, sink));
    across.get(AnalyzeAcrossMeetings.SERIES).apply("WriteSeriesTrend",
        WriteTable.of(SeriesTrend.class, "series_trend", out, sink));
    across.get(AnalyzeAcrossMeetings.ANOMALIES).apply("WriteMeetingAnomalies",
        WriteTable.of(MeetingAnomaly.class, "meeting_anomaly", out, sink));
    across.get(AnalyzeAcrossMeetings.PERSON_WEEKS).apply("WritePersonWeeks",
        WriteTable.of(PersonWeek.class, "person_week", out, sink));
    people.apply("WriteRoleViews", WriteRoleViews.to(out, options.getRoster(), options.getMinGroupSize(), key));

    PCollectionList<DeadLetter> written = PCollectionList.of(safe.get(ProtectIdentities.DEAD_LETTERS));
    if (options.getWebhookUrl() != null) {
      PCollectionTuple delivered = PCollectionTuple
          .of(BuildWebhookPayloads.MEETINGS, scored.get(ScoreMeetings.MEETINGS))
          .and(BuildWebhookPayloads.PARTICIPANTS, people)
          // Payloads go to HR systems and dashboards, never host-facing: keys only, whatever the options.
          .apply("BuildWebhookPayloads", BuildWebhookPayloads.create(false))
          .apply("PostWebhookPayloads", PostWebhookPayloads.to(options.getWebhookUrl())
              .withSecret(options.getWebhookSecret())
              .withTimeout(Duration.ofSeconds(options.getWebhookTimeoutSeconds())));
      written = written.and(delivered.get(PostWebhookPayloads.DEAD_LETTERS));
    }
    if (options.getReports()) {
      PCollectionTuple reports = PCollectionTuple
          .of(WriteReports.MEETINGS, scored.get(ScoreMeetings.MEETINGS))
          .and(WriteReports.PARTICIPANTS, people)
          .and(WriteReports.TIMELINE, scored.get(ScoreMeetings.TIMELINE))
          .and(WriteReports.ANOMALIES, across.get(AnalyzeAcrossMeetings.ANOMALIES))
          .and(WriteReports.SERIES, across.get(AnalyzeAcrossMeetings.SERIES))
          .and(WriteReports.TOPICS, safe.get(ProtectIdentities.TOPICS))
          .and(WriteReports.ACTION_ITEMS, safe.get(ProtectIdentities.ACTION_ITEMS))
          // Host-facing pages: names only where the deployment allows them.
          .apply("WriteReports", WriteReports.to(out).withIdentities(options.getIncludeIdentities()));
      written = written.and(reports.get(WriteReports.DEAD_LETTERS));
    }
    written = written.and(sink.rejectedRows());
    written
        .apply("FlattenWrittenDeadLetters", Flatten.pCollections())
        .apply("WriteDeadLetters", WriteTable.of(DeadLetter.class, "dead_letter", out, sink));
    parsed.get(ParseMeetingFolders.FILE_STATS).apply("WriteFileStats",
        WriteTable.of(FileStat.class, "file_stat", out + "/" + FILE_STATS_TABLE, SinkFormat.JSONL));
  }

  /**
   * Keys the texts are spread over before the NLP steps. The Direct runner makes one bundle per key after a
   * shuffle and, with its checks on, walks the whole graph for every bundle it creates: there the "workers" are
   * its threads, so 4 keys per thread (bundles of many texts, which the sentiment step batches). Other runners
   * spread over {@link AnalyzeText#DEFAULT_SPREAD_KEYS}.
   */
  static int spreadKeys(NightlyOptions options) {
    if (options.getRunner() != null && options.getRunner().getSimpleName().equals("DirectRunner")) {
      return 4 * Math.max(1, options.as(DirectOptions.class).getTargetParallelism());
    }
    return AnalyzeText.DEFAULT_SPREAD_KEYS;
  }

  /** Text analysis (docs/nlp.md) of the gated texts: the same records the meeting analysis read. */
  private static PCollectionTuple analyzeText(PCollectionTuple parsed, PCollectionTuple analyzed,
      NightlyOptions options) {
    return PCollectionTuple
        .of(AnalyzeText.UTTERANCES, parsed.get(ParseMeetingFolders.UTTERANCES))
        .and(AnalyzeText.CHAT_MESSAGES, parsed.get(ParseMeetingFolders.CHAT_MESSAGES))
        .and(AnalyzeText.MANIFESTS, parsed.get(ParseMeetingFolders.MANIFESTS))
        .and(AnalyzeText.SPANS, analyzed.get(AnalyzeMeetings.SPANS))
        .apply("AnalyzeText", AnalyzeText.create().withConfig(NlpOptions.config(options))
            .withTopicSettings(NlpOptions.topicSettings(options)).withTimeZone(options.getTimeZone())
            .withSpreadKeys(spreadKeys(options)));
  }

  /** The text results joined into the participant, meeting and timeline rows (NLP columns). */
  private static PCollectionTuple joinText(PCollectionTuple analyzed, PCollectionTuple text, NightlyOptions options) {
    return PCollectionTuple
        .of(JoinMeetingText.PARTICIPANTS, analyzed.get(AnalyzeMeetings.PARTICIPANTS))
        .and(JoinMeetingText.MEETINGS, analyzed.get(AnalyzeMeetings.MEETINGS))
        .and(JoinMeetingText.TIMELINE, analyzed.get(AnalyzeMeetings.TIMELINE))
        .and(JoinMeetingText.LABELS, analyzed.get(AnalyzeMeetings.LABELS))
        .and(JoinMeetingText.PERSON_TEXT, text.get(AnalyzeText.PERSON_TEXT))
        .and(JoinMeetingText.TEXT_MINUTES, text.get(AnalyzeText.TEXT_MINUTES))
        .and(JoinMeetingText.MEETING_TOPICS, text.get(AnalyzeText.MEETING_TOPICS))
        .and(JoinMeetingText.ACTION_ITEMS, text.get(AnalyzeText.ACTION_ITEMS))
        .apply("JoinMeetingText", JoinMeetingText.create().withTopicSettings(NlpOptions.topicSettings(options)));
  }
}
