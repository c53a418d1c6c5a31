package dev.meetscope.transforms.zoomapi;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Names in the landing folder: one folder per occurrence, recording files under Zoom's own download names
 * (zoom-formats.md §1.1, §1.2, §2.1) so a rerun finds them again without asking Zoom.
 */
public final class LandingLayout {
  public static final String MANIFEST = "meeting.json";
  public static final String REPORT_PAGE_PREFIX = "report_participants_page";
  public static final String PAST_PAGE_PREFIX = "past_participants_page";
  public static final String PULL_REPORT = "_pull_report.json";

  private static final DateTimeFormatter FOLDER_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter GMT =
      DateTimeFormatter.ofPattern("'GMT'uuuuMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private LandingLayout() {}

  /**
   * {@code <start UTC>_<meeting id>_<uuid as base64url without padding>}: sortable by time, unique per UUID
   * ({@code +}→{@code -}, {@code /}→{@code _} is one-to-one on base64), and free of glob and path characters.
   */
  public static String folder(MeetingOccurrence m) {
    String start = m.startTime() == null ? "unknown" : FOLDER_TIME.format(m.startTime());
    String id = m.meetingId() == null ? "0" : m.meetingId().replaceAll("[^0-9A-Za-z]", "");
    return start + "_" + id + "_" + safeUuid(m.uuid());
  }

  static String safeUuid(String uuid) {
    StringBuilder sb = new StringBuilder();
    for (char c : uuid.toCharArray()) {
      if (c == '+') {
        sb.append('-');
      } else if (c == '/') {
        sb.append('_');
      } else if (c == '=') {
        continue;
      } else if ((c < 128 && Character.isLetterOrDigit(c)) || c == '-' || c == '_') {
        sb.append(c);
      } else {
        sb.append(String.format(Locale.ROOT, "~%02X", (int) c));
      }
    }
    return sb.toString();
  }

  /** 1-based page file name: {@code report_participants_page1.json}. */
  public static String page(String prefix, int n) {
    return prefix + n + ".json";
  }

  /** Zoom's download name for a file type, or null for types the pull does not fetch. */
  public static String recordingFileName(String fileType, Instant recordingStart) {
    String stamp = recordingStart == null ? "GMT00000000-000000" : GMT.format(recordingStart);
    return switch (fileType == null ? "" : fileType.toUpperCase(Locale.ROOT)) {
      case "TRANSCRIPT" -> stamp + "_Recording.transcript.vtt";
      case "CC" -> stamp + "_Recording.cc.vtt";
      case "CHAT" -> stamp + "_RecordingnewChat.txt";
      default -> null;
    };
  }
}
