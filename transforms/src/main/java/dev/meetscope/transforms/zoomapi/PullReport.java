package dev.meetscope.transforms.zoomapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one pull did, written as {@code _pull_report.json} in the landing folder: every occurrence with where
 * its participants came from and each recording file's fate (downloaded, already present, 404, …), plus the
 * problems that make the run fail.
 */
public final class PullReport {
  /** Fate of one recording file. */
  public enum FileStatus { DOWNLOADED, SKIPPED_EXISTING, NOT_FOUND, PROCESSING, FAILED }

  /** Where the participant pages came from. */
  public enum ParticipantsStatus { REPORT, PAST_MEETINGS, SKIPPED_EXISTING, NOT_FOUND, FAILED }

  /** One recording file. */
  public record FileEntry(String name, String fileType, FileStatus status, Long bytes, String detail) {}

  /** One occurrence. */
  public static final class Occurrence {
    final String folder;
    final String uuid;
    final String meetingId;
    ParticipantsStatus participants;
    int pages;
    String participantsDetail;
    String recordings;
    String recordingsDetail;
    final List<FileEntry> files = new ArrayList<>();

    Occurrence(String folder, String uuid, String meetingId) {
      this.folder = folder;
      this.uuid = uuid;
      this.meetingId = meetingId;
    }

    public String folder() {
      return folder;
    }

    public ParticipantsStatus participants() {
      return participants;
    }

    public int pages() {
      return pages;
    }

    public String recordings() {
      return recordings;
    }

    public List<FileEntry> files() {
      return List.copyOf(files);
    }
  }

  private final PullWindow window;
  private final Instant startedAt;
  private Instant finishedAt;
  private String listedVia = "report";
  private int usersListed;
  private final List<Occurrence> occurrences = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private String abortedBecause;

  PullReport(PullWindow window, Instant startedAt) {
    this.window = window;
    this.startedAt = startedAt;
  }

  Occurrence add(String folder, MeetingOccurrence m) {
    Occurrence o = new Occurrence(folder, m.uuid(), m.meetingId());
    occurrences.add(o);
    return o;
  }

  void listedVia(String how) {
    listedVia = how;
  }

  void usersListed(int n) {
    usersListed = n;
  }

  void problem(String text) {
    problems.add(text);
  }

  void abort(String why) {
    abortedBecause = why;
    problems.add(why);
  }

  void finish(Instant at) {
    finishedAt = at;
  }

  public List<Occurrence> occurrences() {
    return List.copyOf(occurrences);
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  public String listedVia() {
    return listedVia;
  }

  /** True when something failed (not a 404): the command exits non-zero so the scheduler notices. */
  public boolean failed() {
    return !problems.isEmpty();
  }

  public long count(FileStatus status) {
    return occurrences.stream().flatMap(o -> o.files.stream()).filter(f -> f.status() == status).count();
  }

  public byte[] toJson() {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("date", window.date().toString());
    // Not "time_zone": FormatSniffer would take the report for a meeting.json.
    root.put("day_time_zone", window.zone().getId());
    root.put("query_from", window.queryFrom().toString());
    root.put("query_to", window.queryTo().toString());
    root.put("listed_via", listedVia);
    root.put("users_listed", usersListed);
    root.put("started_at", startedAt.toString());
    root.put("finished_at", finishedAt == null ? null : finishedAt.toString());
    root.put("aborted", abortedBecause);
    ObjectNode counts = root.putObject("counts");
    counts.put("occurrences", occurrences.size());
    counts.put("participant_pages_written", occurrences.stream().mapToInt(o -> o.pages).sum());
    for (FileStatus s : FileStatus.values()) {
      counts.put("files_" + s.name().toLowerCase(Locale.ROOT), count(s));
    }
    counts.put("problems", problems.size());
    ArrayNode occ = root.putArray("occurrences");
    for (Occurrence o : occurrences) {
      ObjectNode n = occ.addObject();
      n.put("folder", o.folder);
      n.put("uuid", o.uuid);
      n.put("meeting_id", o.meetingId);
      n.put("participants", o.participants == null ? null : o.participants.name().toLowerCase(Locale.ROOT));
      n.put("participant_pages", o.pages);
      n.put("participants_detail", o.participantsDetail);
      n.put("recordings", o.recordings);
      n.put("recordings_detail", o.recordingsDetail);
      ArrayNode files = n.putArray("files");
      for (FileEntry f : o.files) {
        ObjectNode fn = files.addObject();
        fn.put("name", f.name());
        fn.put("file_type", f.fileType());
        fn.put("status", f.status().name().toLowerCase(Locale.ROOT));
        fn.put("bytes", f.bytes());
        fn.put("detail", f.detail());
      }
    }
    ArrayNode p = root.putArray("problems");
    problems.forEach(p::add);
    try {
      return (json.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
