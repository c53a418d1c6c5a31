package dev.meetscope.models.parse;

/**
 * Every input format Meetscope recognises, by content (never by extension). {@link #id()} is the value
 * written in {@code format} columns, metrics and {@code _METRICS.json}.
 */
public enum InputFormat {
  CLOUD_TRANSCRIPT("cloud_transcript"),
  CLOSED_CAPTION("closed_caption"),
  LOCAL_SAVED_CAPTIONS("local_saved_captions"),
  CLOUD_CHAT("cloud_chat"),
  LOCAL_SAVED_CHAT("local_saved_chat"),
  PARTICIPANT_CSV("participant_csv"),
  REPORT_API_JSON("report_api_json"),
  PAST_MEETING_API_JSON("past_meeting_api_json"),
  WEBHOOK_EVENTS("webhook_events"),
  MANIFEST("manifest"),
  /** Empty or whitespace-only: "no data", not an error (zoom-formats.md §6 #3). */
  EMPTY("empty"),
  /** Matches no format: the whole file becomes a dead letter. */
  UNKNOWN("unknown");

  private final String id;

  InputFormat(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
