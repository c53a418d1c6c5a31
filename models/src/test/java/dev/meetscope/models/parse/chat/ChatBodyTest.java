package dev.meetscope.models.parse.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Thread and reaction unflattening shared by both chat readers, and the name key used for matching. */
class ChatBodyTest {

  @Test
  void plainTextThatOnlyStartsLikeAReplyStaysAMessage() {
    assertEquals(new ChatBody("message", "Replying to \"x\" is what I meant", null),
        ChatBody.classify(List.of("Replying to \"x\" is what I meant")));
  }

  @Test
  void reactionLineFollowedByMoreTextIsAMessage() {
    assertEquals(new ChatBody("message", "Reacted to \"a\" with 👍\nand more", null),
        ChatBody.classify(List.of("Reacted to \"a\" with 👍", "and more")));
  }

  @Test
  void replyWithoutBlankSeparatorOrWithoutTextIsStillAReply() {
    assertEquals(new ChatBody("reply", "yes", "ok"), ChatBody.classify(List.of("Replying to \"ok\"", "yes")));
    assertEquals(new ChatBody("reply", "", "Shall we take a brea"),
        ChatBody.classify(List.of("Replying to \"Shall we take a brea...\"")));
  }

  @Test
  void onlyOneTrailingEllipsisIsRemovedFromTheSnippet() {
    assertEquals("wait....", ChatBody.snippet("wait......."));
    assertEquals("so…", ChatBody.snippet("so……"));
    assertEquals("short", ChatBody.snippet("short"));
  }

  @Test
  void multiCodePointEmojiIsKeptWhole() {
    assertEquals(new ChatBody("reaction", "👩🏽‍💻", "code"),
        ChatBody.classify(List.of("Reacted to \"code\" with 👩🏽‍💻")));
  }

  @Test
  void nameKeyIsNfcTrimmedCollapsedAndCaseFolded() {
    assertEquals("josé núñez", NameKey.of("  JOSE\u0301\u3000 Nu\u0301n\u0303ez\t"));
    assertEquals("strasse", NameKey.of("Straße"));
    assertEquals("山田 花子", NameKey.of("山田\u3000花子"));
  }
}
