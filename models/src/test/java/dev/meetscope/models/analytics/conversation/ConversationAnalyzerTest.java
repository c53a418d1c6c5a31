package dev.meetscope.models.analytics.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.analytics.chat.ChatItem;
import dev.meetscope.models.analytics.chat.ChatThreader;
import dev.meetscope.models.analytics.chat.TimedChat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationAnalyzerTest {
  private static final AnalyticsSettings SETTINGS = AnalyticsSettings.defaults();

  private static TimedCue cue(String who, long start, long end, String text) {
    return new TimedCue(who, start, end, text, "t.vtt", start);
  }

  private static TimedChat chat(String who, long t, String kind, String text, String snippet) {
    return new TimedChat(who, t, kind, false, text, snippet, "chat.txt", t);
  }

  @Test
  void questionsAreAnsweredByAnotherPersonWithinSixtySecondsOrByAThreadedReply() {
    Alignment alignment = SpeakerAligner.align(List.of(
        cue("A", 0, 2_000, "Any questions?"),
        cue("B", 30_000, 32_000, "Yes, one about the plan."),
        cue("A", 100_000, 102_000, "What about the budget?"),
        cue("A", 110_000, 115_000, "We will come back to it."),
        cue("B", 170_000, 171_000, "Right."),
        cue("A", 630_000, 631_000, "Yes, it is.")), SETTINGS);
    List<ChatItem> chats = ChatThreader.thread(List.of(
        chat("C", 200_000, "message", "Can we get the slides?", null),
        chat("D", 500_000, "reply", "Sure, sending now", "Can we get the sli..."),
        chat("C", 600_000, "message", "Is this recorded?", null),
        chat("C", 700_000, "message", "Where is the link?", null),
        chat("C", 710_000, "message", "found it", null)), SETTINGS);
    Conversation c = ConversationAnalyzer.analyze(alignment, chats, SETTINGS);

    List<SpeechCue> questions = c.cues().stream().filter(SpeechCue::question).toList();
    assertEquals(2, questions.size());
    assertEquals(true, questions.get(0).answered());   // B's turn 28 s after the end
    assertEquals(false, questions.get(1).answered());  // A goes on; B only 68 s after the end
    List<ChatItem> chatQuestions = c.chats().stream().filter(ChatItem::question).toList();
    assertEquals(3, chatQuestions.size());
    assertEquals(true, chatQuestions.get(0).answered());  // threaded reply 300 s later
    assertEquals(true, chatQuestions.get(1).answered());  // A speaks 30 s later
    assertEquals(false, chatQuestions.get(2).answered()); // only the asker follows up
  }

  @Test
  void overlappingCuesOfSeveralSpeakersAreCrosstalk() {
    Alignment alignment = SpeakerAligner.align(List.of(
        cue("A", 0, 5_000, "so the plan is"),
        cue("B", 3_000, 8_000, "but what about"),
        cue("C", 4_000, 6_000, "I think"),
        cue("A", 8_000, 9_000, "Fine."),
        cue("B", 20_000, 21_000, "Next."),
        cue("A", 21_000, 22_000, "Sure.")), SETTINGS);
    List<CrosstalkPiece> pieces = ConversationAnalyzer.crosstalk(alignment, SETTINGS);
    // [3,4) A+B, [4,5) A+B+C, [5,6) B+C merge; touching cues at 8 s and 21 s do not overlap
    assertEquals(List.of(new CrosstalkPiece(3_000, 6_000, List.of("A", "B", "C"), "overlap")), pieces);
  }

  private static Turn turn(String who, long start, boolean interruption) {
    return new Turn(who, start, start + 1000, 1, 5, 1000, false, false, interruption, false);
  }

  @Test
  void threeInterruptionsWithinThirtySecondsAreCrosstalk() {
    List<Turn> turns = List.of(
        turn("A", 90_000, false),
        turn("B", 100_000, true),
        turn("A", 110_000, true),
        turn("C", 125_000, true),
        turn("A", 140_000, true),
        turn("B", 300_000, true),
        turn("A", 400_000, false));
    List<CrosstalkPiece> bursts = ConversationAnalyzer.bursts(turns, SETTINGS);
    // windows 100–125 s (25 s) and 110–140 s (30 s) qualify; 125–300 s does not
    assertEquals(2, bursts.size());
    List<CrosstalkPiece> merged = ConversationAnalyzer.merge(bursts);
    assertEquals(List.of(new CrosstalkPiece(100_000, 140_000, List.of("A", "B", "C"), "interruptions")),
        merged);
  }

  @Test
  void overlapAndBurstSegmentsMergeWithBothKinds() {
    List<CrosstalkPiece> merged = ConversationAnalyzer.merge(List.of(
        new CrosstalkPiece(100_000, 125_000, List.of("A", "B"), "interruptions"),
        new CrosstalkPiece(120_000, 130_000, List.of("B", "C"), "overlap"),
        new CrosstalkPiece(200_000, 201_000, List.of("A", "C"), "overlap")));
    assertEquals(List.of(
        new CrosstalkPiece(100_000, 130_000, List.of("A", "B", "C"), "interruptions+overlap"),
        new CrosstalkPiece(200_000, 201_000, List.of("A", "C"), "overlap")), merged);
  }
}
