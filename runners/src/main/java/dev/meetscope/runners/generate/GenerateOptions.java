package dev.meetscope.runners.generate;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of {@code meetscope generate}; Beam-style so every command parses {@code --name=value} alike. */
public interface GenerateOptions extends PipelineOptions {
  @Description("Number of meeting occurrences (folders) to write.")
  @Default.Integer(10)
  int getMeetings();

  void setMeetings(int value);

  @Description("Participants per meeting, host included (1 to 50,000).")
  @Default.Integer(25)
  int getParticipants();

  void setParticipants(int value);

  @Description("Random seed: the same seed and options always write the same bytes.")
  @Default.Long(42)
  long getSeed();

  void setSeed(long value);

  @Description("Meeting length in minutes (5 to 600).")
  @Default.Integer(60)
  int getMinutes();

  void setMinutes(int value);

  @Description("Date of the first meeting, YYYY-MM-DD.")
  @Default.String("2026-03-02")
  String getFirstDate();

  void setFirstDate(String value);

  @Description("IANA time zone of the meetings' local times.")
  @Default.String("America/New_York")
  String getMeetingTimeZone();

  void setMeetingTimeZone(String value);

  @Description("Number of recurring meeting series the meetings cycle through.")
  @Default.Integer(3)
  int getRecurringSeries();

  void setRecurringSeries(int value);

  @Description("Folder to write the meeting folders into (created if missing).")
  @Default.String("generated")
  String getOutput();

  void setOutput(String value);
}
