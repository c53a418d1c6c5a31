package dev.meetscope.models.analytics.conversation;

import java.util.List;

/**
 * The transcript of a meeting attributed to people.
 *
 * @param cues attributed cues in time order
 * @param turns turns in time order, interruptions marked
 * @param unattributedMs speech that could not be attributed (leading speakerless cues, captions without
 *     speakers)
 * @param estimatedDurations some cue ends were estimated (local captions)
 */
public record Alignment(List<SpeechCue> cues, List<Turn> turns, long unattributedMs,
    boolean estimatedDurations) {
  public Alignment {
    cues = List.copyOf(cues);
    turns = List.copyOf(turns);
  }

  public static Alignment empty() {
    return new Alignment(List.of(), List.of(), 0, false);
  }

  public long totalTalkMs() {
    long total = 0;
    for (SpeechCue c : cues) {
      total += c.durationMs();
    }
    return total;
  }
}
