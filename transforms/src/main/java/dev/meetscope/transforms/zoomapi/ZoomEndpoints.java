package dev.meetscope.transforms.zoomapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Zoom endpoints the nightly pull uses, each paginated with {@code next_page_token} at
 * {@code page_size=300} until the token comes back empty (zoom-formats.md §3.5).
 */
public final class ZoomEndpoints {
  public static final int PAGE_SIZE = 300;
  /** A safety stop against a server that never ends pagination. */
  static final int MAX_PAGES = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One user of the account. */
  public record ZoomUser(String id, String email, String timeZone) {}

  /** A listed recording: its files plus the meeting's time zone. */
  public record Recording(String timeZone, List<RecordingFile> files) {}

  private final ZoomApiClient client;

  public ZoomEndpoints(ZoomApiClient client) {
    this.client = client;
  }

  /** {@code GET /users?status=active} (scope {@code user:read:admin}, Medium). */
  public List<ZoomUser> activeUsers() throws IOException {
    List<ZoomUser> users = new ArrayList<>();
    for (byte[] page : pages("/users", ZoomPaths.params("status", "active"))) {
      for (JsonNode u : JSON.readTree(page).path("users")) {
        users.add(new ZoomUser(u.path("id").asText(), text(u, "email"), text(u, "timezone")));
      }
    }
    return users;
  }

  /**
   * {@code GET /report/users/{userId}/meetings?type=past&from&to} (scope {@code report:read:admin}, Heavy):
   * meetings the user hosted with at least two participants.
   */
  public List<MeetingOccurrence> reportMeetings(ZoomUser user, LocalDate from, LocalDate to)
      throws IOException {
    List<MeetingOccurrence> out = new ArrayList<>();
    String path = "/report/users/" + ZoomPaths.encode(user.id()) + "/meetings";
    for (byte[] page : pages(path, ZoomPaths.params("type", "past", "from", from.toString(),
        "to", to.toString()))) {
      for (JsonNode m : JSON.readTree(page).path("meetings")) {
        out.add(occurrence(m, user, text(m, "user_email")));
      }
    }
    return out;
  }

  /**
   * {@code GET /users/{userId}/recordings?from&to} (scope {@code recording:read:admin}, Medium): the
   * listing used when the app has no report scope; it only knows meetings with a cloud recording.
   */
  public List<MeetingOccurrence> recordedMeetings(ZoomUser user, LocalDate from, LocalDate to)
      throws IOException {
    List<MeetingOccurrence> out = new ArrayList<>();
    String path = "/users/" + ZoomPaths.encode(user.id()) + "/recordings";
    for (byte[] page : pages(path, ZoomPaths.params("from", from.toString(), "to", to.toString()))) {
      for (JsonNode m : JSON.readTree(page).path("meetings")) {
        out.add(occurrence(m, user, text(m, "host_email")));
      }
    }
    return out;
  }

  /** Raw participant pages of {@code /report/meetings/{uuid}/participants} (Heavy). */
  public List<byte[]> reportParticipantPages(String uuid) throws IOException {
    return pages("/report/meetings/" + ZoomPaths.meetingUuid(uuid) + "/participants",
        ZoomPaths.params("include_fields", "registrant_id"));
  }

  /** Raw participant pages of {@code /past_meetings/{uuid}/participants} (Medium). */
  public List<byte[]> pastMeetingParticipantPages(String uuid) throws IOException {
    return pages("/past_meetings/" + ZoomPaths.meetingUuid(uuid) + "/participants", Map.of());
  }

  /** {@code GET /meetings/{uuid}/recordings} (scope {@code recording:read:admin}, Light). */
  public Recording recordings(String uuid) throws IOException {
    JsonNode r = JSON.readTree(client.getBytes("/meetings/" + ZoomPaths.meetingUuid(uuid) + "/recordings"));
    List<RecordingFile> files = new ArrayList<>();
    for (JsonNode f : r.path("recording_files")) {
      files.add(new RecordingFile(text(f, "id"), text(f, "file_type"), instant(f, "recording_start"),
          f.hasNonNull("file_size") && f.get("file_size").canConvertToLong() ? f.get("file_size").asLong() : null,
          text(f, "download_url"), text(f, "status")));
    }
    return new Recording(text(r, "timezone"), files);
  }

  /** Every page of a paginated GET, raw bytes, in order. */
  List<byte[]> pages(String path, Map<String, String> params) throws IOException {
    List<byte[]> pages = new ArrayList<>();
    Set<String> seenTokens = new HashSet<>();
    String token = "";
    while (true) {
      Map<String, String> q = new LinkedHashMap<>(params);
      q.put("page_size", Integer.toString(PAGE_SIZE));
      q.put("next_page_token", token);
      byte[] page = client.getBytes(path + ZoomPaths.query(q));
      pages.add(page);
      String next = JSON.readTree(page).path("next_page_token").asText("");
      if (next.isEmpty()) {
        return pages;
      }
      if (!seenTokens.add(next) || pages.size() >= MAX_PAGES) {
        throw new IOException("Zoom pagination does not end for " + path + " (token repeated or "
            + MAX_PAGES + " pages)");
      }
      token = next;
    }
  }

  private static MeetingOccurrence occurrence(JsonNode m, ZoomUser host, String hostEmail) {
    Integer duration = m.hasNonNull("duration") && m.get("duration").canConvertToInt()
        ? m.get("duration").asInt() : null;
    return new MeetingOccurrence(text(m, "id") == null ? null : text(m, "id").replace(" ", ""),
        text(m, "uuid"), text(m, "topic"), host.id(), hostEmail != null ? hostEmail : host.email(),
        instant(m, "start_time"), instant(m, "end_time"), duration, host.timeZone());
  }

  static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    String s = v.asText();
    return s.isEmpty() ? null : s;
  }

  private static Instant instant(JsonNode n, String key) {
    String s = text(n, key);
    if (s == null) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
