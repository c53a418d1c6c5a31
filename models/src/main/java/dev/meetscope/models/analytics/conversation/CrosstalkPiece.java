package dev.meetscope.models.analytics.conversation;

import java.io.Serializable;
import java.util.List;

/**
 * A crosstalk segment on the meeting clock.
 *
 * @param speakers identity strings of the people involved, sorted
 * @param kind {@code overlap}, {@code interruptions} or {@code interruptions+overlap}
 */
public record CrosstalkPiece(long startMs, long endMs, List<String> speakers, String kind)
    implements Serializable {
  public CrosstalkPiece {
    speakers = List.copyOf(speakers);
  }

  public long lengthMs() {
    return Math.max(0, endMs - startMs);
  }
}
