package dev.meetscope.models.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises a file's format from its content alone (zoom-formats.md §6 #4): a transcript saved as
 * {@code .txt} is still a transcript, and a {@code .csv} holding a chat is a chat. The file name is never
 * consulted.
 */
public final class FormatSniffer {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(JsonParser.Feature.ALLOW_COMMENTS, false);

  private static final Pattern VTT_TIMING =
      Pattern.compile("^\\d{1,2}:\\d{2}:\\d{2}[.,]\\d{3}\\s+-->\\s+\\d{1,2}:\\d{2}:\\d{2}[.,]\\d{3}.*");
  private static final Pattern CUE_ID = Pattern.compile("^\\d+$");
  private static final Pattern LOCAL_CAPTION_HEADER =
      Pattern.compile("^\\[[^\\]]+\\] \\d{1,2}:\\d{2}:\\d{2}(:.*)?$");
  /** zoom-formats.md §2.2: try the local saved-chat header first. */
  private static final Pattern LOCAL_CHAT_HEADER = Pattern.compile(
      "^(?:\\d{4}-\\d{2}-\\d{2} )?\\d{2}:\\d{2}:\\d{2}(?:\\t ?| )\\S+ +.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern CLOUD_CHAT_LINE = Pattern.compile("^\\d{2}:\\d{2}:\\d{2}\\t[^\\t]+:\\t.*");
  private static final Pattern LOCAL_TAB_SPACE = Pattern.compile("^\\d{2}:\\d{2}:\\d{2}\\t ");
  /** How many non-blank lines after a non-chat first line may still reveal a chat file. */
  private static final int CHAT_LOOK_AHEAD = 10;
  private static final Pattern HTTP_REQUEST_LINE =
      Pattern.compile("^(POST|PUT) \\S+ HTTP/\\d(\\.\\d)?$");

  private FormatSniffer() {}

  public static InputFormat sniff(String text) {
    SourceText source = new SourceText("", text);
    List<Line> lines = source.lines();
    String first = null;
    int firstIndex = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        first = lines.get(i).text().strip();
        firstIndex = i;
        break;
      }
    }
    if (first == null) {
      return InputFormat.EMPTY;
    }
    if (TextDecoding.looksBinary(source.text())) {
      return InputFormat.UNKNOWN;
    }
    if (first.equals("WEBVTT") || first.startsWith("WEBVTT ") || first.startsWith("WEBVTT\t")) {
      return isTranscriptVtt(lines) ? InputFormat.CLOUD_TRANSCRIPT : InputFormat.CLOSED_CAPTION;
    }
    if (HTTP_REQUEST_LINE.matcher(first).matches()) {
      return InputFormat.WEBHOOK_EVENTS;
    }
    // Before the JSON branch: a caption header "[Name] HH:MM:SS" also starts with '['.
    if (LOCAL_CAPTION_HEADER.matcher(first).matches()) {
      return InputFormat.LOCAL_SAVED_CAPTIONS;
    }
    if (first.startsWith("{") || first.startsWith("[")) {
      return sniffJson(source.text(), lines);
    }
    InputFormat chat = chatFormat(first);
    if (chat != null) {
      return chat;
    }
    if (looksLikeCsv(lines, firstIndex)) {
      return InputFormat.PARTICIPANT_CSV;
    }
    if (looksLikeHeaderlessVtt(lines)) {
      // Cue timings without the WEBVTT header: the VTT reader rejects it as VTT_NO_HEADER.
      return InputFormat.CLOUD_TRANSCRIPT;
    }
    // A chat file cut at the start begins with a continuation line: judge it by its first header.
    int checked = 0;
    for (int i = firstIndex + 1; i < lines.size() && checked < CHAT_LOOK_AHEAD; i++) {
      if (!lines.get(i).isBlank()) {
        checked++;
        InputFormat later = chatFormat(lines.get(i).text().strip());
        if (later != null) {
          return later;
        }
      }
    }
    return InputFormat.UNKNOWN;
  }

  /** Cloud or local chat by one (stripped) line, or null (zoom-formats.md §2). */
  private static InputFormat chatFormat(String line) {
    // Local A-dialect headers have a space after the TAB; cloud names never start with one, so a local
    // message holding ':<TAB>' is not taken for a cloud line.
    if (CLOUD_CHAT_LINE.matcher(line).matches() && !LOCAL_TAB_SPACE.matcher(line).find()) {
      return InputFormat.CLOUD_CHAT;
    }
    if (LOCAL_CHAT_HEADER.matcher(line).matches()) {
      return InputFormat.LOCAL_SAVED_CHAT;
    }
    return null;
  }

  private static boolean isTranscriptVtt(List<Line> lines) {
    for (int i = 0; i + 1 < lines.size(); i++) {
      String t = lines.get(i).text().strip();
      if (CUE_ID.matcher(t).matches() && VTT_TIMING.matcher(lines.get(i + 1).text().strip()).matches()) {
        return true;
      }
    }
    // No cue numbers: cloud CC (zoom-formats.md §1.2) unless cue text carries "Name: " speakers.
    int speakerLines = 0;
    int textLines = 0;
    boolean afterTiming = false;
    for (Line line : lines) {
      String t = line.text();
      if (VTT_TIMING.matcher(t.strip()).matches()) {
        afterTiming = true;
        continue;
      }
      if (afterTiming && !t.isBlank()) {
        textLines++;
        int colon = t.indexOf(": ");
        if (colon > 0 && colon <= 80) {
          speakerLines++;
        }
      }
      afterTiming = false;
    }
    return textLines > 0 && speakerLines * 2 > textLines;
  }

  private static boolean looksLikeHeaderlessVtt(List<Line> lines) {
    int limit = Math.min(lines.size(), 10);
    for (int i = 0; i < limit; i++) {
      if (VTT_TIMING.matcher(lines.get(i).text().strip()).matches()) {
        return true;
      }
    }
    return false;
  }

  private static InputFormat sniffJson(String text, List<Line> lines) {
    JsonNode node = tryParse(text);
    if (node == null) {
      // Perhaps NDJSON: judge by the first line.
      JsonNode firstLine = null;
      for (Line line : lines) {
        if (!line.isBlank()) {
          firstLine = tryParse(line.text());
          break;
        }
      }
      if (firstLine != null && isEvent(firstLine)) {
        return InputFormat.WEBHOOK_EVENTS;
      }
      // Broken JSON that starts like an event is still handed to the event reader, which dead-letters it.
      return text.contains("\"event\"") ? InputFormat.WEBHOOK_EVENTS : InputFormat.UNKNOWN;
    }
    if (node.isArray()) {
      if (node.size() > 0 && isEvent(node.get(0))) {
        return InputFormat.WEBHOOK_EVENTS;
      }
      // A JSON array of participant pages (zoom-formats.md §3.2-3.3).
      return node.size() > 0 && isParticipantsPage(node.get(0)) ? participantsFormat(node)
          : InputFormat.UNKNOWN;
    }
    if (isEvent(node)) {
      return InputFormat.WEBHOOK_EVENTS;
    }
    if (isParticipantsPage(node)) {
      return participantsFormat(List.of(node));
    }
    if (isManifest(node)) {
      return InputFormat.MANIFEST;
    }
    return InputFormat.UNKNOWN;
  }

  /** A webhook event, or a relay envelope {@code {"request_id":…, "body":{…event…}}}. */
  static boolean isEvent(JsonNode node) {
    if (node == null || !node.isObject()) {
      return false;
    }
    if (node.has("event") && node.get("event").isTextual()) {
      return true;
    }
    JsonNode body = node.get("body");
    return body != null && body.isObject() && body.has("event");
  }

  private static boolean isParticipantsPage(JsonNode node) {
    return node.isObject() && node.has("participants") && node.get("participants").isArray();
  }

  /** Past-meeting rows carry {@code internal_user}; Report API rows do not. */
  private static InputFormat participantsFormat(Iterable<JsonNode> pages) {
    for (JsonNode page : pages) {
      for (JsonNode p : page.path("participants")) {
        if (p.has("internal_user")) {
          return InputFormat.PAST_MEETING_API_JSON;
        }
      }
    }
    return InputFormat.REPORT_API_JSON;
  }

  private static boolean isManifest(JsonNode node) {
    if (!node.isObject()) {
      return false;
    }
    for (String key : List.of("meeting_id", "uuid", "topic", "time_zone", "timezone",
        "scheduled_start", "recording_start", "host_email", "host_name")) {
      if (node.has(key)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode tryParse(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      return null;
    }
  }

  private static boolean looksLikeCsv(List<Line> lines, int firstIndex) {
    int checked = 0;
    int withCommas = 0;
    boolean nameHeader = false;
    for (int i = firstIndex; i < lines.size() && checked < 12; i++) {
      String t = lines.get(i).text();
      if (t.isBlank()) {
        continue;
      }
      checked++;
      if (t.chars().filter(c -> c == ',').count() >= 2) {
        withCommas++;
      }
      String lower = t.toLowerCase(Locale.ROOT);
      if (lower.contains("name (original name)") || lower.contains("user email")
          || lower.startsWith("meeting id,") || lower.startsWith("topic,")) {
        nameHeader = true;
      }
    }
    return nameHeader || (checked >= 2 && withCommas == checked);
  }
}
