package dev.meetscope.transforms.analytics;

import dev.meetscope.models.analytics.MeetingInput;
import dev.meetscope.models.analytics.MeetingSpan;
import dev.meetscope.models.parse.InputFormat;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.FileStat;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.Utterance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.beam.sdk.transforms.join.CoGbkResult;

/**
 * The grouped records of one meeting in a deterministic order. A shuffle hands a group's values over in
 * any order, and identity resolution, turn-taking and chat threading read their input in order, so every
 * list is sorted by source file and line (ties by the record's text) before the analysis sees it.
 */
final class MeetingRecords {
  private static final Set<String> CHAT_FORMATS =
      Set.of(InputFormat.CLOUD_CHAT.id(), InputFormat.LOCAL_SAVED_CHAT.id());

  final String meetingKey;
  final MeetingManifest manifest;
  final List<ParticipantSession> sessions;
  final List<Utterance> utterances;
  final List<ChatMessage> chats;
  final List<MeetingEvent> events;
  final List<FileStat> fileStats;

  private MeetingRecords(String meetingKey, MeetingManifest manifest, List<ParticipantSession> sessions,
      List<Utterance> utterances, List<ChatMessage> chats, List<MeetingEvent> events,
      List<FileStat> fileStats) {
    this.meetingKey = meetingKey;
    this.manifest = manifest;
    this.sessions = sessions;
    this.utterances = utterances;
    this.chats = chats;
    this.events = events;
    this.fileStats = fileStats;
  }

  static MeetingRecords from(String meetingKey, CoGbkResult group) {
    return new MeetingRecords(meetingKey,
        manifest(group.getAll(GroupMeetingRecords.MANIFESTS)),
        sorted(group.getAll(GroupMeetingRecords.SESSIONS), ParticipantSession::sourceFile,
            ParticipantSession::sourceLine),
        sorted(group.getAll(GroupMeetingRecords.UTTERANCES), Utterance::sourceFile, Utterance::sourceLine),
        sorted(group.getAll(GroupMeetingRecords.CHAT_MESSAGES), ChatMessage::sourceFile,
            ChatMessage::sourceLine),
        sorted(group.getAll(GroupMeetingRecords.EVENTS), MeetingEvent::sourceFile, MeetingEvent::sourceLine),
        sorted(group.getAll(GroupMeetingRecords.FILE_STATS), FileStat::sourceFile, s -> 0L));
  }

  /** Nothing to analyse: a folder whose files were all dead-lettered, or a manifest alone. */
  boolean hasData() {
    return !sessions.isEmpty() || !utterances.isEmpty() || !chats.isEmpty() || !events.isEmpty();
  }

  /**
   * The analysis input. A chat file that was read but held no public message still makes the chat columns
   * 0 rather than null ({@code chatAvailable}); a chat file rejected as a whole says nothing.
   */
  MeetingInput input() {
    boolean chatFile = fileStats.stream()
        .anyMatch(s -> CHAT_FORMATS.contains(s.format()) && !"dead_lettered".equals(s.status()));
    return new MeetingInput(meetingKey, manifest, sessions, utterances, chats, events, null,
        chatFile || !chats.isEmpty() ? Boolean.TRUE : null);
  }

  /** A dead letter for a meeting whose analysis failed: where its files are, what they held, why. */
  DeadLetter deadLetter(RuntimeException e) {
    return new DeadLetter(meetingKey, "analyze", "meeting", folder(), null, null, "ANALYSIS_FAILED",
        "Analysis of meeting " + meetingKey + " failed: " + causeChain(e), describe());
  }

  /** A dead letter for a meeting whose span is implausibly long (a wrong join or leave time). */
  DeadLetter spanTooLong(MeetingSpan span, long maxSpanMs) {
    return new DeadLetter(meetingKey, "analyze", "meeting", folder(), null, null, "MEETING_SPAN_TOO_LONG",
        String.format(java.util.Locale.ROOT, "Meeting %s spans %.1f h (%s, %s to %s), longer than the"
            + " %d h limit: a join, leave or event time is probably wrong.", meetingKey,
            span.durationMs() / 3_600_000.0, span.source(), describeTime(span, span.startMs()),
            describeTime(span, span.endMs()), maxSpanMs / 3_600_000L), describe());
  }

  private static String describeTime(MeetingSpan span, long ms) {
    return span.anchored() ? java.time.Instant.ofEpochMilli(ms).toString() : "+" + ms / 1000 + " s";
  }

  /** The folder holding the meeting's files (their common parent), or null without files. */
  String folder() {
    Set<String> files = files();
    if (files.isEmpty()) {
      return null;
    }
    String first = files.iterator().next();
    int slash = first.lastIndexOf('/');
    String prefix = slash < 0 ? "" : first.substring(0, slash);
    for (String f : files) {
      while (!prefix.isEmpty() && !f.startsWith(prefix + "/")) {
        int cut = prefix.lastIndexOf('/');
        prefix = cut < 0 ? "" : prefix.substring(0, cut);
      }
    }
    return prefix.isEmpty() ? first : prefix;
  }

  /** "sessions=…, utterances=…" and the input files with their record counts. */
  String describe() {
    TreeMap<String, Integer> perFile = new TreeMap<>();
    sessions.forEach(s -> perFile.merge(s.sourceFile(), 1, Integer::sum));
    utterances.forEach(u -> perFile.merge(u.sourceFile(), 1, Integer::sum));
    chats.forEach(c -> perFile.merge(c.sourceFile(), 1, Integer::sum));
    events.forEach(e -> perFile.merge(e.sourceFile(), 1, Integer::sum));
    StringBuilder sb = new StringBuilder();
    sb.append("sessions=").append(sessions.size()).append(" utterances=").append(utterances.size())
        .append(" chat_messages=").append(chats.size()).append(" events=").append(events.size());
    perFile.forEach((file, n) -> sb.append('\n').append(file).append(": ").append(n).append(" records"));
    return sb.toString();
  }

  private Set<String> files() {
    Set<String> files = new TreeSet<>();
    fileStats.forEach(s -> addIfPresent(files, s.sourceFile()));
    sessions.forEach(s -> addIfPresent(files, s.sourceFile()));
    utterances.forEach(u -> addIfPresent(files, u.sourceFile()));
    chats.forEach(c -> addIfPresent(files, c.sourceFile()));
    events.forEach(e -> addIfPresent(files, e.sourceFile()));
    return files;
  }

  private static void addIfPresent(Set<String> files, String file) {
    if (file != null) {
      files.add(file);
    }
  }

  static String causeChain(Throwable e) {
    StringBuilder sb = new StringBuilder();
    Set<Throwable> seen = new java.util.HashSet<>();
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      if (sb.length() > 0) {
        sb.append("; caused by ");
      }
      sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
      StackTraceElement[] trace = t.getStackTrace();
      if (trace.length > 0) {
        sb.append(" (at ").append(trace[0]).append(')');
      }
    }
    return sb.toString();
  }

  /** Several manifests under one key (two folders of one occurrence): the fullest, then the first by text. */
  private static MeetingManifest manifest(Iterable<MeetingManifest> all) {
    MeetingManifest best = null;
    for (MeetingManifest m : all) {
      if (best == null || fields(m) > fields(best)
          || (fields(m) == fields(best) && m.toString().compareTo(best.toString()) < 0)) {
        best = m;
      }
    }
    return best == null ? MeetingManifest.empty() : best;
  }

  private static int fields(MeetingManifest m) {
    int n = 0;
    for (Object v : new Object[] {m.meetingId(), m.uuid(), m.topic(), m.hostName(), m.hostEmail(),
        m.hostId(), m.scheduledStart(), m.durationMinutes(), m.timeZone(), m.recordingStart(),
        m.analyticsEnabled()}) {
      n += v == null ? 0 : 1;
    }
    return n;
  }

  private static <T> List<T> sorted(Iterable<T> values, Function<T, String> file, ToLongFunction<T> line) {
    List<T> out = new ArrayList<>();
    values.forEach(out::add);
    out.sort(Comparator.comparing(file, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
        .thenComparingLong(line)
        .thenComparing(Object::toString));
    return out;
  }
}
