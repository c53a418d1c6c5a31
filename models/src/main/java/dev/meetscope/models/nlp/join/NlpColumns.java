package dev.meetscope.models.nlp.join;

import dev.meetscope.models.analytics.LabelPerson;
import dev.meetscope.models.analytics.Rounding;
import dev.meetscope.models.nlp.topics.TopicSettings;
import dev.meetscope.models.record.ActionItem;
import dev.meetscope.models.record.ActionItemRow;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.MeetingTopic;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.PersonText;
import dev.meetscope.models.record.PersonTopicWords;
import dev.meetscope.models.record.TextMinute;
import dev.meetscope.models.record.TimelineMinute;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Puts the text-analysis results into the analytics rows (docs/nlp.md, "Into the analytics tables"):
 * {@code participant_meeting.sentiment_avg} and {@code key_topics_contributed} from the person's speaker and
 * chat labels, {@code meeting_timeline.sentiment_mean} and {@code topic_id}, and {@code meeting.topics} and
 * {@code action_items}. Every method is order-independent: inputs are sorted before anything is summed, so
 * every runner writes the same numbers whatever order a grouping hands them over in.
 */
public final class NlpColumns {
  private NlpColumns() {}

  /**
   * The NLP columns of one person, merged over their labels.
   *
   * @param sentimentAvg {@code Σ avg·sentimentWords / Σ sentimentWords} over labels with a sentiment; null when
   *     none has one
   * @param keyTopics labels of the topics where the person's words (summed over labels) reach the contributor
   *     rule, in topic id order
   */
  public record PersonNlp(Double sentimentAvg, int sentimentWords, List<String> keyTopics) {
    public PersonNlp {
      keyTopics = List.copyOf(keyTopics);
    }
  }

  /**
   * Merges the {@link PersonText} rows of the labels of one person (a person can speak under several labels
   * and chat under another name). The topic rule is applied again on the summed words: ≥ {@code
   * contributorShare} of the topic's words or ≥ {@code contributorWords} words (docs/metrics.md).
   */
  public static PersonNlp mergeLabels(List<PersonText> labels, TopicSettings settings) {
    List<PersonText> sorted = new ArrayList<>(labels);
    sorted.sort(Comparator.comparing(PersonText::speakerLabel, Comparator.nullsFirst(Comparator.naturalOrder())));
    double weighted = 0;
    int weight = 0;
    record Topic(String label, int[] words, int topicWords) {}
    Map<Integer, Topic> topics = new TreeMap<>();
    for (PersonText t : sorted) {
      int w = t.sentimentWords() == null ? 0 : t.sentimentWords();
      if (t.sentimentAvg() != null && w > 0) {
        weighted += t.sentimentAvg() * w;
        weight += w;
      }
      for (PersonTopicWords p : t.topicWords()) {
        if (p.topicId() == null || p.words() == null) {
          continue;
        }
        Topic topic = topics.computeIfAbsent(p.topicId(),
            id -> new Topic(p.label(), new int[1], p.topicWords() == null ? 0 : p.topicWords()));
        topic.words()[0] += p.words();
      }
    }
    List<String> key = new ArrayList<>();
    topics.values().forEach(t -> {
      int words = t.words()[0];
      if (words >= settings.contributorWords() || words >= settings.contributorShare() * t.topicWords()) {
        key.add(t.label());
      }
    });
    return new PersonNlp(weight == 0 ? null : Rounding.round6(weighted / weight), weight, key);
  }

  /**
   * A {@code participant_meeting} row with its NLP columns. Without any text of the person, {@code
   * sentiment_avg} stays null and {@code key_topics_contributed} is empty when the meeting had a transcript or
   * chat to contribute in ({@code words} or {@code chat_messages} not null), else null.
   */
  public static ParticipantMeeting participant(ParticipantMeeting row, List<PersonText> labels,
      TopicSettings settings) {
    boolean textPossible = row.words() != null || row.chatMessages() != null;
    if (labels.isEmpty()) {
      return row.withText(null, textPossible ? List.of() : null);
    }
    PersonNlp nlp = mergeLabels(labels, settings);
    return row.withText(nlp.sentimentAvg(), nlp.keyTopics());
  }

  /** A {@code meeting_timeline} minute with the minute's text sentiment and topic (null without text). */
  public static TimelineMinute minute(TimelineMinute row, TextMinute text) {
    if (text == null) {
      return row.withText(null, null);
    }
    return row.withText(text.sentimentMean(), text.topicId());
  }

  /**
   * A {@code meeting} row with {@code topics} (topic labels in topic id order) and {@code action_items} (in
   * time order, owners resolved with {@link #ownerKey}). Both are null when the meeting had no text at all
   * (no transcript and no chat: {@code questions} is null and nothing was found), otherwise lists, possibly
   * empty.
   */
  public static MeetingSummary meeting(MeetingSummary row, List<MeetingTopic> topics, List<ActionItemRow> items,
      List<LabelPerson> labels) {
    boolean text = row.questions() != null || !topics.isEmpty() || !items.isEmpty();
    if (!text) {
      return row.withText(null, null);
    }
    List<MeetingTopic> sortedTopics = new ArrayList<>(topics);
    sortedTopics.sort(Comparator.comparing(MeetingTopic::topicId));
    List<String> topicLabels = sortedTopics.stream().map(MeetingTopic::label).toList();
    Map<String, String> labelPeople = new TreeMap<>();
    labels.forEach(l -> labelPeople.put(l.speakerLabel(), l.participantKey()));
    List<ActionItemRow> sortedItems = new ArrayList<>(items);
    sortedItems.sort(Comparator.comparing(ActionItemRow::wallTime, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
        .thenComparing(ActionItemRow::offsetMs, Comparator.nullsLast(Comparator.<Long>naturalOrder()))
        .thenComparing(ActionItemRow::sourceFile, Comparator.nullsLast(Comparator.<String>naturalOrder()))
        .thenComparingLong(ActionItemRow::sourceLine)
        .thenComparing(ActionItemRow::text, Comparator.nullsLast(Comparator.<String>naturalOrder())));
    List<ActionItem> actionItems = new ArrayList<>(sortedItems.size());
    for (ActionItemRow item : sortedItems) {
      actionItems.add(item.toActionItem(ownerKey(item, labelPeople)));
    }
    return row.withText(actionItems, topicLabels);
  }

  /**
   * The participant key of an action item's owner, or null when it is not a participant of the meeting: the
   * speaker's person when the speaker committed themself; otherwise the person of the label that equals the
   * owner's name (ignoring case), or of the labels whose first word equals the name's first word when they
   * all belong to one person ("Dana" → "Dana Host"). Two people called Dana leave the owner unresolved.
   *
   * @param labelPeople speaker and chat sender label → participant key, for the item's meeting
   */
  public static String ownerKey(ActionItemRow item, Map<String, String> labelPeople) {
    if (Boolean.TRUE.equals(item.ownerIsSpeaker())) {
      return item.speakerLabel() == null ? null : labelPeople.get(item.speakerLabel());
    }
    String name = item.ownerName() == null ? "" : item.ownerName().strip().toLowerCase(Locale.ROOT);
    if (name.isEmpty()) {
      return null;
    }
    Set<String> exact = new HashSet<>();
    Set<String> byFirstWord = new HashSet<>();
    String firstWord = name.split("\\s+")[0];
    labelPeople.forEach((label, person) -> {
      String l = label.strip().toLowerCase(Locale.ROOT);
      if (l.equals(name)) {
        exact.add(person);
      }
      if (!l.isEmpty() && l.split("\\s+")[0].equals(firstWord)) {
        byFirstWord.add(person);
      }
    });
    if (exact.size() == 1) {
      return exact.iterator().next();
    }
    return exact.isEmpty() && byFirstWord.size() == 1 ? byFirstWord.iterator().next() : null;
  }
}
