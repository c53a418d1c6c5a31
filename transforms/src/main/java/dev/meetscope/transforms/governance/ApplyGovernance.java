package dev.meetscope.transforms.governance;

import dev.meetscope.models.governance.ConsentDecision;
import dev.meetscope.models.governance.GateResult;
import dev.meetscope.models.governance.GovernanceGate;
import dev.meetscope.models.governance.OptOutList;
import dev.meetscope.models.governance.PersonRef;
import dev.meetscope.models.governance.Redactor;
import dev.meetscope.models.parse.ParsedMeeting;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.FileStat;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.Utterance;
import dev.meetscope.transforms.parse.ParseMeetingFolders;
import dev.meetscope.transforms.schema.RecordCoders;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The governance gate as a Beam stage, right after {@link ParseMeetingFolders}: consent and opt-out
 * ({@link GovernanceGate}, docs/governance.md §1–3). Input and output are tuples with the tags of
 * {@link ParseMeetingFolders}, so every later stage takes the gated tuple instead of the parsed one.
 *
 * <pre>
 * parsed tuple ─ KeyRecordsByMeeting ─ GroupParsedMeetings (CoGroupByKey) ─ GateMeetings ─ gated tuple
 * dead letters without a meeting key ──────────── RedactUnkeyedDeadLetters ─────────────┘
 * </pre>
 *
 * <ul>
 *   <li>A meeting without consent emits no record and no dead letter; its files stay in
 *       {@code FILE_STATS} with status {@value #SKIPPED_STATUS} and no parsed or dead-lettered record, so
 *       {@code read = parsed + dead-lettered + skipped} still adds up in {@code _METRICS.json}.
 *   <li>Opted-out people: utterances and chat removed, sessions and events anonymised (they still count in
 *       meeting totals), their names, emails and ids redacted from everything else, dead letters included.
 * </ul>
 * Counters, namespace {@value #NAMESPACE}: {@code meetings_analysed}, {@code meetings_skipped},
 * {@code skipped.<REASON>} and {@code analysed.<REASON>} per {@link ConsentDecision.Reason},
 * {@code records_skipped}, {@code dead_letters_skipped}, {@code opted_out_people},
 * {@code sessions_anonymised}, {@code events_anonymised}, {@code utterances_removed},
 * {@code chat_messages_removed}, {@code texts_redacted}, {@code dead_letters_redacted}.
 */
public final class ApplyGovernance extends PTransform<PCollectionTuple, PCollectionTuple> {
  public static final String NAMESPACE = "governance";
  /** {@link FileStat#status()} of the files of a meeting skipped for want of consent. */
  public static final String SKIPPED_STATUS = "skipped";

  private static final TupleTag<ParticipantSession> SESSIONS = new TupleTag<>() {};
  private static final TupleTag<Utterance> UTTERANCES = new TupleTag<>() {};
  private static final TupleTag<ChatMessage> CHAT = new TupleTag<>() {};
  private static final TupleTag<MeetingEvent> EVENTS = new TupleTag<>() {};
  private static final TupleTag<MeetingManifest> MANIFESTS = new TupleTag<>() {};
  private static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};
  private static final TupleTag<FileStat> FILE_STATS = new TupleTag<>() {};
  /** The opt-out entries a meeting widened the list with (names and ids learned from matched sessions). */
  private static final TupleTag<String> LEARNED = new TupleTag<>() {};

  private final GateSettings settings;

  private ApplyGovernance(GateSettings settings) {
    this.settings = settings;
  }

  /** Checks the settings now (reads the lists once), so a bad list fails before the graph is built. */
  public static ApplyGovernance with(GateSettings settings) {
    return new ApplyGovernance(Objects.requireNonNull(settings, "settings").check());
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple parsed) {
    PCollection<DeadLetter> deadLetters = parsed.get(ParseMeetingFolders.DEAD_LETTERS);
    PCollection<DeadLetter> keyedDeadLetters = deadLetters.apply("DeadLettersWithMeeting",
        Filter.by((DeadLetter d) -> hasKey(d.meetingKey())));

    PCollection<KV<String, CoGbkResult>> grouped = KeyedPCollectionTuple
        .of(SESSIONS, keyed(parsed.get(ParseMeetingFolders.SESSIONS), ParticipantSession.class, "Sessions",
            ParticipantSession::meetingKey))
        .and(UTTERANCES, keyed(parsed.get(ParseMeetingFolders.UTTERANCES), Utterance.class, "Utterances",
            Utterance::meetingKey))
        .and(CHAT, keyed(parsed.get(ParseMeetingFolders.CHAT_MESSAGES), ChatMessage.class, "ChatMessages",
            ChatMessage::meetingKey))
        .and(EVENTS, keyed(parsed.get(ParseMeetingFolders.EVENTS), MeetingEvent.class, "Events",
            MeetingEvent::meetingKey))
        .and(MANIFESTS, parsed.get(ParseMeetingFolders.MANIFESTS))
        .and(DEAD_LETTERS, keyed(keyedDeadLetters, DeadLetter.class, "DeadLetters", DeadLetter::meetingKey))
        .and(FILE_STATS, keyed(parsed.get(ParseMeetingFolders.FILE_STATS), FileStat.class, "FileStats",
            FileStat::meetingKey))
        .apply("GroupParsedMeetings", CoGroupByKey.create());

    PCollectionTuple gated = grouped.apply("GateMeetings", ParDo.of(new GateFn(settings))
        .withOutputTags(ParseMeetingFolders.SESSIONS, TupleTagList.of(List.of(ParseMeetingFolders.UTTERANCES,
            ParseMeetingFolders.CHAT_MESSAGES, ParseMeetingFolders.EVENTS, ParseMeetingFolders.MANIFESTS,
            ParseMeetingFolders.DEAD_LETTERS, ParseMeetingFolders.FILE_STATS, LEARNED))));
    gated.get(ParseMeetingFolders.SESSIONS).setCoder(RecordCoders.of(ParticipantSession.class));
    gated.get(ParseMeetingFolders.UTTERANCES).setCoder(RecordCoders.of(Utterance.class));
    gated.get(ParseMeetingFolders.CHAT_MESSAGES).setCoder(RecordCoders.of(ChatMessage.class));
    gated.get(ParseMeetingFolders.EVENTS).setCoder(RecordCoders.of(MeetingEvent.class));
    gated.get(ParseMeetingFolders.MANIFESTS)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(MeetingManifest.class)));
    gated.get(ParseMeetingFolders.DEAD_LETTERS).setCoder(RecordCoders.of(DeadLetter.class));
    gated.get(ParseMeetingFolders.FILE_STATS).setCoder(RecordCoders.of(FileStat.class));
    // A dead letter of no meeting cannot be matched to one: it is cleaned of everything any meeting learned
    // about the opted-out people (e.g. the display name of someone listed by email).
    PCollectionView<List<String>> learned = gated.get(LEARNED).setCoder(StringUtf8Coder.of())
        .apply("DistinctLearnedOptOuts", Distinct.create())
        .apply("LearnedOptOutsView", View.asList());
    PCollection<DeadLetter> unkeyed = deadLetters
        .apply("DeadLettersWithoutMeeting", Filter.by((DeadLetter d) -> !hasKey(d.meetingKey())))
        .apply("RedactUnkeyedDeadLetters", ParDo.of(new RedactUnkeyedFn(settings, learned))
            .withSideInputs(learned))
        .setCoder(RecordCoders.of(DeadLetter.class));

    PCollection<DeadLetter> allDeadLetters = PCollectionList.of(gated.get(ParseMeetingFolders.DEAD_LETTERS))
        .and(unkeyed)
        .apply("FlattenGatedDeadLetters", Flatten.pCollections());
    return PCollectionTuple.of(ParseMeetingFolders.SESSIONS, gated.get(ParseMeetingFolders.SESSIONS))
        .and(ParseMeetingFolders.UTTERANCES, gated.get(ParseMeetingFolders.UTTERANCES))
        .and(ParseMeetingFolders.CHAT_MESSAGES, gated.get(ParseMeetingFolders.CHAT_MESSAGES))
        .and(ParseMeetingFolders.EVENTS, gated.get(ParseMeetingFolders.EVENTS))
        .and(ParseMeetingFolders.MANIFESTS, gated.get(ParseMeetingFolders.MANIFESTS))
        .and(ParseMeetingFolders.DEAD_LETTERS, allDeadLetters)
        .and(ParseMeetingFolders.FILE_STATS, gated.get(ParseMeetingFolders.FILE_STATS));
  }

  private static boolean hasKey(String meetingKey) {
    return meetingKey != null && !meetingKey.isEmpty();
  }

  private static <T> PCollection<KV<String, T>> keyed(PCollection<T> records, Class<T> type, String name,
      SerializableFunction<T, String> meetingKey) {
    SerializableFunction<T, String> key = r -> {
      String k = meetingKey.apply(r);
      return k == null ? "" : k;
    };
    return records
        .apply("Key" + name + "ByMeeting", WithKeys.of(key).withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(type)));
  }

  /** Dead letters that belong to no meeting: the list's and the learned names and emails are redacted. */
  static final class RedactUnkeyedFn extends DoFn<DeadLetter, DeadLetter> {
    private final GateSettings settings;
    private final PCollectionView<List<String>> learned;
    private transient OptOutList base;
    private transient Redactor redactor;

    RedactUnkeyedFn(GateSettings settings, PCollectionView<List<String>> learned) {
      this.settings = settings;
      this.learned = learned;
    }

    @Setup
    public void setup() {
      base = settings.optOut();
    }

    @ProcessElement
    public void process(@Element DeadLetter d, OutputReceiver<DeadLetter> out, ProcessContext c) {
      if (redactor == null) {
        List<PersonRef> refs = new ArrayList<>(base.entries());
        for (String entry : c.sideInput(learned)) {
          int colon = entry.indexOf(':');
          refs.add(new PersonRef(PersonRef.Kind.valueOf(entry.substring(0, colon)), entry.substring(colon + 1)));
        }
        redactor = OptOutList.of(refs).redactor();
      }
      DeadLetter r = new DeadLetter(d.meetingKey(), d.stage(), d.format(), redactor.redact(d.sourceFile()),
          d.sourceLine(), d.byteOffset(), d.reason(), redactor.redact(d.message()),
          redactor.redact(d.rawText()));
      if (!r.equals(d)) {
        Metrics.counter(NAMESPACE, "dead_letters_redacted").inc();
      }
      out.output(r);
    }
  }

  /** One meeting through {@link GovernanceGate}. */
  static final class GateFn extends DoFn<KV<String, CoGbkResult>, ParticipantSession> {
    private final GateSettings settings;
    private transient GovernanceGate gate;
    private transient OptOutList optOut;
    private transient Redactor optOutRedactor;

    GateFn(GateSettings settings) {
      this.settings = settings;
    }

    @Setup
    public void setup() {
      gate = settings.gate();
      optOut = settings.optOut();
      optOutRedactor = optOut.redactor();
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> element, MultiOutputReceiver out) {
      String meetingKey = element.getKey();
      CoGbkResult g = element.getValue();
      List<MeetingManifest> manifests = new ArrayList<>();
      g.getAll(MANIFESTS).forEach(manifests::add);
      ParsedMeeting meeting = new ParsedMeeting(meetingKey, fullest(manifests),
          sorted(g.getAll(SESSIONS), ParticipantSession::sourceFile, ParticipantSession::sourceLine),
          sorted(g.getAll(UTTERANCES), Utterance::sourceFile, Utterance::sourceLine),
          sorted(g.getAll(CHAT), ChatMessage::sourceFile, ChatMessage::sourceLine),
          sorted(g.getAll(EVENTS), MeetingEvent::sourceFile, MeetingEvent::sourceLine),
          sorted(g.getAll(DEAD_LETTERS), DeadLetter::sourceFile,
              d -> d.sourceLine() == null ? -1 : d.sourceLine()),
          sorted(g.getAll(FILE_STATS), FileStat::sourceFile, f -> 0L));
      GateResult result = gate.apply(meeting);
      ConsentDecision decision = result.decision();
      if (!result.analysed()) {
        counter("meetings_skipped").inc();
        counter("skipped." + decision.reason().code()).inc();
        long records = meeting.sessions().size() + meeting.utterances().size() + meeting.chatMessages().size()
            + meeting.events().size();
        counter("records_skipped").inc(records);
        counter("dead_letters_skipped").inc(meeting.deadLetters().size());
        for (FileStat f : meeting.fileStats()) {
          out.get(ParseMeetingFolders.FILE_STATS).output(new FileStat(f.meetingKey(),
              optOutRedactor.redact(f.sourceFile()), f.format(), SKIPPED_STATUS, f.bytes(), f.recordsRead(),
              0, 0));
        }
        return;
      }
      counter("meetings_analysed").inc();
      counter("analysed." + decision.reason().code()).inc();
      GateResult.Counts c = result.counts();
      counter("opted_out_people").inc(c.optedOutPeople());
      counter("sessions_anonymised").inc(c.sessionsAnonymised());
      counter("events_anonymised").inc(c.eventsAnonymised());
      counter("utterances_removed").inc(c.utterancesRemoved());
      counter("chat_messages_removed").inc(c.chatMessagesRemoved());
      counter("texts_redacted").inc(c.textsRedacted());
      counter("dead_letters_redacted").inc(c.deadLettersRedacted());

      if (c.optedOutPeople() > 0) {
        for (PersonRef ref : optOut.expandedFor(meeting.sessions(), meeting.events()).allTerms()) {
          out.get(LEARNED).output(ref.kind().name() + ":" + ref.value());
        }
      }
      ParsedMeeting m = result.meeting();
      m.sessions().forEach(out.get(ParseMeetingFolders.SESSIONS)::output);
      m.utterances().forEach(out.get(ParseMeetingFolders.UTTERANCES)::output);
      m.chatMessages().forEach(out.get(ParseMeetingFolders.CHAT_MESSAGES)::output);
      m.events().forEach(out.get(ParseMeetingFolders.EVENTS)::output);
      if (!manifests.isEmpty()) {
        out.get(ParseMeetingFolders.MANIFESTS).output(KV.of(meetingKey,
            m.manifest() == null ? MeetingManifest.empty() : m.manifest()));
      }
      m.deadLetters().forEach(out.get(ParseMeetingFolders.DEAD_LETTERS)::output);
      // The gate keeps per-file counts: a removed utterance was parsed (then withheld), not dead-lettered.
      m.fileStats().forEach(out.get(ParseMeetingFolders.FILE_STATS)::output);
    }

    private static org.apache.beam.sdk.metrics.Counter counter(String name) {
      return Metrics.counter(NAMESPACE, name);
    }
  }

  /** Several manifests under one key (two folders of one occurrence): the fullest, then the first by text. */
  static MeetingManifest fullest(List<MeetingManifest> all) {
    MeetingManifest best = null;
    for (MeetingManifest m : all) {
      if (best == null || fields(m) > fields(best)
          || (fields(m) == fields(best) && m.toString().compareTo(best.toString()) < 0)) {
        best = m;
      }
    }
    return best;
  }

  private static int fields(MeetingManifest m) {
    int n = 0;
    for (Object v : new Object[] {m.meetingId(), m.uuid(), m.topic(), m.hostName(), m.hostEmail(),
        m.hostId(), m.scheduledStart(), m.durationMinutes(), m.timeZone(), m.recordingStart(),
        m.analyticsEnabled()}) {
      n += v == null ? 0 : 1;
    }
    return n;
  }

  /** A shuffle hands values over in any order; the gate's anonymous tokens depend on order, so sort. */
  private static <T> List<T> sorted(Iterable<T> values, Function<T, String> file, ToLongFunction<T> line) {
    List<T> out = new ArrayList<>();
    values.forEach(out::add);
    out.sort(Comparator.comparing(file, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
        .thenComparingLong(line)
        .thenComparing(Object::toString));
    return out;
  }
}
