package dev.meetscope.transforms.nlp;

import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.analytics.MeetingSpan;
import dev.meetscope.models.analytics.SpanResolver;
import dev.meetscope.models.analytics.TimeAxis;
import dev.meetscope.models.nlp.MeetingTextAnalyzer;
import dev.meetscope.models.nlp.MeetingTextResult;
import dev.meetscope.models.nlp.TermDoc;
import dev.meetscope.models.nlp.TextClock;
import dev.meetscope.models.nlp.TextItem;
import dev.meetscope.models.nlp.TextUnit;
import dev.meetscope.models.nlp.topics.TopicSettings;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.MeetingTopic;
import dev.meetscope.models.record.PersonText;
import dev.meetscope.models.record.TextMinute;
import dev.meetscope.models.record.Utterance;
import dev.meetscope.models.record.UtteranceSentiment;
import dev.meetscope.transforms.schema.RecordCoders;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Per meeting: topics over time segments, each speaker label's sentiment and topics, and the per-minute
 * sentiment mean and topic id ({@link MeetingTextAnalyzer}). Only term lists and sentiment numbers are grouped
 * per meeting, never texts, so a town hall's key stays small.
 *
 * <p>Input tags: {@link #TERMS} (required), {@link #SENTIMENTS}, {@link #MANIFESTS} and {@link #SPANS}
 * (optional). Texts are placed on the meeting's clock with the analytics {@code TimeAxis}; with a span, minute
 * 0 is the span's start (the same minutes as {@code meeting_timeline}), without one it is the minute of the
 * first text.
 */
public final class ClusterTopics extends PTransform<PCollectionTuple, PCollectionTuple> {
  public static final TupleTag<TermDoc> TERMS = new TupleTag<>() {};
  public static final TupleTag<UtteranceSentiment> SENTIMENTS = ScoreSentiment.SENTIMENTS;
  public static final TupleTag<KV<String, MeetingManifest>> MANIFESTS = new TupleTag<>() {};
  public static final TupleTag<KV<String, MeetingSpan>> SPANS = new TupleTag<>() {};

  public static final TupleTag<MeetingTopic> TOPICS = new TupleTag<>() {};
  public static final TupleTag<PersonText> PEOPLE = new TupleTag<>() {};
  public static final TupleTag<TextMinute> MINUTES = new TupleTag<>() {};

  private final TopicSettings settings;
  private final String timeZone;

  private ClusterTopics(TopicSettings settings, String timeZone) {
    this.settings = settings;
    this.timeZone = timeZone;
  }

  public static ClusterTopics create() {
    return new ClusterTopics(TopicSettings.defaults(), null);
  }

  public ClusterTopics withSettings(TopicSettings value) {
    return new ClusterTopics(value, timeZone);
  }

  /** Zone of local chat and caption times when a meeting's manifest gives none (as nightly's --timeZone). */
  public ClusterTopics withTimeZone(String zoneId) {
    if (zoneId != null) {
      ZoneId.of(zoneId);
    }
    return new ClusterTopics(settings, zoneId);
  }

  private static final TupleTag<TermDoc> K_TERMS = new TupleTag<>() {};
  private static final TupleTag<UtteranceSentiment> K_SENTIMENTS = new TupleTag<>() {};
  private static final TupleTag<MeetingManifest> K_MANIFESTS = new TupleTag<>() {};
  private static final TupleTag<MeetingSpan> K_SPANS = new TupleTag<>() {};

  @Override
  public PCollectionTuple expand(PCollectionTuple input) {
    if (!input.has(TERMS)) {
      throw new IllegalArgumentException("ClusterTopics needs the TERMS input");
    }
    KeyedPCollectionTuple<String> keyed = KeyedPCollectionTuple.of(K_TERMS,
        input.get(TERMS).apply("KeyTermsByMeeting", WithKeys.of((TermDoc d) -> d.item().meetingKey())
                .withKeyType(TypeDescriptor.of(String.class)))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(TermDoc.class))));
    if (input.has(SENTIMENTS)) {
      keyed = keyed.and(K_SENTIMENTS, input.get(SENTIMENTS)
          .apply("KeySentimentsByMeeting", WithKeys.of((UtteranceSentiment s) -> s.meetingKey())
              .withKeyType(TypeDescriptor.of(String.class)))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(UtteranceSentiment.class))));
    }
    if (input.has(MANIFESTS)) {
      keyed = keyed.and(K_MANIFESTS, input.get(MANIFESTS));
    }
    if (input.has(SPANS)) {
      keyed = keyed.and(K_SPANS, input.get(SPANS));
    }
    PCollectionTuple out = keyed.apply("GroupByMeeting", CoGroupByKey.create())
        .apply("AnalyseMeetingText", ParDo.of(new AnalyseFn(settings, timeZone))
            .withOutputTags(TOPICS, TupleTagList.of(List.of(PEOPLE, MINUTES))));
    out.get(TOPICS).setCoder(RecordCoders.of(MeetingTopic.class));
    out.get(PEOPLE).setCoder(RecordCoders.of(PersonText.class));
    out.get(MINUTES).setCoder(RecordCoders.of(TextMinute.class));
    return out;
  }

  /** The meeting-level analysis of one meeting's grouped inputs. */
  public static MeetingTextResult analyse(String meetingKey, Iterable<TermDoc> terms,
      Iterable<UtteranceSentiment> sentiments, MeetingManifest manifest, MeetingSpan span, TopicSettings settings,
      AnalyticsSettings analytics) {
    Map<String, UtteranceSentiment> byItem = new HashMap<>();
    for (UtteranceSentiment s : sentiments) {
      byItem.put(s.source() + "|" + s.sourceFile() + "|" + s.sourceLine(), s);
    }
    List<TermDoc> docs = new ArrayList<>();
    terms.forEach(docs::add);
    // A grouping hands texts over in any order; sums of sentiment below must not depend on it (Flink = Direct).
    docs.sort(Comparator.comparing((TermDoc d) -> d.item().source()).thenComparing(d -> d.item().sourceFile(),
        Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparingLong(d -> d.item().sourceLine()));
    List<Utterance> utterances = new ArrayList<>();
    List<ChatMessage> chats = new ArrayList<>();
    for (TermDoc d : docs) {
      if (d.item().utteranceStub() != null) {
        utterances.add(d.item().utteranceStub());
      } else {
        chats.add(d.item().chatStub());
      }
    }
    MeetingManifest m = manifest == null ? MeetingManifest.empty() : manifest;
    Long known = span != null ? Long.valueOf(span.startMs())
        : SpanResolver.start(m, List.of(), List.of(), new TreeSet<>()).ms();
    TimeAxis axis = TimeAxis.build(m, utterances, chats, known, analytics);
    List<TextUnit> units = new ArrayList<>(docs.size());
    Long first = null;
    for (TermDoc d : docs) {
      TextItem item = d.item();
      Long t = TextItem.UTTERANCE.equals(item.source()) ? axis.cueStartMs(item.utteranceStub())
          : axis.chatMs(item.chatStub());
      UtteranceSentiment s = byItem.get(item.itemKey());
      units.add(new TextUnit(item.speakerLabel(), t, d.words(), s == null ? null : s.sentiment(),
          s == null ? 0 : s.words(), d.terms()));
      if (t != null) {
        first = first == null ? t : Math.min(first, t);
      }
    }
    TextClock clock = span != null ? new TextClock(span.startMs(), span.minutes(), span.anchored())
        : new TextClock(first == null ? 0 : Math.floorDiv(first, 60_000L) * 60_000L, null, !axis.synthetic());
    return MeetingTextAnalyzer.analyze(meetingKey, units, clock, settings);
  }

  static final class AnalyseFn extends DoFn<KV<String, CoGbkResult>, MeetingTopic> {
    private final TopicSettings settings;
    private final String timeZone;

    AnalyseFn(TopicSettings settings, String timeZone) {
      this.settings = settings;
      this.timeZone = timeZone;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> meeting, MultiOutputReceiver out) {
      CoGbkResult r = meeting.getValue();
      Iterable<TermDoc> terms = r.getAll(K_TERMS);
      if (!terms.iterator().hasNext()) {
        return; // a meeting without text has no NLP rows
      }
      AnalyticsSettings analytics = AnalyticsSettings.defaults();
      if (timeZone != null) {
        analytics = analytics.withZone(ZoneId.of(timeZone));
      }
      MeetingTextResult result = analyse(meeting.getKey(), terms, r.getAll(K_SENTIMENTS),
          r.getOnly(K_MANIFESTS, null), r.getOnly(K_SPANS, null), settings, analytics);
      result.topics().forEach(out.get(TOPICS)::output);
      result.people().forEach(out.get(PEOPLE)::output);
      result.minutes().forEach(out.get(MINUTES)::output);
    }
  }
}
