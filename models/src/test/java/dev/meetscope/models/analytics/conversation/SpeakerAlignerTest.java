package dev.meetscope.models.analytics.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.analytics.AnalyticsSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpeakerAlignerTest {
  private static final AnalyticsSettings SETTINGS = AnalyticsSettings.defaults();
  private static int line = 1;

  private static TimedCue cue(String who, long start, Long end, String text) {
    return new TimedCue(who, start, end, text, "t.vtt", line++);
  }

  /**
   * A speaks 0–3 s and ends with {@code aText}; B starts at {@code bStart} saying {@code bText}; A may
   * come back at 9 s.
   */
  @ParameterizedTest(name = "[{index}] A:''{0}'' B@{1}:''{2}'' → {3}")
  @CsvSource(delimiter = '|', value = {
      "so what I was thinking|3100|Wait, that is not right|true",
      "so what I was thinking|3300|Wait, that is not right|true",
      "so what I was thinking|3301|Wait, that is not right|false",
      "so what I was thinking|2500|Wait, that is not right|true",
      "so what I was thinking.|3100|Wait, that is not right|false",
      "is that clear?|2500|Wait, that is not right|false",
      "we could ship it!|3100|Wait, that is not right|false",
      "and then…|3100|Wait, that is not right|false",
      "so what I was thinking|3100|Yeah.|false",
      "so what I was thinking|3100|mm-hmm right|false",
      "so what I was thinking|3100|yeah yeah yeah yeah|true",
      "so what I was thinking|3100|Yeah I disagree|true"})
  void interruptionCases(String aText, long bStart, String bText, boolean interruption) {
    Alignment a = SpeakerAligner.align(
        List.of(cue("A", 0, 3000L, aText), cue("B", bStart, bStart + 2000, bText)), SETTINGS);
    assertEquals(2, a.turns().size());
    assertEquals(interruption, a.turns().get(1).interruption());
    assertEquals(interruption, a.turns().get(0).interrupted());
    assertFalse(a.turns().get(0).interruption());
  }

  @Test
  void aBackchannelCannotBeCutOff() {
    Alignment a = SpeakerAligner.align(List.of(
        cue("A", 0, 3000L, "so what I was thinking"),
        cue("B", 3000, 3500L, "mm-hmm"),
        cue("A", 3500, 6000L, "is that we could")), SETTINGS);
    assertEquals(3, a.turns().size());
    assertTrue(a.turns().get(1).backchannel());
    assertTrue(a.turns().stream().noneMatch(Turn::interruption));
  }

  @Test
  void continuationCuesBelongToThePreviousSpeakerAndLeadingOnesToNobody() {
    Alignment a = SpeakerAligner.align(List.of(
        cue(null, 0, 1000L, "and welcome back"),
        cue("A", 1000, 4000L, "Okay, so we're recording now."),
        cue(null, 4500, 7000L, "and the slides are shared as well."),
        cue("B", 8000, 9000L, "Great.")), SETTINGS);
    assertEquals(1000, a.unattributedMs());
    assertEquals(2, a.turns().size());
    Turn first = a.turns().get(0);
    assertEquals("A", first.personKey());
    assertEquals(2, first.cues());
    assertEquals(1000, first.startMs());
    assertEquals(7000, first.endMs());
    assertEquals(5500, first.talkMs());
    assertEquals(12, first.words());
    assertEquals(List.of(0, 0, 1), a.cues().stream().map(SpeechCue::turnIndex).toList());
    assertEquals(6500, a.totalTalkMs());
  }

  @Test
  void aLongSilenceSplitsOneSpeakersTurn() {
    Alignment a = SpeakerAligner.align(List.of(
        cue("A", 0, 1000L, "Let us do the exercise"),
        cue("A", 61_000, 62_000L, "Okay, time is up"),
        cue("A", 122_001, 123_000L, "Next one")), SETTINGS);
    // gaps: 60 s (kept), 60.001 s (split)
    assertEquals(2, a.turns().size());
    assertEquals(62_000, a.turns().get(0).spanMs());
  }

  @Test
  void localCaptionsGetEstimatedEnds() {
    Alignment a = SpeakerAligner.align(List.of(
        cue("A", 0, null, "one two three"),
        cue("B", 10_000, null, "hi"),
        cue("C", 10_500, null, "ok then")), SETTINGS);
    assertTrue(a.estimatedDurations());
    List<Long> ends = new ArrayList<>();
    a.cues().forEach(c -> ends.add(c.endMs()));
    // 3 words × 0.4 s; 1 s minimum cut at the next cue (0.5 s); 1 s minimum for the last
    assertEquals(List.of(1200L, 10_500L, 11_500L), ends);
  }
}
