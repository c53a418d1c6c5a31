package dev.meetscope.models.nlp.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.meetscope.models.analytics.LabelPerson;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NlpColumnsTest {
  private static final TopicSettings SETTINGS = TopicSettings.defaults(); // ≥ 15 % or ≥ 60 words

  static PersonText text(String label, Double avg, int sentimentWords, PersonTopicWords... topics) {
    int words = 0;
    for (PersonTopicWords t : topics) {
      words += t.words();
    }
    return new PersonText("m1", label, avg, sentimentWords, words, List.of(), List.of(topics), "1.0.0");
  }

  static PersonTopicWords topic(int id, int words, int topicWords) {
    return new PersonTopicWords(id, "topic " + id, words, topicWords);
  }

  static ParticipantMeeting person(Integer words, Integer chatMessages) {
    return new ParticipantMeeting("m1", "uid:A", "Ada Example", null, false, null, null, 3000L, 0.83, 1, 0,
        0L, 0L, 0.83, 600.0, 50.0, 4, words, 10.0, 60.0, 0, 1, 0, 0, chatMessages, 0, 0, 0, 0, null, "low",
        null, null, null, null, null, null, null, null, "exact", List.of(), 1.0, "1.0.0");
  }

  @Test
  void twoLabelsOfOnePersonMergeAsAWordWeightedMean() {
    // 0.8 over 30 words and 0.2 over 10 words: (24 + 2) / 40 = 0.65, not the plain mean 0.5.
    NlpColumns.PersonNlp nlp = NlpColumns.mergeLabels(
        List.of(text("Ada Example", 0.8, 30), text("Ada (iPhone)", 0.2, 10)), SETTINGS);
    assertEquals(0.65, nlp.sentimentAvg());
    assertEquals(40, nlp.sentimentWords());
  }

  @Test
  void aLabelWithoutSentimentAddsNoWeight() {
    NlpColumns.PersonNlp nlp = NlpColumns.mergeLabels(
        List.of(text("Ada Example", 0.7, 12), text("ada", null, 0)), SETTINGS);
    assertEquals(0.7, nlp.sentimentAvg());
    assertNull(NlpColumns.mergeLabels(List.of(text("ada", null, 0)), SETTINGS).sentimentAvg());
  }

  @Test
  void theContributionRuleIsAppliedAgainOnTheSummedWords() {
    // Topic 1 has 1,000 words: 40 + 30 words are under 15 % each time, but 70 ≥ 60 words together.
    // Topic 2 has 200 words: 20 + 15 = 35 words = 17.5 % ≥ 15 % together, not apart.
    // Topic 3 has 1,000 words: 10 words are nothing.
    List<PersonText> labels = List.of(
        text("Ada Example", 0.6, 10, topic(1, 40, 1000), topic(2, 20, 200), topic(3, 10, 1000)),
        text("Ada (iPhone)", 0.6, 10, topic(1, 30, 1000), topic(2, 15, 200)));
    assertEquals(List.of(), NlpColumns.mergeLabels(labels.subList(0, 1), SETTINGS).keyTopics());
    assertEquals(List.of("topic 1", "topic 2"), NlpColumns.mergeLabels(labels, SETTINGS).keyTopics());
  }

  @Test
  void theResultDoesNotDependOnTheOrderOfTheLabels() {
    List<PersonText> labels = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      labels.add(text("label " + i, 0.1 + i * 0.113, 3 + i * 7, topic(1 + i % 3, 10 + i, 300)));
    }
    NlpColumns.PersonNlp first = NlpColumns.mergeLabels(labels, SETTINGS);
    Collections.reverse(labels);
    assertEquals(first, NlpColumns.mergeLabels(labels, SETTINGS));
    Collections.swap(labels, 0, 3);
    assertEquals(first, NlpColumns.mergeLabels(labels, SETTINGS));
  }

  @Test
  void aPersonWithoutTextGetsNoSentimentAndNoTopicsOnlyWhenThereWasTextToContributeTo() {
    ParticipantMeeting silent = NlpColumns.participant(person(0, 0), List.of(), SETTINGS);
    assertNull(silent.sentimentAvg());
    assertEquals(List.of(), silent.keyTopicsContributed());
    ParticipantMeeting noTranscriptNoChat = NlpColumns.participant(person(null, null), List.of(), SETTINGS);
    assertNull(noTranscriptNoChat.keyTopicsContributed());

    ParticipantMeeting speaker = NlpColumns.participant(person(120, 0),
        List.of(text("Ada Example", 0.75, 80, topic(1, 90, 400))), SETTINGS);
    assertEquals(0.75, speaker.sentimentAvg());
    assertEquals(List.of("topic 1"), speaker.keyTopicsContributed());
    assertEquals(person(120, 0).withText(0.75, List.of("topic 1")), speaker);
  }

  @Test
  void aTimelineMinuteTakesTheMinutesSentimentAndTopic() {
    TimelineMinute minute = new TimelineMinute("m1", 3, null, 4, 0, 0, 2, 41.5, 1, 0, 1, null, null, null, "1.0.0");
    TimelineMinute joined = NlpColumns.minute(minute, new TextMinute("m1", 3, null, 0.62, 55, 2));
    assertEquals(0.62, joined.sentimentMean());
    assertEquals(2, joined.topicId());
    assertEquals(minute.talkSeconds(), joined.talkSeconds());
    assertEquals(minute, NlpColumns.minute(minute, null));
  }

  static MeetingSummary meeting(Integer questions) {
    return new MeetingSummary("m1", "812", "Weekly", Instant.parse("2026-03-02T15:00:00Z"), null, 3600L,
        "manifest/report", 3, 3, 0, 0.9, 1200.0, null, 0.1, 0.9, 0.0, List.of(), 0, questions, null, 4, List.of(),
        null, null, null, null, null, null, List.of(), 1.0, "1.0.0");
  }

  static ActionItemRow item(long line, String speaker, String owner, boolean self, String due, String at) {
    return new ActionItemRow("m1", "utterance", "t.vtt", line, speaker, at == null ? null : Instant.parse(at),
        line * 1000, "text " + line, "task " + line, owner, self, due, owner != null && due != null,
        self ? "self" : "request", "1.0.0");
  }

  @Test
  void theMeetingRowGetsTopicLabelsInIdOrderAndActionItemsInTimeOrderWithOwnersResolved() {
    List<MeetingTopic> topics = List.of(
        new MeetingTopic("m1", 2, "hiring, offer", List.of(), 10, 0.4, 1, List.of(), List.of(), "1.0.0"),
        new MeetingTopic("m1", 1, "budget, forecast", List.of(), 15, 0.6, 2, List.of(), List.of(), "1.0.0"));
    List<ActionItemRow> items = List.of(
        item(9, "Ada Example", "Dana", false, "by Friday", "2026-03-02T15:09:00Z"),
        item(4, "Dana Host", "Dana Host", true, null, "2026-03-02T15:04:00Z"),
        item(12, "Dana Host", null, false, null, "2026-03-02T15:12:00Z"));
    List<LabelPerson> labels = List.of(new LabelPerson("m1", "Dana Host", "uid:D"),
        new LabelPerson("m1", "Ada Example", "uid:A"));
    MeetingSummary joined = NlpColumns.meeting(meeting(5), topics, items, labels);
    assertEquals(List.of("budget, forecast", "hiring, offer"), joined.topics());
    assertEquals(List.of(
        new ActionItem("text 4", "uid:D", "Dana Host", null, false, Instant.parse("2026-03-02T15:04:00Z")),
        new ActionItem("text 9", "uid:D", "Dana", "by Friday", true, Instant.parse("2026-03-02T15:09:00Z")),
        new ActionItem("text 12", null, null, null, false, Instant.parse("2026-03-02T15:12:00Z"))),
        joined.actionItems());
    assertEquals(meeting(5).participants(), joined.participants());
  }

  @Test
  void aMeetingWithTextButNothingFoundHasEmptyListsAndOneWithoutTextNulls() {
    MeetingSummary quiet = NlpColumns.meeting(meeting(0), List.of(), List.of(), List.of());
    assertEquals(List.of(), quiet.topics());
    assertEquals(List.of(), quiet.actionItems());
    MeetingSummary noText = NlpColumns.meeting(meeting(null), List.of(), List.of(), List.of());
    assertNull(noText.topics());
    assertNull(noText.actionItems());
  }

  @Test
  void anOwnerNameResolvesOnlyWhenItPointsAtOnePerson() {
    Map<String, String> labels = Map.of("Dana Host", "uid:D", "Dana (phone)", "uid:D", "Lee Park", "uid:L",
        "Lee Chen", "uid:C", "Sam", "uid:S");
    assertEquals("uid:D", NlpColumns.ownerKey(item(1, "Sam", "Dana", false, null, null), labels));
    assertEquals("uid:D", NlpColumns.ownerKey(item(1, "Sam", "dana host", false, null, null), labels));
    assertEquals("uid:L", NlpColumns.ownerKey(item(1, "Sam", "Lee Park", false, null, null), labels));
    assertNull(NlpColumns.ownerKey(item(1, "Sam", "Lee", false, null, null), labels), "two people called Lee");
    assertNull(NlpColumns.ownerKey(item(1, "Sam", "Morgan", false, null, null), labels), "not a participant");
    assertEquals("uid:S", NlpColumns.ownerKey(item(1, "Sam", "Sam", true, null, null), labels));
    assertNull(NlpColumns.ownerKey(item(1, "Sam", null, false, null, null), labels));
  }
}
