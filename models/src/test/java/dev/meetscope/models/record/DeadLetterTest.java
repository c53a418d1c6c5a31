package dev.meetscope.models.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

  @Test
  void rawTextIsCutTo4KiBOfUtf8WithoutSplittingACodePoint() {
    String emoji = "👍🏻"; // two code points of 4 bytes each
    String raw = "x".repeat(4090) + emoji;
    DeadLetter dl = new DeadLetter("m", "parse", "f", "s", 1L, null, "R", "msg", raw);
    // The thumbs-up fits (4094 bytes); its skin-tone modifier would pass 4096 and is cut whole.
    assertEquals(4094, dl.rawText().getBytes(StandardCharsets.UTF_8).length);
    assertEquals("x".repeat(4090) + "👍", dl.rawText());
  }

  @Test
  void shortRawTextIsKeptAndNullStaysNull() {
    assertEquals("abc", new DeadLetter("m", "p", "f", "s", 1L, null, "R", "m", "abc").rawText());
    assertNull(new DeadLetter("m", "p", "f", "s", 1L, null, "R", "m", null).rawText());
  }

  @Test
  void exactly4KiBIsNotCut() {
    String raw = "é".repeat(2048); // 4096 bytes
    assertEquals(raw, DeadLetter.truncateUtf8(raw, 4096));
    assertEquals(2047, DeadLetter.truncateUtf8(raw + "a", 4095).length());
  }
}
