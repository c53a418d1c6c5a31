package dev.meetscope.models.parse.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A recognised participant header row of a portal CSV (zoom-formats.md §3.1, §6 #25-28).
 *
 * <p>Matching is case-insensitive and whitespace-normalised ({@link #normalise}). It is also
 * position-aware: the participant-name column splits the row, columns after it are participant-level and
 * columns before it meeting-level. That resolves the duplicate names of the admin and 2026 exports
 * ({@code User Email}, {@code Duration (minutes)}): the first is the meeting's, the second the participant's.
 */
final class CsvHeader {
  /** Header shapes, written as the {@code layout:*} flag. */
  enum Layout {
    LEGACY_PER_SESSION("layout:legacy_per_session"),
    UNIQUE_USERS("layout:unique_users"),
    ADMIN("layout:admin"),
    PORTAL_2026("layout:portal_2026");

    final String flag;

    Layout(String flag) {
      this.flag = flag;
    }
  }

  static final String EXCEL_FLAG = "layout:excel";

  private static final Set<String> WEAK_NAME = Set.of("name", "participant", "participant name",
      "display name");
  private static final Set<String> EMAIL = Set.of("user email", "email", "participant email");
  private static final Set<String> MEETING_ID = Set.of("meeting id", "id");
  private static final Set<String> MEETING_TIMES = Set.of("start time", "end time", "creation time");
  private static final Set<String> CONSENT = Set.of("recording consent", "recording disclaimer response");
  private static final Set<String> GUEST = Set.of("guest", "is guest");
  private static final Set<String> KNOWN = Set.of("meeting id", "id", "topic", "type", "host name",
      "host email", "user name", "user email", "email", "department", "group", "has zoom rooms",
      "creation time", "start time", "end time", "duration (minutes)", "participants",
      "total participant minutes", "source", "unique viewers", "max concurrent views", "join time",
      "leave time", "total duration (minutes)", "guest", "is guest", "recording consent",
      "recording disclaimer response", "in waiting room", "name", "participant", "participant name",
      "display name", "participant email");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000\\uFEFF]+");
  private static final Pattern EXCEL_FILLER = Pattern.compile("column\\d+|unnamed: ?\\d+");

  final Layout layout;
  /** Index of the last non-empty header cell + 1: a non-empty data cell at or past it is one too many. */
  final int width;
  final int name;
  final int email;
  final int join;
  final int leave;
  final int duration;
  final int totalDuration;
  final int guest;
  final int consent;
  final int waitingRoom;
  final int meetingId;
  /** Every time column, meeting- and participant-level: all of them vote on the date order. */
  final List<Integer> timeColumns;
  /** Empty or spreadsheet-filler header cells: a sign of an Excel or R re-save. */
  final boolean strayColumns;

  private CsvHeader(List<String> cells, int name) {
    this.name = name;
    this.width = lastNonEmpty(cells) + 1;
    this.email = after(cells, name, EMAIL);
    this.join = after(cells, name, Set.of("join time"));
    this.leave = after(cells, name, Set.of("leave time"));
    this.duration = after(cells, name, Set.of("duration (minutes)"));
    this.totalDuration = after(cells, name, Set.of("total duration (minutes)"));
    this.guest = after(cells, name, GUEST);
    this.consent = after(cells, name, CONSENT);
    this.waitingRoom = after(cells, name, Set.of("in waiting room"));
    int id = -1;
    List<Integer> times = new ArrayList<>();
    boolean stray = cells.size() > width;
    for (int i = 0; i < width; i++) {
      String c = cells.get(i);
      if (i < name && id < 0 && MEETING_ID.contains(c)) {
        id = i;
      }
      if (i < name && MEETING_TIMES.contains(c)) {
        times.add(i);
      }
      stray |= c.isEmpty() || EXCEL_FILLER.matcher(c).matches();
    }
    this.meetingId = id;
    if (join >= 0) {
      times.add(join);
    }
    if (leave >= 0) {
      times.add(leave);
    }
    this.timeColumns = List.copyOf(times);
    this.strayColumns = stray;
    this.layout = layoutOf(cells, name);
  }

  /** The participant header this row is, or null: it needs a name column and a participant column after it. */
  static CsvHeader participantHeader(List<String> rawCells) {
    List<String> cells = rawCells.stream().map(CsvHeader::normalise).toList();
    int name = nameColumn(cells);
    if (name < 0) {
      return null;
    }
    CsvHeader h = new CsvHeader(cells, name);
    boolean participantColumn = h.email >= 0 || h.join >= 0 || h.leave >= 0 || h.duration >= 0
        || h.totalDuration >= 0 || h.guest >= 0;
    return participantColumn ? h : null;
  }

  /**
   * The column of the meeting id when this row is the legacy meeting-info header ({@code Meeting ID,Topic,
   * Start Time,…}), else -1 (also when the row is no such header).
   */
  static int meetingInfoIdColumn(List<String> rawCells) {
    List<String> cells = rawCells.stream().map(CsvHeader::normalise).toList();
    if (nameColumn(cells) >= 0 || !cells.contains("topic")) {
      return -1;
    }
    for (int i = 0; i < cells.size(); i++) {
      if (MEETING_ID.contains(cells.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The columns of a meeting-info header whose values are times (they vote on the date order). */
  static List<Integer> meetingInfoTimeColumns(List<String> rawCells) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < rawCells.size(); i++) {
      if (MEETING_TIMES.contains(normalise(rawCells.get(i)))) {
        out.add(i);
      }
    }
    return out;
  }

  /** Lower case, whitespace runs (incl. NBSP, U+3000, a stray BOM) as one space, {@code x ( y )} as {@code x (y)}. */
  static String normalise(String raw) {
    if (raw == null) {
      return "";
    }
    String s = SPACES.matcher(raw).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    return s.replaceAll(" ?\\( ?", " (").replaceAll(" ?\\)", ")").strip();
  }

  private static int nameColumn(List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (cells.get(i).endsWith("(original name)")) {
        return i;
      }
    }
    for (int i = 0; i < cells.size(); i++) {
      if (WEAK_NAME.contains(cells.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static Layout layoutOf(List<String> cells, int name) {
    boolean portal2026 = cells.contains("host name") || cells.contains("recording disclaimer response");
    if (portal2026) {
      return Layout.PORTAL_2026;
    }
    for (int i = 0; i < name; i++) {
      if (KNOWN.contains(cells.get(i))) {
        return Layout.ADMIN;
      }
    }
    boolean perSession = after(cells, name, Set.of("join time")) >= 0;
    boolean total = after(cells, name, Set.of("total duration (minutes)")) >= 0;
    return total && !perSession ? Layout.UNIQUE_USERS : Layout.LEGACY_PER_SESSION;
  }

  private static int after(List<String> cells, int from, Set<String> names) {
    for (int i = from + 1; i < cells.size(); i++) {
      if (names.contains(cells.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int lastNonEmpty(List<String> cells) {
    for (int i = cells.size() - 1; i >= 0; i--) {
      if (!cells.get(i).isEmpty()) {
        return i;
      }
    }
    return -1;
  }
}
