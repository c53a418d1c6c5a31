package dev.meetscope.models.record;

import java.nio.charset.StandardCharsets;

/**
 * A record (or a whole file) that could not be used, with everything needed to find and fix it.
 *
 * @param stage the pipeline stage that rejected it, e.g. {@code parse}
 * @param format the format the file was read as, or {@code unknown}
 * @param sourceLine 1-based line of the record's first line, null when a byte offset locates it instead
 * @param byteOffset byte offset, for binary or undecodable input
 * @param reason a stable upper-case code from zoom-formats.md §6, e.g. {@code VTT_BAD_TIMING}
 * @param message a human sentence saying what is wrong
 * @param rawText the offending input, truncated to {@link #MAX_RAW_BYTES} bytes of UTF-8
 */
public record DeadLetter(
    String meetingKey,
    String stage,
    String format,
    String sourceFile,
    Long sourceLine,
    Long byteOffset,
    String reason,
    String message,
    String rawText) {

  /** Raw text is kept up to 4 KiB so one bad file cannot bloat the dead-letter table. */
  public static final int MAX_RAW_BYTES = 4096;

  public DeadLetter {
    rawText = truncateUtf8(rawText, MAX_RAW_BYTES);
  }

  public DeadLetter withMeetingKey(String key) {
    return new DeadLetter(key, stage, format, sourceFile, sourceLine, byteOffset, reason, message,
        rawText);
  }

  public DeadLetter withRawText(String text) {
    return new DeadLetter(meetingKey, stage, format, sourceFile, sourceLine, byteOffset, reason,
        message, text);
  }

  /** Cuts {@code s} to at most {@code maxBytes} of UTF-8 without splitting a code point. */
  public static String truncateUtf8(String s, int maxBytes) {
    if (s == null) {
      return null;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= maxBytes) {
      return s;
    }
    int bytesSoFar = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytesSoFar + len > maxBytes) {
        break;
      }
      bytesSoFar += len;
      i += Character.charCount(cp);
    }
    return s.substring(0, i);
  }
}
