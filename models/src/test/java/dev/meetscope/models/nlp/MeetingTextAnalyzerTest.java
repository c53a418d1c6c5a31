package dev.meetscope.models.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.meetscope.models.nlp.topics.TopicSettings;
import dev.meetscope.models.record.MeetingTopic;
import dev.meetscope.models.record.PersonText;
import dev.meetscope.models.record.TextMinute;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeetingTextAnalyzerTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final List<String> BUDGET = List.of("forecast", "variance", "invoice", "forecast");
  private static final List<String> HIRING = List.of("candidate", "recruiter", "scorecard", "candidate");

  @Test
  void bridgesGapsOnlyBetweenTheSameTopic() {
    assertArrayEquals(new int[] {0, 0, 0, 1, -1, 0, -1},
        MeetingTextAnalyzer.bridge(new int[] {0, -1, 0, 1, -1, 0, -1}));
  }

  @Test
  void topicsPeopleAndMinutes() {
    List<TextUnit> units = new ArrayList<>();
    // minutes 0–3 budget (Ada), 4–5 nothing much, 6–9 hiring (Grace), chat from Lee in minute 8
    for (int m = 0; m < 4; m++) {
      units.add(new TextUnit("Ada Example", T0 + m * 60_000L + 5_000, 20, 0.75, 20, BUDGET));
    }
    units.add(new TextUnit("Ada Example", T0 + 4 * 60_000L, 2, null, 0, List.of("um")));
    for (int m = 6; m < 10; m++) {
      units.add(new TextUnit("Grace Sample", T0 + m * 60_000L + 1_000, 30, 0.25, 30, HIRING));
    }
    units.add(new TextUnit("Lee Placeholder", T0 + 8 * 60_000L + 30_000, 10, 1.0, 10, List.of("candidate")));
    units.add(new TextUnit("Lee Placeholder", null, 5, 0.5, 10, List.of()));
    units.add(new TextUnit(null, T0 + 9 * 60_000L, 4, 0.5, 4, List.of()));

    MeetingTextResult r = MeetingTextAnalyzer.analyze("m1", units, new TextClock(T0, 10, true),
        TopicSettings.defaults());

    assertEquals(2, r.topics().size());
    MeetingTopic budget = r.topics().get(0);
    assertEquals(1, budget.topicId());
    assertEquals("forecast, invoice, variance", budget.label());
    assertEquals(80, budget.words());
    // 80 of 80 + 2 + 120 + 10 + 4 = 216 timed words
    assertEquals(Math.round(80.0 / 216 * 1e6) / 1e6, budget.wordShare());
    assertEquals(1, budget.timeRanges().size());
    assertEquals(0.0, budget.timeRanges().get(0).startSeconds());
    assertEquals(240.0, budget.timeRanges().get(0).endSeconds());
    assertEquals(Instant.ofEpochMilli(T0 + 240_000), budget.timeRanges().get(0).end());

    MeetingTopic hiring = r.topics().get(1);
    assertEquals(2, hiring.topicId());
    assertEquals(120 + 10 + 4, hiring.words());
    assertEquals("Grace Sample", hiring.contributors().get(0).speakerLabel());
    assertEquals(120, hiring.contributors().get(0).words());
    assertEquals("Lee Placeholder", hiring.contributors().get(1).speakerLabel());

    PersonText lee = r.people().stream().filter(p -> p.speakerLabel().equals("Lee Placeholder")).findFirst()
        .orElseThrow();
    assertEquals((1.0 * 10 + 0.5 * 10) / 20, lee.sentimentAvg());
    assertEquals(20, lee.sentimentWords());
    assertEquals(10, lee.words());
    assertEquals(List.of(), lee.keyTopicsContributed(), "10 of 134 words is under 15 % and 60 words");
    PersonText grace = r.people().stream().filter(p -> p.speakerLabel().equals("Grace Sample")).findFirst()
        .orElseThrow();
    assertEquals(List.of(hiring.label()), grace.keyTopicsContributed());
    assertEquals(0.25, grace.sentimentAvg());
    assertEquals(3, r.people().size(), "no row for the speakerless caption");

    assertEquals(10, r.minutes().size());
    TextMinute m0 = r.minutes().get(0);
    assertEquals(0.75, m0.sentimentMean());
    assertEquals(1, m0.topicId());
    assertEquals(Instant.ofEpochMilli(T0), m0.minuteStart());
    assertNull(r.minutes().get(4).topicId(), "minutes 4–5: a segment with too little text");
    assertNull(r.minutes().get(4).sentimentMean());
    assertEquals(2, r.minutes().get(6).topicId());
    TextMinute m8 = r.minutes().get(8);
    assertEquals((0.25 * 30 + 1.0 * 10) / 40, m8.sentimentMean());
    assertEquals(40, m8.sentimentWords());
  }

  @Test
  void namesOfSpeakersAreNoTopicTerms() {
    List<TextUnit> units = new ArrayList<>();
    for (int m = 0; m < 3; m++) {
      units.add(new TextUnit("Dana Host", T0 + m * 60_000L, 10, 0.5, 10, List.of("grace", "grace", "budget")));
      units.add(new TextUnit("Grace Sample", T0 + m * 60_000L, 10, 0.5, 10, List.of("forecast", "budget")));
    }
    MeetingTextResult r = MeetingTextAnalyzer.analyze("m1", units, new TextClock(T0, null, false),
        TopicSettings.defaults().withSegmentSeconds(60));
    assertEquals(1, r.topics().size());
    assertEquals(List.of("budget", "forecast"), r.topics().get(0).keywords());
    assertNull(r.topics().get(0).timeRanges().get(0).start(), "synthetic clock: no absolute times");
    assertEquals(3, r.minutes().size());
  }
}
