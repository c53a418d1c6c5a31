package dev.meetscope.models.analytics.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.analytics.AnalyticsSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatThreaderTest {
  private static final AnalyticsSettings SETTINGS = AnalyticsSettings.defaults();

  private static TimedChat chat(String who, long seconds, String kind, String text, String snippet) {
    return new TimedChat(who, seconds * 1000, kind, false, text, snippet, "chat.txt", seconds);
  }

  @Test
  void repliesAndReactionsFindTheirParentBySnippetPrefix() {
    List<ChatItem> items = ChatThreader.thread(List.of(
        chat("ada", 0, "message", "Let’s keep mics muted unless speaking", null),
        chat("grace", 60, "reaction", "👍🏻", "Let’s keep mics mute..."),
        chat("lee", 100, "message", "Shall we take a break at ten?", null),
        chat("dana", 160, "reply", "Yes, ten minutes.", "Shall we take a brea..."),
        chat("lee", 165, "reaction", "👍", "Let’s keep mics mute…"),
        chat("grace", 170, "reaction_removed", "👍🏻", "Let’s keep mics mute…"),
        chat("ada", 180, "reply", "ok", "\"shall we take A BREA...\""),
        chat("dana", 190, "reply", "?", "nothing like this...")), SETTINGS);
    assertEquals(0, items.get(1).parentIndex());
    assertEquals("ada", items.get(1).parentPersonKey());
    assertEquals(2, items.get(3).parentIndex());
    assertEquals(0, items.get(4).parentIndex());
    assertEquals(0, items.get(5).parentIndex());
    // grace's reaction was removed, lee's stays
    assertEquals(1, items.get(0).reactionsReceived());
    assertEquals(2, items.get(6).parentIndex());
    assertEquals(-1, items.get(7).parentIndex());
    assertNull(items.get(7).parentPersonKey());
    assertEquals(List.of("parent_unresolved"), items.get(7).flags());
    assertTrue(items.get(2).question());
    assertFalse(items.get(1).question());
  }

  @Test
  void theMostRecentMatchWinsAndTheLookBackWindowEnds() {
    List<ChatItem> items = ChatThreader.thread(List.of(
        chat("ada", 0, "message", "Old message here", null),
        chat("ada", 10, "message", "Thanks for joining, all", null),
        chat("lee", 20, "message", "Thanks for joining everyone", null),
        chat("grace", 30, "reply", "likewise", "Thanks for joi..."),
        chat("grace", 3601, "reply", "late", "Old message...")), SETTINGS);
    assertEquals(2, items.get(3).parentIndex());
    assertEquals(-1, items.get(4).parentIndex());
  }

  @Test
  void privateMessagesAreNeverThreadedNorQuestions() {
    List<ChatItem> items = ChatThreader.thread(List.of(
        new TimedChat("ada", 0, "message", true, null, null, "chat.txt", 1),
        chat("lee", 5, "reply", "hm?", "anything...")), SETTINGS);
    assertFalse(items.get(0).question());
    assertFalse(items.get(0).isPublicMessage());
    assertEquals(-1, items.get(1).parentIndex());
  }

  @Test
  void snippetCleaning() {
    assertEquals("Let’s keep mics mute", ChatThreader.cleanSnippet("  \"Let’s keep mics mute...\" "));
    assertEquals("Shall we", ChatThreader.cleanSnippet("Shall  we …"));
    assertEquals("", ChatThreader.cleanSnippet(null));
  }
}
