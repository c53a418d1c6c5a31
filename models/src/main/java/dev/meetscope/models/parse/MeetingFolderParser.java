package dev.meetscope.models.parse;

import dev.meetscope.models.parse.chat.CloudChatReader;
import dev.meetscope.models.parse.chat.LocalSavedChatReader;
import dev.meetscope.models.parse.report.ParticipantApiJsonReader;
import dev.meetscope.models.parse.report.ParticipantCsvReader;
import dev.meetscope.models.parse.vtt.LocalCaptionsReader;
import dev.meetscope.models.parse.vtt.VttReader;
import dev.meetscope.models.parse.webhook.WebhookEventReader;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.FileStat;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.Utterance;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses every file of one meeting folder. Order matters and is fixed: the manifest first (it gives the
 * meeting key, zone, date and recording start), then participant reports and webhook events (they give the
 * known names), then transcripts, captions and chats (which use the known names to split labels).
 *
 * <p>Meeting key: the manifest's {@code uuid} when present, else the folder name. Recording start: the
 * manifest's, else the earliest {@code GMT…_Recording} file name's.
 */
public final class MeetingFolderParser {
  private static final Pattern GMT_FILE_NAME =
      Pattern.compile("(?:^|/)GMT(\\d{8})-(\\d{6})_Recording[^/]*$");
  private static final DateTimeFormatter GMT_STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

  private final ZoneId defaultZone;
  private final List<String> chatKeywords;

  /**
   * @param defaultZone the zone of local times when the manifest gives none ({@code --timeZone}); null = UTC
   * @param chatKeywords localised "From" keywords of local saved chat; empty = defaults
   */
  public MeetingFolderParser(ZoneId defaultZone, List<String> chatKeywords) {
    this.defaultZone = defaultZone == null ? ZoneOffset.UTC : defaultZone;
    this.chatKeywords = chatKeywords == null ? List.of() : List.copyOf(chatKeywords);
  }

  private record Sniffed(InputFile file, SourceText source, InputFormat format, DeadLetter decodeError) {}

  public ParsedMeeting parse(String folderKey, List<InputFile> files) {
    List<Sniffed> sniffed = new ArrayList<>();
    List<InputFile> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(InputFile::sourceFile));
    ParseContext bare = ParseContext.minimal(folderKey);
    for (InputFile f : sorted) {
      TextDecoding.Decoded decoded = TextDecoding.decodeUtf8(f.bytes());
      if (!decoded.ok()) {
        DeadLetter dl = new DeadLetter(folderKey, DeadLetters.STAGE_PARSE, InputFormat.UNKNOWN.id(),
            f.sourceFile(), null, decoded.invalidByteOffset(), "INVALID_UTF8",
            "File is not valid UTF-8 (first bad byte at offset " + decoded.invalidByteOffset()
                + "); re-export it from Zoom or convert it to UTF-8 and re-run.",
            new String(f.bytes(), 0, Math.min(f.bytes().length, DeadLetter.MAX_RAW_BYTES),
                StandardCharsets.UTF_8));
        sniffed.add(new Sniffed(f, null, InputFormat.UNKNOWN, dl));
        continue;
      }
      SourceText source = new SourceText(f.sourceFile(), decoded.text());
      sniffed.add(new Sniffed(f, source, FormatSniffer.sniff(source.text()), null));
    }

    // 1. Manifest.
    MeetingManifest manifest = null;
    List<DeadLetter> deadLetters = new ArrayList<>();
    List<FileStat> stats = new ArrayList<>();
    for (Sniffed s : sniffed) {
      if (s.format() == InputFormat.MANIFEST) {
        ParseResult<MeetingManifest> r = new ManifestReader().read(s.source(), bare);
        if (manifest == null && !r.records().isEmpty()) {
          manifest = r.records().get(0);
        }
        collect(s, r, deadLetters, stats, folderKey);
      }
    }
    if (manifest == null) {
      manifest = MeetingManifest.empty();
    }
    String meetingKey = manifest.uuid() != null ? manifest.uuid() : folderKey;
    // The manifest was read before the key was known: give its statistics and dead letters the key.
    stats.replaceAll(st -> new FileStat(meetingKey, st.sourceFile(), st.format(), st.status(), st.bytes(),
        st.recordsRead(), st.recordsParsed(), st.recordsDeadLettered()));
    deadLetters.replaceAll(dl -> dl.withMeetingKey(meetingKey));
    ZoneId zone = manifest.timeZone() != null ? ZoneId.of(manifest.timeZone()) : defaultZone;
    Instant recordingStart = manifest.recordingStart() != null
        ? manifest.recordingStart() : recordingStartFromFileNames(sorted);
    LocalDate date = manifest.scheduledStart() != null
        ? manifest.scheduledStart().atZone(zone).toLocalDate()
        : recordingStart != null ? recordingStart.atZone(zone).toLocalDate() : null;
    ParseContext ctx = new ParseContext(meetingKey, zone, date, recordingStart, Set.of(), chatKeywords);

    // 2. Reports and events.
    List<ParticipantSession> sessions = new ArrayList<>();
    List<MeetingEvent> events = new ArrayList<>();
    for (Sniffed s : sniffed) {
      switch (s.format()) {
        case PARTICIPANT_CSV -> sessions.addAll(
            collect(s, new ParticipantCsvReader().read(s.source(), ctx), deadLetters, stats, meetingKey));
        case REPORT_API_JSON, PAST_MEETING_API_JSON -> sessions.addAll(collect(s,
            new ParticipantApiJsonReader().read(s.source(), ctx), deadLetters, stats, meetingKey));
        case WEBHOOK_EVENTS -> events.addAll(
            collect(s, new WebhookEventReader().read(s.source(), ctx), deadLetters, stats, meetingKey));
        default -> { }
      }
    }
    Set<String> knownNames = new LinkedHashSet<>();
    sessions.forEach(p -> addName(knownNames, p.displayName()));
    sessions.forEach(p -> addName(knownNames, p.originalName()));
    events.forEach(e -> addName(knownNames, e.displayName()));
    addName(knownNames, manifest.hostName());
    ParseContext named = ctx.withKnownNames(knownNames);

    // 3. Transcripts, captions, chats; then whatever is left (unknown, empty, undecodable).
    List<Utterance> utterances = new ArrayList<>();
    List<ChatMessage> chats = new ArrayList<>();
    for (Sniffed s : sniffed) {
      switch (s.format()) {
        case CLOUD_TRANSCRIPT, CLOSED_CAPTION -> utterances.addAll(
            collect(s, new VttReader().read(s.source(), named), deadLetters, stats, meetingKey));
        case LOCAL_SAVED_CAPTIONS -> utterances.addAll(
            collect(s, new LocalCaptionsReader().read(s.source(), named), deadLetters, stats, meetingKey));
        case CLOUD_CHAT -> chats.addAll(
            collect(s, new CloudChatReader().read(s.source(), named), deadLetters, stats, meetingKey));
        case LOCAL_SAVED_CHAT -> chats.addAll(
            collect(s, new LocalSavedChatReader().read(s.source(), named), deadLetters, stats, meetingKey));
        case EMPTY -> stats.add(new FileStat(meetingKey, s.file().sourceFile(), InputFormat.EMPTY.id(),
            "no_data", s.file().bytes().length, 0, 0, 0));
        case UNKNOWN -> {
          DeadLetter dl = s.decodeError() != null
              ? s.decodeError().withMeetingKey(meetingKey)
              : DeadLetters.wholeFile(ctx, InputFormat.UNKNOWN, s.file().sourceFile(),
                  "UNRECOGNISED_FORMAT",
                  "Content matches no Zoom format Meetscope reads (transcript, captions, chat, participant"
                      + " report, API JSON, webhook events, meeting.json).",
                  s.source().text());
          deadLetters.add(dl);
          stats.add(new FileStat(meetingKey, s.file().sourceFile(), InputFormat.UNKNOWN.id(),
              "dead_lettered", s.file().bytes().length, 1, 0, 1));
        }
        default -> { }
      }
    }
    return new ParsedMeeting(meetingKey, manifest, sessions, utterances, chats, events, deadLetters,
        stats);
  }

  /**
   * Cloud downloads are named {@code GMT{yyyyMMdd-HHmmss}_Recording…} after the UTC recording start
   * (zoom-formats.md §1.1): the fallback when no manifest states it. The earliest such name wins.
   */
  static Instant recordingStartFromFileNames(List<InputFile> files) {
    Instant earliest = null;
    for (InputFile f : files) {
      Matcher m = GMT_FILE_NAME.matcher(f.sourceFile());
      if (m.find()) {
        try {
          Instant t = LocalDateTime.parse(m.group(1) + m.group(2), GMT_STAMP).toInstant(ZoneOffset.UTC);
          earliest = earliest == null || t.isBefore(earliest) ? t : earliest;
        } catch (DateTimeParseException e) {
          // Not a real timestamp: ignore the name, the manifest or no wall time applies.
        }
      }
    }
    return earliest;
  }

  private static void addName(Set<String> names, String name) {
    if (name != null && !name.isBlank()) {
      names.add(name);
    }
  }

  private static <T> List<T> collect(Sniffed s, ParseResult<T> result, List<DeadLetter> deadLetters,
      List<FileStat> stats, String meetingKey) {
    for (DeadLetter dl : result.deadLetters()) {
      deadLetters.add(dl.withMeetingKey(meetingKey));
    }
    long parsed = result.records().size();
    long rejected = result.deadLetters().size();
    String status = parsed > 0 ? "parsed" : rejected > 0 ? "dead_lettered" : "no_data";
    stats.add(new FileStat(meetingKey, s.file().sourceFile(), s.format().id(), status,
        s.file().bytes().length, parsed + rejected, parsed, rejected));
    return result.records();
  }
}
