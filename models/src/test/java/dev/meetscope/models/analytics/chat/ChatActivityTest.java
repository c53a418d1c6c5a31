package dev.meetscope.models.analytics.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChatActivityTest {
  @Test
  void thresholdsOnMessagesPerAttendedHour() {
    assertEquals("none", ChatActivity.classify(0, 3600L, 3600));
    assertEquals("low", ChatActivity.classify(1, 3600L, 3600));
    assertEquals("medium", ChatActivity.classify(2, 3600L, 3600));
    assertEquals("medium", ChatActivity.classify(5, 3600L, 3600));
    assertEquals("high", ChatActivity.classify(6, 3600L, 3600));
    // 3 messages in half an hour = 6 per hour
    assertEquals("high", ChatActivity.classify(3, 1800L, 7200));
    // no presence data: the meeting's length
    assertEquals("low", ChatActivity.classify(1, null, 7200));
    // at least one minute
    assertEquals("high", ChatActivity.classify(1, 10L, 3600));
  }
}
