package dev.meetscope.models.record;

import java.time.Instant;
import java.util.List;

/**
 * A stretch of {@code crosstalk_segments}: cues of two or more speakers overlap, or three or more
 * interruptions fall within 30 s.
 *
 * @param start null when the meeting has no absolute time (e.g. a transcript without recording start)
 * @param startOffsetSeconds seconds since the meeting start
 * @param speakers participant keys of the people involved, sorted
 * @param kind {@code overlap}, {@code interruptions} or {@code interruptions+overlap}
 */
public record CrosstalkSegment(
    Instant start,
    Instant end,
    Double startOffsetSeconds,
    Double endOffsetSeconds,
    List<String> speakers,
    String kind) {

  public CrosstalkSegment {
    speakers = speakers == null ? List.of() : List.copyOf(speakers);
  }
}
