package dev.meetscope.transforms.nlp;

import dev.meetscope.models.analytics.LabelPerson;
import dev.meetscope.models.nlp.join.NlpColumns;
import dev.meetscope.models.nlp.topics.TopicSettings;
import dev.meetscope.models.record.ActionItemRow;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.MeetingTopic;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.PersonText;
import dev.meetscope.models.record.TextMinute;
import dev.meetscope.models.record.TimelineMinute;
import dev.meetscope.transforms.analytics.AnalyzeMeetings;
import dev.meetscope.transforms.schema.RecordCoders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Joins the text analysis ({@link AnalyzeText}) into the analytics rows ({@link AnalyzeMeetings}), logic in
 * {@link NlpColumns}:
 *
 * <pre>
 * LABELS ──────┐ (meeting, label bucket)
 * PERSON_TEXT ─┴ JoinLabelsToPeople ─ (meeting, person bucket) ─┐
 * PARTICIPANTS ──────────────────────────────────────────┴ JoinPersonText ─ PARTICIPANTS (sentiment_avg, key_topics_contributed)
 * TIMELINE ────┐ (meeting)
 * TEXT_MINUTES ┴ JoinTextMinutes ─ TIMELINE (sentiment_mean, topic_id)
 * MEETINGS, MEETING_TOPICS, ACTION_ITEMS, LABELS ─ (meeting) ─ JoinMeetingRows ─ MEETINGS (topics, action_items)
 * </pre>
 *
 * People and labels are keyed by meeting and a hash bucket ({@value #BUCKETS} per meeting), so a town hall's 10,000
 * people never meet under one key except as their small label records for the meeting row's action-item owners;
 * a meeting's timeline (at most {@code maxMeetingHours} · 60 small rows) and its topics are grouped per meeting. Every analytics row comes out exactly once,
 * with or without text. Text results without a row to go to (a label used only in untimed text, a meeting the
 * analysis dead-lettered) are counted, namespace {@code nlp.join}: {@code labels_without_person},
 * {@code person_text_without_row}, {@code minutes_without_timeline}, {@code meeting_text_without_row}.
 *
 * <p>Input tags: {@link #PARTICIPANTS}, {@link #MEETINGS}, {@link #TIMELINE}, {@link #LABELS} (the analysis'
 * own tags) and {@link #PERSON_TEXT}, {@link #TEXT_MINUTES}, {@link #MEETING_TOPICS}, {@link #ACTION_ITEMS}
 * ({@link AnalyzeText}'s). Output tags: {@link #PARTICIPANTS}, {@link #MEETINGS}, {@link #TIMELINE}.
 */
public final class JoinMeetingText extends PTransform<PCollectionTuple, PCollectionTuple> {
  public static final TupleTag<ParticipantMeeting> PARTICIPANTS = AnalyzeMeetings.PARTICIPANTS;
  public static final TupleTag<MeetingSummary> MEETINGS = AnalyzeMeetings.MEETINGS;
  public static final TupleTag<TimelineMinute> TIMELINE = AnalyzeMeetings.TIMELINE;
  public static final TupleTag<LabelPerson> LABELS = AnalyzeMeetings.LABELS;
  public static final TupleTag<PersonText> PERSON_TEXT = AnalyzeText.PERSON_TEXT;
  public static final TupleTag<TextMinute> TEXT_MINUTES = AnalyzeText.TEXT_MINUTES;
  public static final TupleTag<MeetingTopic> MEETING_TOPICS = AnalyzeText.MEETING_TOPICS;
  public static final TupleTag<ActionItemRow> ACTION_ITEMS = AnalyzeText.ACTION_ITEMS;

  private static final String NAMESPACE = "nlp.join";

  private final TopicSettings settings;

  private JoinMeetingText(TopicSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** With the documented contributor rule (≥ 15 % of a topic's words or ≥ 60 words). */
  public static JoinMeetingText create() {
    return new JoinMeetingText(TopicSettings.defaults());
  }

  /** The contributor rule of {@code key_topics_contributed}: the same settings as {@link AnalyzeText}'s. */
  public JoinMeetingText withTopicSettings(TopicSettings value) {
    return new JoinMeetingText(value);
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple in) {
    for (TupleTag<?> tag : List.of(PARTICIPANTS, MEETINGS, TIMELINE, LABELS, PERSON_TEXT, TEXT_MINUTES,
        MEETING_TOPICS, ACTION_ITEMS)) {
      if (!in.has(tag)) {
        throw new IllegalArgumentException("JoinMeetingText needs all of the analysis' PARTICIPANTS, MEETINGS, "
            + "TIMELINE, LABELS and the text analysis' PERSON_TEXT, TEXT_MINUTES, MEETING_TOPICS, ACTION_ITEMS; "
            + "missing " + tag.getId());
      }
    }
    PCollection<LabelPerson> labels = in.get(LABELS);

    // People: label → person first, then the person's texts onto the person's row.
    TupleTag<LabelPerson> label = new TupleTag<>() {};
    TupleTag<PersonText> personText = new TupleTag<>() {};
    PCollection<KV<KV<String, String>, KV<String, PersonText>>> textByPerson = KeyedPCollectionTuple
        .of(label, keyed(labels, "KeyLabels", l -> KV.of(l.meetingKey(), bucket(l.speakerLabel())),
            LabelPerson.class))
        .and(personText, keyed(in.get(PERSON_TEXT), "KeyPersonTexts",
            t -> KV.of(t.meetingKey(), bucket(t.speakerLabel())), PersonText.class))
        .apply("GroupLabelTexts", CoGroupByKey.create())
        .apply("JoinLabelsToPeople", ParDo.of(new LabelsToPeopleFn(label, personText)))
        .setCoder(KvCoder.of(pairCoder(), KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(PersonText.class))));
    TupleTag<ParticipantMeeting> row = new TupleTag<>() {};
    TupleTag<KV<String, PersonText>> personTexts = new TupleTag<>() {};
    PCollection<ParticipantMeeting> participants = KeyedPCollectionTuple
        .of(row, keyed(in.get(PARTICIPANTS), "KeyParticipants",
            p -> KV.of(p.meetingKey(), bucket(p.participantKey())), ParticipantMeeting.class))
        .and(personTexts, textByPerson)
        .apply("GroupPersonTexts", CoGroupByKey.create())
        .apply("JoinPersonText", ParDo.of(new PersonTextFn(row, personTexts, settings)))
        .setCoder(RecordCoders.of(ParticipantMeeting.class));

    // Timeline: each minute with the same minute's text; a meeting's minutes are bounded (maxMeetingHours · 60).
    TupleTag<TimelineMinute> minute = new TupleTag<>() {};
    TupleTag<TextMinute> textMinute = new TupleTag<>() {};
    PCollection<TimelineMinute> timeline = KeyedPCollectionTuple
        .of(minute, byMeeting(in.get(TIMELINE), "KeyTimelineMinutes", TimelineMinute::meetingKey,
            TimelineMinute.class))
        .and(textMinute, byMeeting(in.get(TEXT_MINUTES), "KeyTextMinutes", TextMinute::meetingKey, TextMinute.class))
        .apply("GroupMinuteTexts", CoGroupByKey.create())
        .apply("JoinTextMinutes", ParDo.of(new MinuteFn(minute, textMinute)))
        .setCoder(RecordCoders.of(TimelineMinute.class));

    // Meetings: topics, action items and the labels that resolve owners.
    TupleTag<MeetingSummary> meeting = new TupleTag<>() {};
    TupleTag<MeetingTopic> topic = new TupleTag<>() {};
    TupleTag<ActionItemRow> item = new TupleTag<>() {};
    TupleTag<LabelPerson> meetingLabel = new TupleTag<>() {};
    PCollection<MeetingSummary> meetings = KeyedPCollectionTuple
        .of(meeting, byMeeting(in.get(MEETINGS), "KeyMeetings", MeetingSummary::meetingKey, MeetingSummary.class))
        .and(topic, byMeeting(in.get(MEETING_TOPICS), "KeyMeetingTopics", MeetingTopic::meetingKey,
            MeetingTopic.class))
        .and(item, byMeeting(in.get(ACTION_ITEMS), "KeyActionItems", ActionItemRow::meetingKey, ActionItemRow.class))
        .and(meetingLabel, byMeeting(labels, "KeyLabelsByMeeting", LabelPerson::meetingKey, LabelPerson.class))
        .apply("GroupMeetingTexts", CoGroupByKey.create())
        .apply("JoinMeetingRows", ParDo.of(new MeetingFn(meeting, topic, item, meetingLabel)))
        .setCoder(RecordCoders.of(MeetingSummary.class));

    return PCollectionTuple.of(PARTICIPANTS, participants).and(MEETINGS, meetings).and(TIMELINE, timeline);
  }

  /**
   * People and labels of a meeting are grouped in {@value #BUCKETS} buckets by the hash of their key: a town hall's
   * 10,000 people make groups of ~1,250, a small meeting few groups (runners that make a bundle per key, like the
   * Direct runner, pay per group). {@code String.hashCode} is the same on every JVM.
   */
  static final int BUCKETS = 8;

  static String bucket(String key) {
    return Integer.toString(Math.floorMod(key == null ? 0 : key.hashCode(), BUCKETS));
  }

  private static Coder<KV<String, String>> pairCoder() {
    return KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
  }

  private static <T> PCollection<KV<KV<String, String>, T>> keyed(PCollection<T> rows, String name,
      SerializableFunction<T, KV<String, String>> key, Class<T> type) {
    return rows.apply(name, MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()),
                TypeDescriptor.of(type)))
            .via((T r) -> KV.of(key.apply(r), r)))
        .setCoder(KvCoder.of(pairCoder(), RecordCoders.of(type)));
  }

  private static <T> PCollection<KV<String, T>> byMeeting(PCollection<T> rows, String name,
      SerializableFunction<T, String> key, Class<T> type) {
    return rows.apply(name, MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(type)))
            .via((T r) -> KV.of(key.apply(r), r)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(type)));
  }

  private static <T> List<T> list(Iterable<T> items) {
    List<T> out = new ArrayList<>();
    items.forEach(out::add);
    return out;
  }

  static final class LabelsToPeopleFn
      extends DoFn<KV<KV<String, String>, CoGbkResult>, KV<KV<String, String>, KV<String, PersonText>>> {
    private final TupleTag<LabelPerson> label;
    private final TupleTag<PersonText> text;
    private final Counter withoutPerson = Metrics.counter(NAMESPACE, "labels_without_person");

    LabelsToPeopleFn(TupleTag<LabelPerson> label, TupleTag<PersonText> text) {
      this.label = label;
      this.text = text;
    }

    @ProcessElement
    public void process(@Element KV<KV<String, String>, CoGbkResult> e,
        OutputReceiver<KV<KV<String, String>, KV<String, PersonText>>> out) {
      Map<String, String> people = new HashMap<>();
      e.getValue().getAll(label).forEach(l -> people.put(l.speakerLabel(), l.participantKey()));
      String meetingKey = e.getKey().getKey();
      for (PersonText t : e.getValue().getAll(text)) {
        String person = people.get(t.speakerLabel());
        if (person == null) {
          withoutPerson.inc();
        } else {
          out.output(KV.of(KV.of(meetingKey, bucket(person)), KV.of(person, t)));
        }
      }
    }
  }

  static final class PersonTextFn extends DoFn<KV<KV<String, String>, CoGbkResult>, ParticipantMeeting> {
    private final TupleTag<ParticipantMeeting> row;
    private final TupleTag<KV<String, PersonText>> text;
    private final TopicSettings settings;
    private final Counter withoutRow = Metrics.counter(NAMESPACE, "person_text_without_row");

    PersonTextFn(TupleTag<ParticipantMeeting> row, TupleTag<KV<String, PersonText>> text, TopicSettings settings) {
      this.row = row;
      this.text = text;
      this.settings = settings;
    }

    @ProcessElement
    public void process(@Element KV<KV<String, String>, CoGbkResult> e, OutputReceiver<ParticipantMeeting> out) {
      Map<String, List<PersonText>> byPerson = new HashMap<>();
      e.getValue().getAll(text).forEach(t -> byPerson.computeIfAbsent(t.getKey(), k -> new ArrayList<>())
          .add(t.getValue()));
      for (ParticipantMeeting r : e.getValue().getAll(row)) {
        List<PersonText> texts = byPerson.remove(r.participantKey());
        out.output(NlpColumns.participant(r, texts == null ? List.of() : texts, settings));
      }
      byPerson.values().forEach(texts -> withoutRow.inc(texts.size()));
    }
  }

  static final class MinuteFn extends DoFn<KV<String, CoGbkResult>, TimelineMinute> {
    private final TupleTag<TimelineMinute> minute;
    private final TupleTag<TextMinute> text;
    private final Counter withoutTimeline = Metrics.counter(NAMESPACE, "minutes_without_timeline");

    MinuteFn(TupleTag<TimelineMinute> minute, TupleTag<TextMinute> text) {
      this.minute = minute;
      this.text = text;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, OutputReceiver<TimelineMinute> out) {
      Map<Integer, TextMinute> byMinute = new HashMap<>();
      e.getValue().getAll(text).forEach(t -> byMinute.put(t.minuteIndex(), t));
      for (TimelineMinute m : e.getValue().getAll(minute)) {
        out.output(NlpColumns.minute(m, byMinute.remove(m.minuteIndex())));
      }
      withoutTimeline.inc(byMinute.size());
    }
  }

  static final class MeetingFn extends DoFn<KV<String, CoGbkResult>, MeetingSummary> {
    private final TupleTag<MeetingSummary> meeting;
    private final TupleTag<MeetingTopic> topic;
    private final TupleTag<ActionItemRow> item;
    private final TupleTag<LabelPerson> label;
    private final Counter withoutRow = Metrics.counter(NAMESPACE, "meeting_text_without_row");

    MeetingFn(TupleTag<MeetingSummary> meeting, TupleTag<MeetingTopic> topic, TupleTag<ActionItemRow> item,
        TupleTag<LabelPerson> label) {
      this.meeting = meeting;
      this.topic = topic;
      this.item = item;
      this.label = label;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, OutputReceiver<MeetingSummary> out) {
      CoGbkResult r = e.getValue();
      List<MeetingSummary> rows = list(r.getAll(meeting));
      List<MeetingTopic> topics = list(r.getAll(topic));
      List<ActionItemRow> items = list(r.getAll(item));
      if (rows.isEmpty()) {
        if (!topics.isEmpty() || !items.isEmpty()) {
          withoutRow.inc();
        }
        return;
      }
      List<LabelPerson> labels = list(r.getAll(label));
      rows.forEach(m -> out.output(NlpColumns.meeting(m, topics, items, labels)));
    }
  }
}
