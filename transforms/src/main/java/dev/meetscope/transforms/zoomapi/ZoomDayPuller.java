package dev.meetscope.transforms.zoomapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meetscope.transforms.zoomapi.PullReport.FileEntry;
import dev.meetscope.transforms.zoomapi.PullReport.FileStatus;
import dev.meetscope.transforms.zoomapi.PullReport.ParticipantsStatus;
import dev.meetscope.transforms.zoomapi.ZoomEndpoints.Recording;
import dev.meetscope.transforms.zoomapi.ZoomEndpoints.ZoomUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls one day of Zoom meetings into the landing folder the nightly job reads:
 * <pre>
 * &lt;output&gt;/_pull_report.json
 * &lt;output&gt;/&lt;start&gt;_&lt;meeting id&gt;_&lt;uuid&gt;/meeting.json
 *                                      report_participants_page1.json …  (or past_participants_pageN.json)
 *                                      GMT…_Recording.transcript.vtt, GMT…_Recording.cc.vtt,
 *                                      GMT…_RecordingnewChat.txt
 * </pre>
 * Participant pages come from the Report API ({@code report_participants_pageN.json}) or, when the app
 * has no report scope, from {@code /past_meetings} ({@code past_participants_pageN.json}); the nightly
 * reader sniffs content, not names. They are written before {@code meeting.json}, so a present
 * {@code meeting.json} means the participants are complete and a rerun skips them; recording files present
 * with Zoom's size are skipped too, and files the previous report recorded as 404 are not asked for again.
 * A 404 (deleted recording, no participant data) is recorded and skipped; any other failure is recorded,
 * the other meetings continue, and the report says the run failed. A rate limit that outlasts the allowed
 * wait stops the run.
 */
public final class ZoomDayPuller {
  private static final Logger LOG = LoggerFactory.getLogger(ZoomDayPuller.class);
  public static final Set<String> DEFAULT_FILE_TYPES = Set.of("TRANSCRIPT", "CHAT", "CC");

  private final ZoomEndpoints endpoints;
  private final ZoomApiClient client;
  private final LandingStore store;
  private final Clock clock;
  private final Set<String> fileTypes;
  private final ObjectMapper json = new ObjectMapper();

  /** False once Zoom said the app may not call the Report API; then only /past_meetings is used. */
  private boolean reportScope = true;
  /** {@code folder/name} of files an earlier pull into this folder found deleted (404). */
  private Set<String> knownGone = Set.of();

  public ZoomDayPuller(ZoomApiClient client, LandingStore store, Clock clock, Set<String> fileTypes) {
    this.client = client;
    this.endpoints = new ZoomEndpoints(client);
    this.store = store;
    this.clock = clock;
    Set<String> upper = new HashSet<>();
    fileTypes.forEach(t -> upper.add(t.toUpperCase(Locale.ROOT)));
    this.fileTypes = Set.copyOf(upper);
  }

  public PullReport pull(PullWindow window) throws IOException {
    PullReport report = new PullReport(window, clock.instant());
    cleanStaging();
    knownGone = previouslyNotFound();
    List<ZoomUser> users = endpoints.activeUsers();
    report.usersListed(users.size());
    List<MeetingOccurrence> occurrences;
    try {
      occurrences = list(users, window, report);
      for (MeetingOccurrence m : occurrences) {
        process(m, report);
      }
    } catch (ZoomApiException.RateLimited e) {
      report.abort("stopped: " + e.getMessage());
      LOG.error("Pull stopped by Zoom's rate limit: {}", e.getMessage());
    }
    report.finish(clock.instant());
    store.write(LandingLayout.PULL_REPORT, report.toJson());
    cleanStaging();
    return report;
  }

  private List<MeetingOccurrence> list(List<ZoomUser> users, PullWindow window, PullReport report)
      throws IOException {
    Map<String, MeetingOccurrence> byUuid = new LinkedHashMap<>();
    for (ZoomUser user : users) {
      List<MeetingOccurrence> listed;
      try {
        if (reportScope) {
          try {
            listed = endpoints.reportMeetings(user, window.queryFrom(), window.queryTo());
          } catch (ZoomApiException e) {
            if (!ScopeErrors.isMissingScope(e)) {
              throw e;
            }
            LOG.warn("No Report API access ({}); listing meetings from cloud recordings and reading"
                + " participants from /past_meetings", e.getMessage());
            reportScope = false;
            report.listedVia("recordings");
            listed = endpoints.recordedMeetings(user, window.queryFrom(), window.queryTo());
          }
        } else {
          listed = endpoints.recordedMeetings(user, window.queryFrom(), window.queryTo());
        }
      } catch (ZoomApiException.RateLimited e) {
        throw e;
      } catch (IOException e) {
        report.problem("listing meetings of user " + user.id() + " failed: " + e.getMessage());
        continue;
      }
      for (MeetingOccurrence m : listed) {
        if (m.uuid() != null && window.contains(m)) {
          byUuid.putIfAbsent(m.uuid(), m);
        }
      }
    }
    List<MeetingOccurrence> sorted = new ArrayList<>(byUuid.values());
    sorted.sort(Comparator.comparing(MeetingOccurrence::startTime,
        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(MeetingOccurrence::uuid));
    LOG.info("{} meeting occurrences ended on {} ({})", sorted.size(), window.date(), window.zone());
    return sorted;
  }

  private void process(MeetingOccurrence m, PullReport report) throws IOException {
    String folder = LandingLayout.folder(m);
    PullReport.Occurrence entry = report.add(folder, m);
    String manifestPath = folder + "/" + LandingLayout.MANIFEST;
    boolean participantsDone = store.size(manifestPath).isPresent();
    if (participantsDone) {
      entry.participants = ParticipantsStatus.SKIPPED_EXISTING;
    } else {
      fetchParticipants(m, folder, entry, report);
      participantsDone = entry.participants != ParticipantsStatus.FAILED;
    }
    Recording recording = fetchRecordingFiles(m, folder, entry, report);
    boolean recordingKnown = recording != null || "none".equals(entry.recordings);
    if (participantsDone && (recordingKnown || store.size(manifestPath).isEmpty())) {
      writeIfChanged(manifestPath, manifest(m, recording));
    }
  }

  private void fetchParticipants(MeetingOccurrence m, String folder, PullReport.Occurrence entry,
      PullReport report) throws IOException {
    List<byte[]> pages = null;
    String prefix = LandingLayout.REPORT_PAGE_PREFIX;
    try {
      if (reportScope) {
        try {
          pages = endpoints.reportParticipantPages(m.uuid());
          entry.participants = ParticipantsStatus.REPORT;
        } catch (ZoomApiException e) {
          if (ScopeErrors.isMissingScope(e)) {
            LOG.warn("No Report API access for participants ({}); using /past_meetings", e.getMessage());
            reportScope = false;
          } else if (e.status() == 404) {
            entry.participantsDetail = "report: " + e.getMessage();
          } else {
            throw e;
          }
        }
      }
      if (pages == null) {
        pages = endpoints.pastMeetingParticipantPages(m.uuid());
        prefix = LandingLayout.PAST_PAGE_PREFIX;
        entry.participants = ParticipantsStatus.PAST_MEETINGS;
      }
    } catch (ZoomApiException.RateLimited e) {
      throw e;
    } catch (ZoomApiException e) {
      if (e.status() == 404) {
        entry.participants = ParticipantsStatus.NOT_FOUND;
        entry.participantsDetail = e.getMessage();
        return;
      }
      entry.participants = ParticipantsStatus.FAILED;
      entry.participantsDetail = e.getMessage();
      report.problem(m.uuid() + ": participants: " + e.getMessage());
      return;
    } catch (IOException e) {
      entry.participants = ParticipantsStatus.FAILED;
      entry.participantsDetail = e.toString();
      report.problem(m.uuid() + ": participants: " + e);
      return;
    }
    // Pages of an earlier interrupted run may be more than this run's: remove them first.
    List<String> stale = new ArrayList<>(store.list(folder, LandingLayout.REPORT_PAGE_PREFIX));
    stale.addAll(store.list(folder, LandingLayout.PAST_PAGE_PREFIX));
    store.delete(stale);
    for (int i = 0; i < pages.size(); i++) {
      store.write(folder + "/" + LandingLayout.page(prefix, i + 1), pages.get(i));
    }
    entry.pages = pages.size();
  }

  /** Lists the recording and fetches the wanted files; returns null when the listing failed or is absent. */
  private Recording fetchRecordingFiles(MeetingOccurrence m, String folder, PullReport.Occurrence entry,
      PullReport report) throws IOException {
    Recording recording;
    try {
      recording = endpoints.recordings(m.uuid());
    } catch (ZoomApiException.RateLimited e) {
      throw e;
    } catch (ZoomApiException e) {
      if (e.status() == 404) {
        // No cloud recording, or it was deleted: nothing to fetch.
        entry.recordings = "none";
        entry.recordingsDetail = e.getMessage();
        return null;
      }
      entry.recordings = "failed";
      entry.recordingsDetail = e.getMessage();
      report.problem(m.uuid() + ": recordings: " + e.getMessage());
      return null;
    } catch (IOException e) {
      entry.recordings = "failed";
      entry.recordingsDetail = e.toString();
      report.problem(m.uuid() + ": recordings: " + e);
      return null;
    }
    entry.recordings = "listed";
    Set<String> usedNames = new HashSet<>();
    List<RecordingFile> wanted = wanted(recording);
    for (RecordingFile f : wanted) {
      String name = uniqueName(LandingLayout.recordingFileName(f.fileType(),
          f.recordingStart() != null ? f.recordingStart() : m.startTime()), usedNames);
      entry.files.add(fetchFile(m, folder, name, f, report));
    }
    return recording;
  }

  private FileEntry fetchFile(MeetingOccurrence m, String folder, String name, RecordingFile f,
      PullReport report) throws IOException {
    String path = folder + "/" + name;
    OptionalLong present = store.size(path);
    if (present.isPresent() && (f.fileSize() == null ? present.getAsLong() > 0
        : present.getAsLong() == f.fileSize())) {
      return new FileEntry(name, f.fileType(), FileStatus.SKIPPED_EXISTING, present.getAsLong(), null);
    }
    if (knownGone.contains(path)) {
      return new FileEntry(name, f.fileType(), FileStatus.NOT_FOUND, null,
          "404 in an earlier pull (see the previous " + LandingLayout.PULL_REPORT
              + "); not requested again");
    }
    if (f.status() != null && !"completed".equalsIgnoreCase(f.status())) {
      return new FileEntry(name, f.fileType(), FileStatus.PROCESSING, null,
          "Zoom status " + f.status() + "; a later run fetches it");
    }
    if (f.downloadUrl() == null) {
      report.problem(m.uuid() + ": " + name + " has no download_url");
      return new FileEntry(name, f.fileType(), FileStatus.FAILED, null, "no download_url");
    }
    try {
      long bytes = client.download(f.downloadUrl(), (in, h) -> store.write(path, in, f.fileSize()));
      LOG.info("Downloaded {} ({} bytes)", path, bytes);
      return new FileEntry(name, f.fileType(), FileStatus.DOWNLOADED, bytes, null);
    } catch (ZoomApiException.RateLimited e) {
      throw e;
    } catch (ZoomApiException e) {
      if (e.status() == 404) {
        LOG.warn("Recording file {} is gone (404): recorded in {}", path, LandingLayout.PULL_REPORT);
        return new FileEntry(name, f.fileType(), FileStatus.NOT_FOUND, null, e.getMessage());
      }
      report.problem(m.uuid() + ": " + name + ": " + e.getMessage());
      return new FileEntry(name, f.fileType(), FileStatus.FAILED, null, e.getMessage());
    } catch (IOException e) {
      report.problem(m.uuid() + ": " + name + ": " + e);
      return new FileEntry(name, f.fileType(), FileStatus.FAILED, null, e.toString());
    }
  }

  private List<RecordingFile> wanted(Recording recording) {
    List<RecordingFile> wanted = new ArrayList<>();
    for (RecordingFile f : recording.files()) {
      if (f.fileType() != null && fileTypes.contains(f.fileType().toUpperCase(Locale.ROOT))
          && LandingLayout.recordingFileName(f.fileType(), f.recordingStart()) != null) {
        wanted.add(f);
      }
    }
    // Deterministic order, so duplicate names get the same suffix on every run.
    wanted.sort(Comparator.comparing(RecordingFile::recordingStart, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(RecordingFile::fileType)
        .thenComparing(RecordingFile::id, Comparator.nullsFirst(Comparator.naturalOrder())));
    return wanted;
  }

  private static String uniqueName(String name, Set<String> used) {
    String candidate = name;
    int dot = name.indexOf('.');
    for (int n = 2; !used.add(candidate); n++) {
      candidate = dot < 0 ? name + "-" + n : name.substring(0, dot) + "-" + n + name.substring(dot);
    }
    return candidate;
  }

  /** {@code meeting.json} as the nightly job's ManifestReader reads it. */
  byte[] manifest(MeetingOccurrence m, Recording recording) {
    ObjectNode n = json.createObjectNode();
    n.put("meeting_id", m.meetingId());
    n.put("uuid", m.uuid());
    n.put("topic", m.topic());
    n.put("host_id", m.hostId());
    n.put("host_email", m.hostEmail());
    n.put("scheduled_start", m.startTime() == null ? null : m.startTime().toString());
    if (m.durationMinutes() == null) {
      n.putNull("duration_minutes");
    } else {
      n.put("duration_minutes", m.durationMinutes());
    }
    n.put("time_zone", zone(recording == null ? null : recording.timeZone(), m.hostTimeZone()));
    Instant recordingStart = null;
    if (recording != null) {
      for (RecordingFile f : wanted(recording)) {
        if (f.recordingStart() != null && (recordingStart == null || f.recordingStart().isBefore(recordingStart))) {
          recordingStart = f.recordingStart();
        }
      }
    }
    n.put("recording_start", recordingStart == null ? null : recordingStart.toString());
    return (n.toString() + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String zone(String... candidates) {
    for (String z : candidates) {
      if (z != null && !z.isBlank()) {
        try {
          return ZoneId.of(z.strip()).getId();
        } catch (DateTimeException e) {
          // Not an IANA zone: try the next one.
        }
      }
    }
    return null;
  }

  private void writeIfChanged(String path, byte[] content) throws IOException {
    OptionalLong size = store.size(path);
    if (size.isPresent() && size.getAsLong() == content.length && Arrays.equals(store.read(path), content)) {
      return;
    }
    store.write(path, content);
  }

  /** Files the previous {@code _pull_report.json} recorded as 404, so a rerun does not ask again. */
  private Set<String> previouslyNotFound() {
    Set<String> gone = new HashSet<>();
    try {
      if (store.size(LandingLayout.PULL_REPORT).isEmpty()) {
        return gone;
      }
      JsonNode previous = json.readTree(store.read(LandingLayout.PULL_REPORT));
      for (JsonNode o : previous.path("occurrences")) {
        for (JsonNode f : o.path("files")) {
          if ("not_found".equals(f.path("status").asText())) {
            gone.add(o.path("folder").asText() + "/" + f.path("name").asText());
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Ignoring an unreadable previous {}: {}", LandingLayout.PULL_REPORT, e.toString());
    }
    return gone;
  }

  private void cleanStaging() {
    try {
      store.cleanStaging();
    } catch (IOException e) {
      LOG.warn("Could not clean the staging folder of {}: {}", store.describe(), e.toString());
    }
  }
}
