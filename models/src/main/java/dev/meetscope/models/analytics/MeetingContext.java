package dev.meetscope.models.analytics;

import dev.meetscope.models.analytics.conversation.CrosstalkPiece;
import java.io.Serializable;
import java.util.List;

/**
 * What every per-person computation and the final extraction of a meeting need to know about the meeting
 * (small: a Beam side input).
 *
 * @param attendanceAvailable a participant report or webhook join/leave events exist
 * @param transcriptAvailable a transcript with speaker labels exists
 * @param transcriptQuality 1, or 0.5 when the recording start was assumed or cue ends were estimated
 * @param chatAvailable a chat file exists (even if it holds no message)
 * @param totalTalkMs talk attributed to people, the denominator of {@code speaking_pct}
 * @param labelMatchShare share of transcript and chat labels matched to a roster person (1 with no label)
 * @param crosstalk the meeting's crosstalk segments
 * @param interruptions interruptions in the transcript
 * @param flags meeting-level flags (e.g. {@code recording_start_assumed}, {@code host_unknown})
 */
public record MeetingContext(
    String meetingKey,
    String meetingId,
    String topic,
    MeetingSpan span,
    boolean attendanceAvailable,
    boolean transcriptAvailable,
    double transcriptQuality,
    boolean chatAvailable,
    long totalTalkMs,
    double labelMatchShare,
    List<CrosstalkPiece> crosstalk,
    int interruptions,
    AnalyticsSettings settings,
    List<String> flags) implements Serializable {

  public MeetingContext {
    crosstalk = crosstalk == null ? List.of() : List.copyOf(crosstalk);
    flags = flags == null ? List.of() : List.copyOf(flags);
  }
}
