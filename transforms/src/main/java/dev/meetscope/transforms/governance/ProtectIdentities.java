package dev.meetscope.transforms.governance;

import dev.meetscope.models.governance.IdentityPolicy;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.ActionItemRow;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.MeetingTopic;
import dev.meetscope.models.record.UtteranceSentiment;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.Utterance;
import dev.meetscope.transforms.schema.RecordCoders;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The output policy, applied to every per-meeting table just before the writes ({@link IdentityPolicy}):
 * keyed pseudonyms for every person key and id, and — unless {@code --includeIdentities=true} — no display
 * name or email in any row, with every name, email and id the meeting mentions redacted from free text.
 * Dead letters are cleaned in every case (they are operators' data, never host-facing).
 *
 * <p>Input: a tuple holding any of the public tags below (a missing one counts as empty); output: the same
 * tags, protected. The input records of one meeting are grouped once (CoGroupByKey on the meeting key)
 * because cleaning one utterance needs the names of everyone in its meeting; the per-person output rows are
 * not grouped (they need only their key), so no step holds a town hall's 10,000 output rows at once.
 *
 * <p>Counters, namespace {@value ApplyGovernance#NAMESPACE}: {@code opted_out_rows_withheld} (participant
 * rows of opted-out people, which count only in meeting totals).
 */
public final class ProtectIdentities extends PTransform<PCollectionTuple, PCollectionTuple> {
  public static final TupleTag<ParticipantSession> SESSIONS = new TupleTag<>() {};
  public static final TupleTag<Utterance> UTTERANCES = new TupleTag<>() {};
  public static final TupleTag<ChatMessage> CHAT_MESSAGES = new TupleTag<>() {};
  public static final TupleTag<MeetingEvent> EVENTS = new TupleTag<>() {};
  /** Input only: the manifests' host names and emails are terms to redact. */
  public static final TupleTag<KV<String, MeetingManifest>> MANIFESTS = new TupleTag<>() {};
  public static final TupleTag<ParticipantMeeting> PARTICIPANTS = new TupleTag<>() {};
  public static final TupleTag<MeetingSummary> MEETINGS = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};
  public static final TupleTag<UtteranceSentiment> SENTIMENTS = new TupleTag<>() {};
  public static final TupleTag<MeetingTopic> TOPICS = new TupleTag<>() {};
  public static final TupleTag<ActionItemRow> ACTION_ITEMS = new TupleTag<>() {};

  private static final TupleTag<MeetingManifest> MANIFEST_VALUES = new TupleTag<>() {};

  private final PseudonymKey key;
  private final boolean includeIdentities;

  private ProtectIdentities(PseudonymKey key, boolean includeIdentities) {
    this.key = key;
    this.includeIdentities = includeIdentities;
  }

  public static ProtectIdentities with(PseudonymKey key, boolean includeIdentities) {
    return new ProtectIdentities(Objects.requireNonNull(key, "key"), includeIdentities);
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple in) {
    PCollection<KV<String, MeetingManifest>> manifests = in.has(MANIFESTS) ? in.get(MANIFESTS)
        : in.getPipeline().apply("NoManifests",
            Create.empty(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(MeetingManifest.class))));
    PCollection<KV<String, CoGbkResult>> grouped = KeyedPCollectionTuple
        .of(SESSIONS, keyed(in, SESSIONS, ParticipantSession.class, "Sessions", ParticipantSession::meetingKey))
        .and(UTTERANCES, keyed(in, UTTERANCES, Utterance.class, "Utterances", Utterance::meetingKey))
        .and(CHAT_MESSAGES, keyed(in, CHAT_MESSAGES, ChatMessage.class, "ChatMessages", ChatMessage::meetingKey))
        .and(EVENTS, keyed(in, EVENTS, MeetingEvent.class, "Events", MeetingEvent::meetingKey))
        .and(MANIFEST_VALUES, manifests)
        .and(MEETINGS, keyed(in, MEETINGS, MeetingSummary.class, "Meetings", MeetingSummary::meetingKey))
        .and(DEAD_LETTERS, keyed(in, DEAD_LETTERS, DeadLetter.class, "DeadLetters", DeadLetter::meetingKey))
        .and(SENTIMENTS, keyed(in, SENTIMENTS, UtteranceSentiment.class, "Sentiments", UtteranceSentiment::meetingKey))
        .and(TOPICS, keyed(in, TOPICS, MeetingTopic.class, "Topics", MeetingTopic::meetingKey))
        .and(ACTION_ITEMS, keyed(in, ACTION_ITEMS, ActionItemRow.class, "ActionItems", ActionItemRow::meetingKey))
        .apply("GroupOutputsByMeeting", CoGroupByKey.create());
    PCollectionTuple out = grouped.apply("ApplyIdentityPolicy", ParDo.of(new ProtectFn(key, includeIdentities))
        .withOutputTags(SESSIONS, TupleTagList.of(List.of(UTTERANCES, CHAT_MESSAGES, EVENTS,
            MEETINGS, DEAD_LETTERS, SENTIMENTS, TOPICS, ACTION_ITEMS))));
    out.get(SESSIONS).setCoder(RecordCoders.of(ParticipantSession.class));
    out.get(UTTERANCES).setCoder(RecordCoders.of(Utterance.class));
    out.get(CHAT_MESSAGES).setCoder(RecordCoders.of(ChatMessage.class));
    out.get(EVENTS).setCoder(RecordCoders.of(MeetingEvent.class));
    out.get(MEETINGS).setCoder(RecordCoders.of(MeetingSummary.class));
    out.get(DEAD_LETTERS).setCoder(RecordCoders.of(DeadLetter.class));
    out.get(SENTIMENTS).setCoder(RecordCoders.of(UtteranceSentiment.class));
    out.get(TOPICS).setCoder(RecordCoders.of(MeetingTopic.class));
    out.get(ACTION_ITEMS).setCoder(RecordCoders.of(ActionItemRow.class));
    // Per-person rows need no meeting context (a key, no names): they never meet again in one group, so a
    // 10,000-person town hall costs no 10,000-row list here.
    PCollection<ParticipantMeeting> people = in.has(PARTICIPANTS)
        ? in.get(PARTICIPANTS).apply("ProtectParticipantRows", ParDo.of(new ProtectPersonFn(key,
            includeIdentities))).setCoder(RecordCoders.of(ParticipantMeeting.class))
        : in.getPipeline().apply("NoParticipants", Create.empty(RecordCoders.of(ParticipantMeeting.class)));
    return out.and(PARTICIPANTS, people);
  }

  private static <T> PCollection<KV<String, T>> keyed(PCollectionTuple in, TupleTag<T> tag, Class<T> type,
      String name, SerializableFunction<T, String> meetingKey) {
    KvCoder<String, T> coder = KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(type));
    if (!in.has(tag)) {
      return in.getPipeline().apply("No" + name, Create.empty(coder));
    }
    SerializableFunction<T, String> k = r -> {
      String v = meetingKey.apply(r);
      return v == null ? "" : v;
    };
    return in.get(tag).apply("Key" + name + "ForPolicy", WithKeys.of(k).withKeyType(TypeDescriptors.strings()))
        .setCoder(coder);
  }

  static final class ProtectPersonFn extends DoFn<ParticipantMeeting, ParticipantMeeting> {
    private final PseudonymKey key;
    private final boolean includeIdentities;
    private transient IdentityPolicy policy;

    ProtectPersonFn(PseudonymKey key, boolean includeIdentities) {
      this.key = key;
      this.includeIdentities = includeIdentities;
    }

    @Setup
    public void setup() {
      policy = new IdentityPolicy(key.pseudonymizer(), includeIdentities);
    }

    @ProcessElement
    public void process(@Element ParticipantMeeting p, OutputReceiver<ParticipantMeeting> out) {
      ParticipantMeeting kept = policy.protect(p);
      if (kept == null) {
        Metrics.counter(ApplyGovernance.NAMESPACE, "opted_out_rows_withheld").inc();
      } else {
        out.output(kept);
      }
    }
  }

  static final class ProtectFn extends DoFn<KV<String, CoGbkResult>, ParticipantSession> {
    private final PseudonymKey key;
    private final boolean includeIdentities;
    private transient IdentityPolicy policy;

    ProtectFn(PseudonymKey key, boolean includeIdentities) {
      this.key = key;
      this.includeIdentities = includeIdentities;
    }

    @Setup
    public void setup() {
      policy = new IdentityPolicy(key.pseudonymizer(), includeIdentities);
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> element, MultiOutputReceiver out) {
      CoGbkResult g = element.getValue();
      IdentityPolicy.MeetingTerms terms = new IdentityPolicy.MeetingTerms();
      List<ParticipantSession> sessions = list(g.getAll(SESSIONS));
      List<MeetingEvent> events = list(g.getAll(EVENTS));
      List<Utterance> utterances = list(g.getAll(UTTERANCES));
      List<ChatMessage> chats = list(g.getAll(CHAT_MESSAGES));
      sessions.forEach(terms::add);
      events.forEach(terms::add);
      utterances.forEach(terms::add);
      chats.forEach(terms::add);
      g.getAll(MANIFEST_VALUES).forEach(terms::add);
      IdentityPolicy.Cleaner r = terms.cleaner();

      sessions.forEach(s -> out.get(SESSIONS).output(policy.protect(s, r)));
      events.forEach(e -> out.get(EVENTS).output(policy.protect(e, r)));
      utterances.forEach(u -> out.get(UTTERANCES).output(policy.protect(u, r)));
      chats.forEach(c -> out.get(CHAT_MESSAGES).output(policy.protect(c, r)));
      g.getAll(MEETINGS).forEach(m -> out.get(MEETINGS).output(policy.protect(m, r)));
      g.getAll(DEAD_LETTERS).forEach(d -> out.get(DEAD_LETTERS).output(policy.protect(d, r)));
      g.getAll(SENTIMENTS).forEach(x -> out.get(SENTIMENTS).output(policy.protect(x, r)));
      g.getAll(TOPICS).forEach(t -> out.get(TOPICS).output(policy.protect(t, r)));
      g.getAll(ACTION_ITEMS).forEach(a -> out.get(ACTION_ITEMS).output(policy.protect(a, r)));
    }

    static <T> List<T> list(Iterable<T> values) {
      List<T> out = new ArrayList<>();
      values.forEach(out::add);
      return out;
    }
  }
}
