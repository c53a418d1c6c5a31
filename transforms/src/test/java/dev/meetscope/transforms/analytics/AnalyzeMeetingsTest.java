package dev.meetscope.transforms.analytics;

import static org.junit.Assert.assertEquals;

import dev.meetscope.models.analytics.LabelPerson;
import dev.meetscope.models.analytics.MeetingSpan;
import dev.meetscope.models.analytics.MetricsVersion;
import dev.meetscope.models.record.ChatKind;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.FileStat;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.TimeBase;
import dev.meetscope.models.record.TimelineMinute;
import dev.meetscope.models.record.Utterance;
import dev.meetscope.transforms.parse.ParseMeetingFolders;
import dev.meetscope.transforms.schema.RecordCoders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.Rule;
import org.junit.Test;

/**
 * {@link AnalyzeMeetings} on a small meeting built by hand; every expected value is computed in the
 * comments. Meeting {@code mtg-w}: scheduled 15:00 for 10 minutes, recording from 15:00, so transcript and
 * chat offsets are meeting times.
 *
 * <pre>
 * Dana Host (host, uid H1)  joins 14:59, leaves 15:10          presence [0, 600) s
 * Ada Example (uid U1)      0–240 s, rejoins 390–600 s         presence [0, 240) ∪ [390, 600)
 * Grace Sample (guest)      150–480 s                          presence [150, 480)
 * cues   Dana 10–20 "Welcome everyone."      Ada 21–41 "Here is the plan for today."
 *        Grace 180–190 "Can you share the slides?"  Dana 195–200 "Yes, sharing now."
 * chat   Ada 60 "Agenda is in the doc"   Grace 300 "Thanks for sharing"   Dana 310 reacts 👍 to Grace
 * </pre>
 * A second meeting {@code mtg-long} has a leave time in 2099 and is dead-lettered; a third, {@code mtg-empty},
 * is a manifest alone and yields nothing.
 */
public class AnalyzeMeetingsTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  static final String KEY = "mtg-w";
  static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
  static final String FOLDER = "/in/2026-03-02-weekly";
  static final String CSV = FOLDER + "/participants.csv";
  static final String VTT = FOLDER + "/GMT20260302-150000_Recording.transcript.vtt";
  static final String CHAT = FOLDER + "/GMT20260302-150000_RecordingnewChat.txt";
  static final String V = MetricsVersion.CURRENT;

  static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  static ParticipantSession session(String key, long line, String name, String email, String id,
      String role, Instant join, Instant leave) {
    return new ParticipantSession(key, CSV, line, "participant_csv", "81234567890", null, name, null, email,
        id, null, "1677" + line, null, null, join, leave, null, null, role, null, null, null, List.of());
  }

  static Utterance cue(long line, String speaker, long startS, long endS, String text) {
    return new Utterance(KEY, VTT, line, "cloud_transcript", (int) line, speaker, false,
        TimeBase.RECORDING_OFFSET, startS * 1000, endS * 1000, at(startS), text, List.of());
  }

  static ChatMessage chat(long line, String sender, long offsetS, String kind, String text, String target) {
    return new ChatMessage(KEY, CHAT, line, "cloud_chat", "cloud", sender, null, kind, false, text, target,
        TimeBase.RECORDING_OFFSET, offsetS * 1000, null, null, at(offsetS), List.of());
  }

  static MeetingManifest manifest(String uuid) {
    return new MeetingManifest("81234567890", uuid, "Weekly Sync", null, null, null, T0, 10, "UTC", T0, true);
  }

  private PCollectionTuple parsedInput() {
    return parsedInput(pipeline);
  }

  private static PCollectionTuple parsedInput(Pipeline pipeline) {
    List<ParticipantSession> sessions = List.of(
        session(KEY, 2, "Dana Host", "dana@example.com", "H1", "host", at(-60), at(600)),
        session(KEY, 3, "Ada Example", "ada@example.com", "U1", null, at(0), at(240)),
        session(KEY, 4, "Ada Example", "ada@example.com", "U1", null, at(390), at(600)),
        session(KEY, 5, "Grace Sample", null, null, null, at(150), at(480)),
        session("mtg-long", 2, "Lee Placeholder", null, "U9", null, at(0),
            Instant.parse("2099-03-02T15:00:00Z")));
    // Shuffled on purpose: the analysis must not depend on arrival order.
    List<Utterance> cues = List.of(
        cue(9, "Dana Host", 195, 200, "Yes, sharing now."),
        cue(1, "Dana Host", 10, 20, "Welcome everyone."),
        cue(5, "Grace Sample", 180, 190, "Can you share the slides?"),
        cue(3, "Ada Example", 21, 41, "Here is the plan for today."));
    List<ChatMessage> chats = List.of(
        chat(3, "Dana Host", 310, ChatKind.REACTION, "👍", "Thanks for sharing"),
        chat(1, "Ada Example", 60, ChatKind.MESSAGE, "Agenda is in the doc", null),
        chat(2, "Grace Sample", 300, ChatKind.MESSAGE, "Thanks for sharing", null));
    return PCollectionTuple
        .of(ParseMeetingFolders.SESSIONS, pipeline.apply("Sessions",
            Create.of(sessions).withCoder(RecordCoders.of(ParticipantSession.class))))
        .and(ParseMeetingFolders.UTTERANCES, pipeline.apply("Utterances",
            Create.of(cues).withCoder(RecordCoders.of(Utterance.class))))
        .and(ParseMeetingFolders.CHAT_MESSAGES, pipeline.apply("Chats",
            Create.of(chats).withCoder(RecordCoders.of(ChatMessage.class))))
        .and(ParseMeetingFolders.EVENTS, pipeline.apply("Events",
            Create.empty(RecordCoders.of(MeetingEvent.class))))
        .and(ParseMeetingFolders.MANIFESTS, pipeline.apply("Manifests", Create.of(
                KV.of(KEY, manifest(KEY)), KV.of("mtg-long", manifest("mtg-long")),
                KV.of("mtg-empty", manifest("mtg-empty")))
            .withCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(MeetingManifest.class)))))
        .and(ParseMeetingFolders.FILE_STATS, pipeline.apply("FileStats", Create.of(
                new FileStat(KEY, CSV, "participant_csv", "parsed", 400, 4, 4, 0),
                new FileStat(KEY, CHAT, "cloud_chat", "parsed", 120, 3, 3, 0))
            .withCoder(RecordCoders.of(FileStat.class))));
  }

  static ParticipantMeeting person(String key, String name, String email, boolean host, Instant first,
      Instant last, long attended, double ratio, int sessions, int rejoins, long late, long early,
      double attention, double talk, double pct, int turns, int words, double wpm, double longest,
      int questions, int chatMessages, int reactions, int received, String activity, List<String> flags) {
    return new ParticipantMeeting(KEY, key, name, email, host, first, last, attended, ratio, sessions,
        rejoins, late, early, attention, talk, pct, turns, words, wpm, longest, 0, questions, 0, 0,
        chatMessages, 0, 0, reactions, received, null, activity, null, null, null, null, null, null, null,
        null, "exact", flags, 1.0, V);
  }

  @Test
  public void threeOutputsOfAHandBuiltMeetingAndADeadLetterForAnImplausibleOne() {
    PCollectionTuple out = parsedInput().apply("Analyze", AnalyzeMeetings.create());

    // Talk: Dana 10 + 5 = 15 s, Ada 20 s, Grace 10 s; 45 s in all.
    // Chat activity = public messages per attended hour: Ada 1 / (450/3600) = 8, Grace 1 / (330/3600) =
    // 10.9 (both high), Dana none. Confidence 1: timed presence, transcript, chat, exact labels, all
    // talk inside presence.
    PAssert.that(out.get(AnalyzeMeetings.PARTICIPANTS)).containsInAnyOrder(
        // Joined a minute early: clipped to the start, not late. 5 words / 0.25 min = 20 wpm.
        person("uid:H1", "Dana Host", "dana@example.com", true, at(0), at(600), 600L, 1.0, 1, 0, 0L, 0L,
            1.0, 15.0, 33.333333, 2, 5, 20.0, 10.0, 0, 0, 1, 0, "none", List.of()),
        // 240 + 210 s; one rejoin costs nothing (only those beyond the second do): attention = 0.75.
        person("uid:U1", "Ada Example", "ada@example.com", false, at(0), at(600), 450L, 0.75, 2, 1, 0L, 0L,
            0.75, 20.0, 44.444444, 1, 6, 18.0, 20.0, 0, 1, 0, 0, "high", List.of()),
        // 150 s late and 120 s early: under 5 minutes each, no penalty. Her spoken question counts.
        person("name:mtg-w:grace sample", "Grace Sample", null, false, at(150), at(480), 330L, 0.55, 1, 0,
            150L, 120L, 0.55, 10.0, 22.222222, 1, 5, 30.0, 10.0, 1, 1, 0, 1, "high",
            List.of("name_only_identity")));

    // The text analysis' join keys: each speaker and chat sender label → its person, and the span.
    PAssert.that(out.get(AnalyzeMeetings.LABELS)).containsInAnyOrder(
        new LabelPerson(KEY, "Dana Host", "uid:H1"), new LabelPerson(KEY, "Ada Example", "uid:U1"),
        new LabelPerson(KEY, "Grace Sample", "name:mtg-w:grace sample"));
    PAssert.that(out.get(AnalyzeMeetings.SPANS)).containsInAnyOrder(
        KV.of(KEY, new MeetingSpan(at(0).toEpochMilli(), at(600).toEpochMilli(), true, "manifest", "report")));
    PAssert.that(out.get(AnalyzeMeetings.MEETINGS)).containsInAnyOrder(new MeetingSummary(KEY,
        "81234567890", "Weekly Sync", at(0), at(600), 600L, "manifest/report",
        3,            // people
        3,            // at 150–240 s and 390–480 s all three are present
        0,            // everyone spoke
        0.766667,     // (1 + 0.75 + 0.55) / 3
        45.0,
        0.5,          // host 15 s / others 30 s
        0.148148,     // talk sorted 10, 15, 20: (−2·10 + 0·15 + 2·20) / (3 · 45); all present ≥ 50 %
        0.965634,     // −Σ p ln p / ln 3 over shares 1/3, 4/9, 2/9
        0.0, List.of(), 0,
        1, 1.0,       // Grace's question; Dana's turn starts 5 s after it
        2,            // Ada's and Grace's messages; the reaction is not a message
        List.of(),    // Ada's departure at 240 s is one person; Grace's at 480 s is in the last 5 minutes
        null, null, null, null, null, null, List.of(), 1.0, V));

    List<TimelineMinute> minutes = new ArrayList<>();
    // minute: present, joins, leaves, speakers, talk s, chat messages, reactions, questions
    int[][] m = {
        {2, 2, 0, 2, 30, 0, 0, 0},   // Dana and Ada from the start; Dana 10 s, Ada 20 s
        {2, 0, 0, 0, 0, 1, 0, 0},    // Ada's message at 60 s
        {3, 1, 0, 0, 0, 0, 0, 0},    // Grace joins at 150 s
        {3, 0, 0, 2, 15, 0, 0, 1},   // Ada until 240 s (exclusive); Grace asks, Dana answers
        {2, 0, 1, 0, 0, 0, 0, 0},    // Ada's leave at 240 s
        {2, 0, 0, 0, 0, 1, 1, 0},    // Grace's message at 300 s, Dana's reaction at 310 s
        {3, 1, 0, 0, 0, 0, 0, 0},    // Ada back at 390 s
        {3, 0, 0, 0, 0, 0, 0, 0},
        {2, 0, 1, 0, 0, 0, 0, 0},    // Grace leaves at 480 s
        {2, 0, 0, 0, 0, 0, 0, 0}};   // leaves at the meeting end are not counted
    for (int i = 0; i < m.length; i++) {
      minutes.add(new TimelineMinute(KEY, i, at(60L * i), m[i][0], m[i][1], m[i][2], m[i][3],
          (double) m[i][4], m[i][5], m[i][6], m[i][7], null, null, null, V));
    }
    PAssert.that(out.get(AnalyzeMeetings.TIMELINE)).containsInAnyOrder(minutes);

    PAssert.that(out.get(AnalyzeMeetings.DEAD_LETTERS)).containsInAnyOrder(new DeadLetter("mtg-long",
        "analyze", "meeting", FOLDER, null, null, "MEETING_SPAN_TOO_LONG",
        "Meeting mtg-long spans 639912.0 h (manifest/report, 2026-03-02T15:00:00Z to 2099-03-02T15:00:00Z),"
            + " longer than the 48 h limit: a join, leave or event time is probably wrong.",
        "sessions=1 utterances=0 chat_messages=0 events=0\n" + CSV + ": 1 records"));
    pipeline.run().waitUntilFinish();
  }

  /**
   * The graph's shuffles: the inputs grouped per meeting, two combines (people folded into accumulators)
   * and the 1:1 join of context and totals. Any other per-meeting GroupByKey, one that would gather a
   * meeting's people into one list, fails this test.
   */
  @Test
  public void theOnlyGroupingsAreOfInputsCombinesAndTheOneToOneJoin() {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    parsedInput(p).apply("Analyze", AnalyzeMeetings.create());
    List<String> groupings = new ArrayList<>();
    p.traverseTopologically(new Pipeline.PipelineVisitor.Defaults() {
      @Override
      public void visitPrimitiveTransform(TransformHierarchy.Node node) {
        if (node.getTransform() instanceof GroupByKey) {
          groupings.add(node.getFullName());
        }
      }
    });
    groupings.sort(null);
    assertEquals(List.of(
        "Analyze/AggregateMeetings/GroupByKey",
        "Analyze/AggregateTimelines/GroupByKey",
        "Analyze/ExtractMeetingRows/JoinTotalsWithContext/GBK",
        "Analyze/GroupRecordsByMeeting/CoGroupByMeeting/GBK"), groupings);
  }
}
