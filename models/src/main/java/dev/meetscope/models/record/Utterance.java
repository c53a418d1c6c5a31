package dev.meetscope.models.record;

import java.time.Instant;
import java.util.List;

/**
 * One transcript cue or caption block.
 *
 * @param format the reader that produced it (see {@link dev.meetscope.models.parse.InputFormat})
 * @param cueId the cue number of a cloud transcript; null for captions
 * @param speakerLabel the display name as written in the file; null when the source has no speakers (CC)
 * @param speakerInferred true when a speakerless cue took the previous cue's speaker
 * @param timeBase {@link TimeBase#RECORDING_OFFSET} (cloud VTT) or {@link TimeBase#LOCAL_WALL_CLOCK}
 *     (local saved captions)
 * @param startMs recording offset, or milliseconds since local midnight of the first day (wraps add a day)
 * @param endMs end of the cue; null for local captions, which carry only a start
 * @param wallTime UTC start when the recording start (or local date and zone) is known, else null
 */
public record Utterance(
    String meetingKey,
    String sourceFile,
    long sourceLine,
    String format,
    Integer cueId,
    String speakerLabel,
    boolean speakerInferred,
    String timeBase,
    long startMs,
    Long endMs,
    Instant wallTime,
    String text,
    List<String> flags) {

  public Utterance {
    flags = flags == null ? List.of() : List.copyOf(flags);
  }

  public Utterance withMeetingKey(String key) {
    return new Utterance(key, sourceFile, sourceLine, format, cueId, speakerLabel, speakerInferred,
        timeBase, startMs, endMs, wallTime, text, flags);
  }

  public Utterance withWallTime(Instant wall) {
    return new Utterance(meetingKey, sourceFile, sourceLine, format, cueId, speakerLabel,
        speakerInferred, timeBase, startMs, endMs, wall, text, flags);
  }
}
