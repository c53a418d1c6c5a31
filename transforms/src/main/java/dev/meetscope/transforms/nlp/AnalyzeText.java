package dev.meetscope.transforms.nlp;

import dev.meetscope.models.analytics.MeetingSpan;
import dev.meetscope.models.nlp.NlpConfig;
import dev.meetscope.models.nlp.TextItem;
import dev.meetscope.models.nlp.topics.TopicSettings;
import dev.meetscope.models.record.ActionItemRow;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.MeetingTopic;
import dev.meetscope.models.record.PersonText;
import dev.meetscope.models.record.TextMinute;
import dev.meetscope.models.record.Utterance;
import dev.meetscope.models.record.UtteranceSentiment;
import dev.meetscope.transforms.parse.ParseMeetingFolders;
import dev.meetscope.transforms.schema.RecordCoders;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * All text analysis of the nightly job (docs/nlp.md): sentiment per utterance and public chat message, topics,
 * action items, and the per-person and per-minute NLP columns.
 *
 * <p>Input: a tuple with {@link #UTTERANCES} and {@link #CHAT_MESSAGES} (the parse step's own tags, so the parse
 * output can be passed as it is), optionally {@link #MANIFESTS} and {@link #SPANS} (the meeting spans of the
 * attendance analytics, so minute indexes match {@code meeting_timeline}).
 *
 * <p>Output tags: {@link #SENTIMENTS} ({@code utterance_sentiment}), {@link #MEETING_TOPICS}
 * ({@code meeting_topic}), {@link #ACTION_ITEMS} ({@code action_item}), {@link #PERSON_TEXT} (sentiment_avg and
 * key_topics_contributed per meeting + speaker label), {@link #TEXT_MINUTES} (sentiment_mean and topic_id per
 * meeting + minute), {@link #DEAD_LETTERS} (stage {@code nlp}).
 */
public final class AnalyzeText extends PTransform<PCollectionTuple, PCollectionTuple> {
  public static final TupleTag<Utterance> UTTERANCES = ParseMeetingFolders.UTTERANCES;
  public static final TupleTag<ChatMessage> CHAT_MESSAGES = ParseMeetingFolders.CHAT_MESSAGES;
  public static final TupleTag<KV<String, MeetingManifest>> MANIFESTS = ParseMeetingFolders.MANIFESTS;
  public static final TupleTag<KV<String, MeetingSpan>> SPANS = ClusterTopics.SPANS;

  public static final TupleTag<UtteranceSentiment> SENTIMENTS = ScoreSentiment.SENTIMENTS;
  public static final TupleTag<MeetingTopic> MEETING_TOPICS = ClusterTopics.TOPICS;
  public static final TupleTag<PersonText> PERSON_TEXT = ClusterTopics.PEOPLE;
  public static final TupleTag<TextMinute> TEXT_MINUTES = ClusterTopics.MINUTES;
  public static final TupleTag<ActionItemRow> ACTION_ITEMS = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = ScoreSentiment.DEAD_LETTERS;

  /**
   * Keys the texts are spread over before the NLP steps. Enough for 256 workers' threads to parse at once; few
   * enough that a runner which makes one bundle per key (the Direct runner) still hands the sentiment step
   * bundles of many texts to batch and cache, instead of one text per bundle.
   */
  public static final int DEFAULT_SPREAD_KEYS = 256;

  private final NlpConfig config;
  private final TopicSettings topics;
  private final String timeZone;
  private final int spreadKeys;

  private AnalyzeText(NlpConfig config, TopicSettings topics, String timeZone, int spreadKeys) {
    this.config = config;
    this.topics = topics;
    this.timeZone = timeZone;
    this.spreadKeys = spreadKeys;
  }

  public static AnalyzeText create() {
    return new AnalyzeText(NlpConfig.defaults(), TopicSettings.defaults(), null, DEFAULT_SPREAD_KEYS);
  }

  public AnalyzeText withConfig(NlpConfig value) {
    return new AnalyzeText(value, topics, timeZone, spreadKeys);
  }

  public AnalyzeText withTopicSettings(TopicSettings value) {
    return new AnalyzeText(config, value, timeZone, spreadKeys);
  }

  /** Zone of local chat and caption times when a manifest gives none (nightly's --timeZone). */
  public AnalyzeText withTimeZone(String zoneId) {
    return new AnalyzeText(config, topics, zoneId, spreadKeys);
  }

  /** Number of random keys of the fusion break before the NLP steps (default {@value #DEFAULT_SPREAD_KEYS}). */
  public AnalyzeText withSpreadKeys(int keys) {
    if (keys < 1) {
      throw new IllegalArgumentException("spreadKeys must be >= 1, was " + keys);
    }
    return new AnalyzeText(config, topics, timeZone, keys);
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple input) {
    List<PCollection<TextItem>> parts = new ArrayList<>();
    if (input.has(UTTERANCES)) {
      parts.add(input.get(UTTERANCES).apply("UtteranceTexts",
          MapElements.into(TypeDescriptor.of(TextItem.class)).via(TextItem::of)));
    }
    if (input.has(CHAT_MESSAGES)) {
      parts.add(input.get(CHAT_MESSAGES).apply("PublicChatTexts",
          FlatMapElements.into(TypeDescriptor.of(TextItem.class)).via((ChatMessage c) -> {
            TextItem item = TextItem.of(c);
            return item == null ? List.<TextItem>of() : List.of(item);
          })));
    }
    if (parts.isEmpty()) {
      parts.add(input.getPipeline().apply("NoTexts", Create.empty(RecordCoders.of(TextItem.class))));
    }
    parts.forEach(p -> p.setCoder(RecordCoders.of(TextItem.class)));
    // Break fusion once: the NLP steps below spread over all workers, whoever parsed the files.
    PCollection<TextItem> texts = PCollectionList.of(parts).apply("AllTexts", Flatten.pCollections())
        .apply("SpreadTexts", Reshuffle.<TextItem>viaRandomKey().withNumBuckets(spreadKeys))
        .setCoder(RecordCoders.of(TextItem.class));

    PCollectionTuple scored = texts.apply("ScoreSentiment",
        ScoreSentiment.create().withConfig(config).withoutReshuffle());
    PCollection<ActionItemRow> actions = texts.apply("DetectActionItems", DetectActionItems.create());
    PCollectionTuple clusterInput = PCollectionTuple
        .of(ClusterTopics.TERMS, texts.apply("ExtractTerms", ExtractTerms.create()))
        .and(ClusterTopics.SENTIMENTS, scored.get(ScoreSentiment.SENTIMENTS));
    if (input.has(MANIFESTS)) {
      clusterInput = clusterInput.and(ClusterTopics.MANIFESTS, input.get(MANIFESTS));
    }
    if (input.has(SPANS)) {
      clusterInput = clusterInput.and(ClusterTopics.SPANS, input.get(SPANS));
    }
    PCollectionTuple clustered = clusterInput.apply("ClusterTopics",
        ClusterTopics.create().withSettings(topics).withTimeZone(timeZone));

    return PCollectionTuple.of(SENTIMENTS, scored.get(ScoreSentiment.SENTIMENTS))
        .and(DEAD_LETTERS, scored.get(ScoreSentiment.DEAD_LETTERS))
        .and(ACTION_ITEMS, actions)
        .and(MEETING_TOPICS, clustered.get(ClusterTopics.TOPICS))
        .and(PERSON_TEXT, clustered.get(ClusterTopics.PEOPLE))
        .and(TEXT_MINUTES, clustered.get(ClusterTopics.MINUTES));
  }
}
