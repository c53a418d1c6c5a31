package dev.meetscope.models.parse.vtt;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cue timing line {@code HH:MM:SS.mmm --> HH:MM:SS.mmm}: 1–2 digit hours, 3-digit milliseconds, cue
 * settings after the end time tolerated and ignored (zoom-formats.md §1.1, §6 #13).
 */
record VttTiming(long startMs, long endMs) {
  private static final String TIME = "(\\d{1,2}):([0-5]\\d):([0-5]\\d)\\.(\\d{3})";
  private static final Pattern LINE =
      Pattern.compile("^" + TIME + "[ \\t]+-->[ \\t]+" + TIME + "(?:[ \\t]+.*)?$");
  /** Something that starts like a timestamp, so a malformed timing line is not mistaken for a cue id. */
  private static final Pattern TIMING_LIKE = Pattern.compile("^\\d{1,2}:\\d.*|.*-->.*|.*\\d:\\d+\\s*->.*");

  /** The parsed timing, or null when the line is not a well-formed timing line. */
  static VttTiming parse(String line) {
    Matcher m = LINE.matcher(line.strip());
    if (!m.matches()) {
      return null;
    }
    return new VttTiming(millis(m, 1), millis(m, 5));
  }

  static boolean looksLikeTiming(String line) {
    return TIMING_LIKE.matcher(line.strip()).matches();
  }

  private static long millis(Matcher m, int group) {
    long h = Long.parseLong(m.group(group));
    long min = Long.parseLong(m.group(group + 1));
    long s = Long.parseLong(m.group(group + 2));
    long ms = Long.parseLong(m.group(group + 3));
    return ((h * 60 + min) * 60 + s) * 1000 + ms;
  }
}
