package dev.meetscope.models.record;

/** Names of the time bases of zoom-formats.md §0, as written in the {@code time_base} columns. */
public final class TimeBase {
  /** Elapsed since the recording start (cloud transcript, CC, cloud chat). */
  public static final String RECORDING_OFFSET = "recording_offset";
  /** Wall clock of the saving machine, no zone (local saved chat and captions). */
  public static final String LOCAL_WALL_CLOCK = "local_wall_clock";
  /** Absolute UTC time (API, webhooks, anchored CSV times). */
  public static final String UTC = "utc";

  private TimeBase() {}
}
