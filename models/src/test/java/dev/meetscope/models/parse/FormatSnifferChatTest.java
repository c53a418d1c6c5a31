package dev.meetscope.models.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cloud vs local chat detection on one sample of every chat dialect (zoom-formats.md §2). */
class FormatSnifferChatTest {

  @ParameterizedTest(name = "cloud: {0}")
  @ValueSource(strings = {
      "00:05:16\tAda Example:\tLet’s keep mics muted unless speaking\r\n"
          + "00:12:02\tDr. Grace Sample:\tReacted to \"Let’s keep mics mute...\" with 👍🏻\r\n",
      "00:59:20\tDana Host:\tReplying to \"Shall we take a brea...\"\r\r\n\r\nYes, ten minutes.\r\n",
      "00:00:03\tAda:\tone-word name\n",
      "00:01:00\tSam Tester (she/her) Example Lab / example.org:\ta\tmessage\twith tabs",
      "\uFEFF00:05:16\tAda Example:\thi\r\n",
      // A cloud sender called "From Ada" still has no space after the TAB.
      "01:02:03\tFrom Ada:\thello\n",
  })
  void cloudChat(String text) {
    assertEquals(InputFormat.CLOUD_CHAT, FormatSniffer.sniff(text));
  }

  @ParameterizedTest(name = "local {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "A     | ~09:01:53\t From  Ada Example : Is this recorded?\r\n~",
      "A'    | ~09:01:53\t From Ada Example : Is this recorded?\n~",
      "A-dm  | ~12:45:05\t From  Ada Example  to  Dana Host(Privately) : ok\r\n~",
      "A-dm2 | ~12:45:05\t From  Ada Example  to  Dana Host(Direct Message) : ok\r\n~",
      "A-loc | ~09:01:53\t De  Ada Example : ¿Se graba esto?\r\n~",
      "B     | ~09:59:25 From Dana Host to Everyone : Welcome\n~",
      "B'    | ~09:59:25 From Dana Host to Everyone:\tWelcome\n~",
      "C     | ~12:18:21 From  Ada Example  to  Everyone:\r\n\tsee the link\r\n\tand this one\r\n~",
      "C'    | ~12:18:21 From Ada Example to Everyone:\n\tsee the link\n~",
      "C-dm  | ~12:18:21 From  Ada Example  to  Dana Host(Direct Message):\r\n\tpsst\r\n~",
      "D     | ~12:20:00 From  Grace Sample  to  Everyone:\r\n\tReacted to \"see the link\" with 👍🏽\r\n~",
      "E     | ~2025-11-03 18:04:12 From Ada Example to Everyone:\n\thello\n\t\n~",
      "E-dm  | ~2025-11-03 18:04:12 From Ada Example to Grace Sample (direct message):\n\thello\n\t\n~",
      // A message holding ':<TAB>' still reads as local: local headers have a space after the TAB.
      "A-tab | ~09:01:53\t From  Ada Example : note:\tthis\r\n~",
      // The keyword is unknown, but the line is a local header: the reader dead-letters it.
      "Von   | ~09:01:53\t Von  Ada Example : hallo\r\n~",
      // A continuation line before the first header (a file cut at the start).
      "orphan| ~and the rest of a pasted message\r\n09:01:53\t From  Ada Example : hi\r\n~",
  })
  void localChat(String dialect, String text) {
    assertEquals(InputFormat.LOCAL_SAVED_CHAT, FormatSniffer.sniff(text), dialect);
  }

  @ParameterizedTest(name = "cloud orphan")
  @ValueSource(strings = {"a line cut from the previous message\n00:05:16\tAda Example:\thi\n"})
  void cloudChatAfterAnOrphanLine(String text) {
    assertEquals(InputFormat.CLOUD_CHAT, FormatSniffer.sniff(text));
  }

  @ParameterizedTest(name = "not chat: {0}")
  @ValueSource(strings = {
      "[Dana Host] 19:00:25\r\nHello!\r\n",
      "just a note\nwith no chat header at all\n",
  })
  void otherTextIsNotChat(String text) {
    InputFormat f = FormatSniffer.sniff(text);
    assertEquals(true, f != InputFormat.CLOUD_CHAT && f != InputFormat.LOCAL_SAVED_CHAT, f.id());
  }
}
