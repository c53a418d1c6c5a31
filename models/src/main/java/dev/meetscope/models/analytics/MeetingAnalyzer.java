package dev.meetscope.models.analytics;

import dev.meetscope.models.analytics.aggregate.MeetingAccumulator;
import dev.meetscope.models.analytics.aggregate.ParticipantMetrics;
import dev.meetscope.models.analytics.aggregate.PersonActivity;
import dev.meetscope.models.analytics.aggregate.PersonResult;
import dev.meetscope.models.analytics.aggregate.TimelineAccumulator;
import dev.meetscope.models.analytics.chat.ChatItem;
import dev.meetscope.models.analytics.chat.ChatThreader;
import dev.meetscope.models.analytics.chat.TimedChat;
import dev.meetscope.models.analytics.conversation.Alignment;
import dev.meetscope.models.analytics.conversation.Conversation;
import dev.meetscope.models.analytics.conversation.ConversationAnalyzer;
import dev.meetscope.models.analytics.conversation.SpeakerAligner;
import dev.meetscope.models.analytics.conversation.SpeechCue;
import dev.meetscope.models.analytics.conversation.TimedCue;
import dev.meetscope.models.analytics.conversation.Turn;
import dev.meetscope.models.identity.EventSessions;
import dev.meetscope.models.identity.HostHints;
import dev.meetscope.models.identity.IdentityResolver;
import dev.meetscope.models.identity.LabelMatch;
import dev.meetscope.models.identity.LabelResolver;
import dev.meetscope.models.identity.MatchMethod;
import dev.meetscope.models.identity.PersonIdentity;
import dev.meetscope.models.identity.ResolvedPerson;
import dev.meetscope.models.parse.InputFormat;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.Utterance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The whole analysis of one meeting in plain Java: identities, attendance, speaker alignment, conversation
 * dynamics and chat, then the {@code participant_meeting} rows, the {@code meeting} row and the
 * {@code meeting_timeline}. A Beam pipeline runs the same steps with per-person grouping and the
 * accumulators; this facade is the reference for its tests.
 *
 * <p>Source choices: participant report sessions when there are any, else sessions rebuilt from webhook
 * join/leave events; the cloud transcript over local captions over closed captions (captions without
 * speakers cannot be attributed: flag {@code transcript_without_speakers}); private chat messages only when
 * {@code countPrivateChat} is set.
 */
public final class MeetingAnalyzer {
  private static final List<String> TRANSCRIPT_PREFERENCE = List.of(InputFormat.CLOUD_TRANSCRIPT.id(),
      InputFormat.LOCAL_SAVED_CAPTIONS.id(), InputFormat.CLOSED_CAPTION.id());

  private final AnalyticsSettings settings;

  public MeetingAnalyzer(AnalyticsSettings settings) {
    this.settings = settings;
  }

  public MeetingAnalyzer() {
    this(AnalyticsSettings.defaults());
  }

  /** Runs the whole analysis: {@link #plan} then {@link #run}. */
  public MeetingAnalysis analyze(MeetingInput in) {
    return run(plan(in));
  }

  /**
   * The per-meeting part: identities, clock and span, label matching, alignment, conversation and chat
   * threading. Its size follows the roster (20,000 sessions fit in memory), the transcript and the chat;
   * the result fans out per person.
   */
  public MeetingPlan plan(MeetingInput in) {
    String meetingKey = in.meetingKey();
    MeetingManifest manifest = in.manifest();
    Set<String> flags = new TreeSet<>();

    // 1. Identities from the roster.
    List<ParticipantSession> sessions = in.sessions();
    if (sessions.isEmpty() && !in.events().isEmpty()) {
      sessions = EventSessions.fromEvents(meetingKey, in.events());
      if (!sessions.isEmpty()) {
        flags.add("sessions_from_webhooks");
      }
    }
    HostHints hints = HostHints.from(manifest, in.events());
    List<ResolvedPerson> roster = IdentityResolver.resolve(meetingKey, sessions, hints);

    // 2. Clock and span.
    SpanResolver.Bound start = SpanResolver.start(manifest, in.events(), sessions, flags);
    SpanResolver.Bound end = SpanResolver.end(manifest, in.events(), sessions, start);
    List<Utterance> utterances = chooseTranscript(in.utterances(), flags);
    boolean hasSpeakers = utterances.stream().anyMatch(u -> !blank(u.speakerLabel()));
    if (!utterances.isEmpty() && !hasSpeakers) {
      flags.add("transcript_without_speakers");
    }
    boolean transcriptAvailable = hasSpeakers
        && (in.transcriptAvailable() == null || in.transcriptAvailable());
    boolean chatAvailable = in.chatAvailable() != null ? in.chatAvailable() : !in.chats().isEmpty();
    List<ChatMessage> chats = new ArrayList<>();
    for (ChatMessage c : in.chats()) {
      if (!c.isPrivate() || settings.countPrivateChat()) {
        chats.add(c);
      }
    }
    TimeAxis axis = TimeAxis.build(manifest, transcriptAvailable ? utterances : List.of(), chats,
        start.ms(), settings);
    flags.addAll(axis.flags());

    List<Utterance> timedUtterances = new ArrayList<>();
    List<long[]> cueTimes = new ArrayList<>();
    Long dataMin = null;
    Long dataMax = null;
    if (transcriptAvailable) {
      for (Utterance u : utterances) {
        Long s = axis.cueStartMs(u);
        if (s == null) {
          flags.add("untimed_cues_ignored");
          continue;
        }
        Long e = axis.cueEndMs(u);
        timedUtterances.add(u);
        cueTimes.add(new long[] {s, e == null ? Long.MIN_VALUE : e});
        dataMin = dataMin == null ? s : Math.min(dataMin, s);
        dataMax = dataMax == null ? Math.max(s, e == null ? s : e) : Math.max(dataMax, e == null ? s : e);
      }
    }
    List<ChatMessage> timedChats = new ArrayList<>();
    List<Long> chatTimes = new ArrayList<>();
    for (ChatMessage c : chats) {
      Long t = axis.chatMs(c);
      if (t == null || blank(c.senderLabel())) {
        flags.add("untimed_or_unsigned_chat_ignored");
        continue;
      }
      timedChats.add(c);
      chatTimes.add(t);
      dataMin = dataMin == null ? t : Math.min(dataMin, t);
      // A message is a point in time: let it occupy its second, so the last one is inside the span.
      dataMax = dataMax == null ? t + 1000 : Math.max(dataMax, t + 1000);
    }
    MeetingSpan span = SpanResolver.finish(start, end, dataMin, dataMax, !axis.synthetic());

    // 3. Labels → people.
    List<String> labels = labelsInTimeOrder(timedUtterances, cueTimes, timedChats, chatTimes);
    List<PersonIdentity> rosterIds = new ArrayList<>();
    roster.forEach(r -> rosterIds.add(r.person()));
    LabelResolver.Resolution labelsResolved = LabelResolver.resolve(meetingKey, rosterIds, labels, hints,
        settings.fuzzyThreshold(), settings.fuzzyMargin());
    Map<String, LabelMatch> byLabel = labelsResolved.byLabel();

    // 4. Conversation.
    List<TimedCue> cues = new ArrayList<>();
    for (int i = 0; i < timedUtterances.size(); i++) {
      Utterance u = timedUtterances.get(i);
      long[] t = cueTimes.get(i);
      String person = blank(u.speakerLabel()) ? null : byLabel.get(u.speakerLabel()).identity();
      cues.add(new TimedCue(person, t[0], t[1] == Long.MIN_VALUE ? null : t[1], u.text(), u.sourceFile(),
          u.sourceLine()));
    }
    Alignment alignment = transcriptAvailable ? SpeakerAligner.align(cues, settings) : Alignment.empty();
    if (alignment.unattributedMs() > 0) {
      flags.add("unattributed_speech");
    }
    if (alignment.estimatedDurations()) {
      flags.add("estimated_cue_durations");
    }
    List<TimedChat> chatInput = new ArrayList<>();
    for (int i = 0; i < timedChats.size(); i++) {
      ChatMessage c = timedChats.get(i);
      chatInput.add(new TimedChat(byLabel.get(c.senderLabel()).identity(), chatTimes.get(i), c.kind(),
          c.isPrivate(), c.isPrivate() ? null : c.text(), c.targetSnippet(), c.sourceFile(),
          c.sourceLine()));
    }
    List<ChatItem> chatItems = ChatThreader.thread(chatInput, settings);
    Conversation conversation = ConversationAnalyzer.analyze(alignment, chatItems, settings);

    // 5. People and context.
    List<PersonIdentity> people = new ArrayList<>(rosterIds);
    people.addAll(labelsResolved.labelPeople());
    long matched = byLabel.values().stream()
        .filter(m -> !MatchMethod.UNMATCHED.equals(m.method())).count();
    double labelShare = byLabel.isEmpty() ? 1.0 : (double) matched / byLabel.size();
    double transcriptQuality = flags.contains("recording_start_assumed")
        || alignment.estimatedDurations() ? 0.5 : 1.0;
    MeetingContext ctx = new MeetingContext(meetingKey, manifest.meetingId(), manifest.topic(), span,
        !sessions.isEmpty(), transcriptAvailable, transcriptQuality, chatAvailable,
        alignment.totalTalkMs(), labelShare, conversation.crosstalk(),
        conversation.interruptions(), settings, List.copyOf(flags));

    // 6. Per person, folded into the accumulators as it goes.
    Map<String, List<SpeechCue>> cuesBy = new HashMap<>();
    conversation.cues().forEach(c -> cuesBy.computeIfAbsent(c.personKey(), k -> new ArrayList<>()).add(c));
    Map<String, List<Turn>> turnsBy = new HashMap<>();
    conversation.turns().forEach(t -> turnsBy.computeIfAbsent(t.personKey(), k -> new ArrayList<>()).add(t));
    Map<String, List<ChatItem>> chatsBy = new HashMap<>();
    conversation.chats().forEach(c -> chatsBy.computeIfAbsent(c.personKey(), k -> new ArrayList<>()).add(c));
    Map<String, String> methodBy = new HashMap<>();
    Map<String, Set<String>> labelFlagsBy = new HashMap<>();
    for (LabelMatch m : byLabel.values()) {
      methodBy.merge(m.identity(), m.method(), MatchMethod::weaker);
      labelFlagsBy.computeIfAbsent(m.identity(), k -> new TreeSet<>()).addAll(m.flags());
      if (MatchMethod.FUZZY.equals(m.method())) {
        labelFlagsBy.get(m.identity()).add("fuzzy_match");
      }
    }
    Map<String, List<ParticipantSession>> sessionsBy = new HashMap<>();
    roster.forEach(r -> sessionsBy.put(r.person().identity(), r.sessions()));

    List<PersonActivity> activities = new ArrayList<>(people.size());
    for (PersonIdentity p : people) {
      String key = p.identity();
      activities.add(new PersonActivity(p, methodBy.getOrDefault(key, MatchMethod.NONE),
          List.copyOf(labelFlagsBy.getOrDefault(key, Set.of())), sessionsBy.get(key), cuesBy.get(key),
          turnsBy.get(key), chatsBy.get(key)));
    }
    Map<String, String> labelPeople = new HashMap<>();
    byLabel.forEach((label, m) -> labelPeople.put(label, m.identity()));
    return new MeetingPlan(ctx, activities, labelPeople);
  }

  /**
   * The per-person part and the aggregation: each person is computed on its own and folded into the
   * accumulators as it goes, as a Beam {@code ParDo} + {@code Combine} would.
   */
  public static MeetingAnalysis run(MeetingPlan plan) {
    MeetingContext ctx = plan.context();
    MeetingAccumulator meetingAcc = new MeetingAccumulator();
    TimelineAccumulator timelineAcc = new TimelineAccumulator();
    List<ParticipantMeeting> rows = new ArrayList<>();
    for (PersonActivity activity : plan.people()) {
      PersonResult result = ParticipantMetrics.compute(ctx, activity);
      rows.add(result.row());
      meetingAcc.add(result.contribution());
      timelineAcc.add(result.contribution());
    }
    rows.sort(Comparator.comparing(ParticipantMeeting::participantKey));
    return new MeetingAnalysis(meetingAcc.extract(ctx), rows, timelineAcc.extract(ctx));
  }

  /** The most preferred transcript format present; the others are ignored (flagged). */
  private static List<Utterance> chooseTranscript(List<Utterance> all, Set<String> flags) {
    Map<String, List<Utterance>> byFormat = new HashMap<>();
    for (Utterance u : all) {
      byFormat.computeIfAbsent(String.valueOf(u.format()), k -> new ArrayList<>()).add(u);
    }
    if (byFormat.size() <= 1) {
      return all;
    }
    for (String format : TRANSCRIPT_PREFERENCE) {
      List<Utterance> chosen = byFormat.get(format);
      if (chosen != null && chosen.stream().anyMatch(u -> !blank(u.speakerLabel()))) {
        flags.add("secondary_transcripts_ignored");
        return chosen;
      }
    }
    return all;
  }

  private static List<String> labelsInTimeOrder(List<Utterance> utterances, List<long[]> cueTimes,
      List<ChatMessage> chats, List<Long> chatTimes) {
    record Seen(long time, int order, String label) {}
    List<Seen> seen = new ArrayList<>();
    for (int i = 0; i < utterances.size(); i++) {
      if (!blank(utterances.get(i).speakerLabel())) {
        seen.add(new Seen(cueTimes.get(i)[0], i, utterances.get(i).speakerLabel()));
      }
    }
    for (int i = 0; i < chats.size(); i++) {
      seen.add(new Seen(chatTimes.get(i), utterances.size() + i, chats.get(i).senderLabel()));
    }
    seen.sort(Comparator.comparingLong(Seen::time).thenComparingInt(Seen::order));
    Set<String> labels = new LinkedHashSet<>();
    seen.forEach(s -> labels.add(s.label()));
    return new ArrayList<>(labels);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
