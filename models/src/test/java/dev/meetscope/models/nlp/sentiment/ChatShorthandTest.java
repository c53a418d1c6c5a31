package dev.meetscope.models.nlp.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChatShorthandTest {
  @Test
  void shorthandBecomesPlainWords() {
    assertEquals(List.of("thanks"), ChatShorthand.expand("THX"));
    assertEquals(List.of("agreed"), ChatShorthand.expand("+1"));
    assertEquals(List.of("funny"), ChatShorthand.expand("lol"));
    assertEquals(List.of("no", "problem"), ChatShorthand.expand("np"));
    assertNull(ChatShorthand.expand("thanks"));
    assertNull(ChatShorthand.expand("forecast"));
  }

  @Test
  void emojiTokensAreRecognisedWithModifiers() {
    assertTrue(ChatShorthand.isEmojiToken("👍"));
    assertTrue(ChatShorthand.isEmojiToken("👍🏽"));
    assertTrue(ChatShorthand.isEmojiToken("❤️"));
    assertTrue(ChatShorthand.isEmojiToken("😂😂"));
    assertFalse(ChatShorthand.isEmojiToken("+1"));
    assertFalse(ChatShorthand.isEmojiToken("ok👍"));
    assertFalse(ChatShorthand.isEmojiToken("\uFE0F"));
  }

  @Test
  void emojiValuesFollowTheFiveClassScale() {
    assertEquals(List.of(0.75), ChatShorthand.emojiValues("👍🏻"));
    assertEquals(List.of(1.0), ChatShorthand.emojiValues("❤️"));
    assertEquals(List.of(0.75, 0.75), ChatShorthand.emojiValues("😂😂"));
    assertEquals(List.of(0.25), ChatShorthand.emojiValues("👎"));
    assertEquals(List.of(0.0), ChatShorthand.emojiValues("😡"));
    // not in the lexicon: no weight
    assertEquals(List.of(), ChatShorthand.emojiValues("🦄"));
    // a ZWJ sequence counts once, by its first pictograph
    assertEquals(List.of(0.75), ChatShorthand.emojiValues("👍\u200D🦄"));
  }
}
