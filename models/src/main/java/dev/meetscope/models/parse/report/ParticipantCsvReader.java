package dev.meetscope.models.parse.report;

import dev.meetscope.models.parse.DeadLetters;
import dev.meetscope.models.parse.FormatReader;
import dev.meetscope.models.parse.InputFormat;
import dev.meetscope.models.parse.LineEnds;
import dev.meetscope.models.parse.ParseContext;
import dev.meetscope.models.parse.ParseResult;
import dev.meetscope.models.parse.SourceText;
import dev.meetscope.models.record.ParticipantSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads every web-portal participant CSV layout (zoom-formats.md §3.1, §6 #25-39): legacy per-session and
 * unique-users exports with or without the meeting-info preamble, the admin "Active hosts" export, the
 * 2026 multi-meeting layout, and Excel/R re-saves of them.
 *
 * <p>The file is read in three steps: Commons CSV splits it into rows; a scan finds the header rows (a
 * file can hold several blocks, each under its own header), the preamble's meeting id and every time
 * cell; then, once the day/month order is settled for the whole file ({@link CsvTimes}), each data row
 * becomes a {@link ParticipantSession} or a dead letter.
 */
public final class ParticipantCsvReader implements FormatReader<ParticipantSession> {
  private static final InputFormat FORMAT = InputFormat.PARTICIPANT_CSV;
  private static final CSVFormat CSV = CSVFormat.DEFAULT.builder()
      .setIgnoreEmptyLines(false) // blank lines still have to advance the line count
      .setLenientEof(true)
      .setTrailingData(true)
      .build();

  private final DateOrder fallbackOrder;

  /** A reader with no configured date order: undecidable slash dates dead-letter the file. */
  public ParticipantCsvReader() {
    this(null);
  }

  /** @param fallbackOrder the order used when a file's own dates cannot decide it; null = none */
  public ParticipantCsvReader(DateOrder fallbackOrder) {
    this.fallbackOrder = fallbackOrder;
  }

  private record Row(long line, List<String> cells, String raw) {
    boolean blank() {
      return cells.stream().allMatch(String::isBlank);
    }

    String cell(int i) {
      return i >= 0 && i < cells.size() ? cells.get(i) : null;
    }
  }

  /** A participant row under its header; {@code header == null} marks a row before any header. */
  private record Item(Row row, CsvHeader header, String preambleMeetingId) {}

  /** What the scan of the whole file found. */
  private static final class Scan {
    final List<Item> items = new ArrayList<>();
    final List<String> timeCells = new ArrayList<>();
    boolean content;
    boolean header;
    boolean excel;
  }

  @Override
  public ParseResult<ParticipantSession> read(SourceText source, ParseContext ctx) {
    List<Row> rows;
    try {
      rows = readRows(LineEnds.normalise(source.text()));
    } catch (UncheckedIOException | IllegalStateException e) {
      return fileRejected(source, ctx, "CSV_MALFORMED", "The CSV cannot be split into rows: "
          + e.getMessage());
    }
    Scan scan = scan(rows);
    if (!scan.content) {
      return new ParseResult<>();
    }
    if (!scan.header) {
      return fileRejected(source, ctx, "CSV_UNKNOWN_HEADER", "No participant header row found: no"
          + " row has a participant name column ('Name (Original Name)', 'Name', …) followed by e-mail,"
          + " join, leave, duration or guest columns.");
    }
    CsvTimes.Decision order = CsvTimes.decide(scan.timeCells, fallbackOrder);
    if (order.order() == null) {
      return fileRejected(source, ctx, "CSV_AMBIGUOUS_DATE", order.problem());
    }
    boolean zoneAssumed = ctx.zone() == null;
    ZoneId zone = zoneAssumed ? ZoneOffset.UTC : ctx.zone();
    RowMapper mapper = new RowMapper(source, ctx, new CsvTimes(order.order(), zone), scan.excel,
        zoneAssumed);
    ParseResult<ParticipantSession> result = new ParseResult<>();
    for (Item item : scan.items) {
      mapper.map(item.row(), item.header(), item.preambleMeetingId(), result);
    }
    return result;
  }

  private static List<Row> readRows(String text) {
    LineEnds.LineIndex lines = new LineEnds.LineIndex(text);
    List<CSVRecord> records;
    try (CSVParser parser = CSVParser.parse(text, CSV)) {
      records = parser.getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Row> rows = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      CSVRecord r = records.get(i);
      int start = (int) r.getCharacterPosition();
      int end = i + 1 < records.size() ? (int) records.get(i + 1).getCharacterPosition() : text.length();
      String raw = text.substring(start, Math.max(start, end));
      if (raw.endsWith("\n")) {
        raw = raw.substring(0, raw.length() - 1);
      }
      rows.add(new Row(lines.lineOf(start), r.toList(), raw));
    }
    return rows;
  }

  /** Finds headers, preamble meeting ids, participant rows, time cells and re-save evidence. */
  private static Scan scan(List<Row> rows) {
    Scan scan = new Scan();
    CsvHeader header = null;
    int infoIdColumn = -1;
    List<Integer> infoTimeColumns = List.of();
    String preambleMeetingId = null;
    for (Row row : rows) {
      if (row.blank()) {
        scan.excel |= row.cells().size() > 1; // a ",,,,,," separator: Excel or R wrote the file
        continue;
      }
      scan.content = true;
      CsvHeader h = CsvHeader.participantHeader(row.cells());
      if (h != null) {
        header = h;
        infoIdColumn = -1;
        scan.header = true;
        scan.excel |= h.strayColumns;
        continue;
      }
      int idColumn = CsvHeader.meetingInfoIdColumn(row.cells());
      if (idColumn >= 0) {
        header = null;
        infoIdColumn = idColumn;
        infoTimeColumns = CsvHeader.meetingInfoTimeColumns(row.cells());
        preambleMeetingId = null;
        continue;
      }
      if (infoIdColumn >= 0) {
        if (preambleMeetingId == null) {
          preambleMeetingId = CsvValues.meetingId(row.cell(infoIdColumn));
        }
        infoTimeColumns.forEach(i -> scan.timeCells.add(CsvValues.clean(row.cell(i))));
        continue;
      }
      scan.items.add(new Item(row, header, preambleMeetingId));
      if (header != null) {
        for (int i : header.timeColumns) {
          String cell = CsvValues.clean(row.cell(i));
          scan.timeCells.add(cell);
          scan.excel |= CsvTimes.isShortYear(cell);
        }
        // Rows padded with trailing commas beyond the header, and R's NA, come from re-saves.
        scan.excel |= row.cells().size() > header.width && allBlankFrom(row.cells(), header.width);
        scan.excel |= row.cells().stream().anyMatch(CsvValues::isNa);
      }
    }
    return scan;
  }

  private static boolean allBlankFrom(List<String> cells, int from) {
    for (int i = from; i < cells.size(); i++) {
      if (!cells.get(i).isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static ParseResult<ParticipantSession> fileRejected(SourceText source, ParseContext ctx,
      String reason, String message) {
    return ParseResult.fileRejected(DeadLetters.wholeFile(ctx, FORMAT, source.sourceFile(), reason,
        message, source.text()));
  }

  /** Turns one data row into a session or a dead letter. */
  private static final class RowMapper {
    private final SourceText source;
    private final ParseContext ctx;
    private final CsvTimes times;
    private final boolean excel;
    private final boolean zoneAssumed;

    RowMapper(SourceText source, ParseContext ctx, CsvTimes times, boolean excel, boolean zoneAssumed) {
      this.source = source;
      this.ctx = ctx;
      this.times = times;
      this.excel = excel;
      this.zoneAssumed = zoneAssumed;
    }

    void map(Row row, CsvHeader h, String preambleMeetingId, ParseResult<ParticipantSession> out) {
      if (h == null) {
        reject(out, row, "CSV_ORPHAN_ROW", "Row comes before any participant header row.");
        return;
      }
      for (int i = h.width; i < row.cells().size(); i++) {
        if (CsvValues.clean(row.cell(i)) != null) {
          reject(out, row, "CSV_COLUMN_COUNT", "Row has a value in column " + (i + 1) + " but the header"
              + " has " + h.width + " columns (an unquoted comma in a name?).");
          return;
        }
      }
      Instant join;
      Instant leave;
      try {
        join = times.parse(CsvValues.clean(row.cell(h.join)));
        leave = times.parse(CsvValues.clean(row.cell(h.leave)));
      } catch (DateTimeException e) {
        reject(out, row, "CSV_BAD_TIME", "Join or leave time cannot be read: " + e.getMessage() + ".");
        return;
      }
      if (join != null && leave != null && leave.isBefore(join)) {
        reject(out, row, "CSV_NEGATIVE_SESSION", "Leave time " + leave + " is before join time " + join
            + ".");
        return;
      }
      Long durationSeconds;
      String durationCell = row.cell(h.duration >= 0 ? h.duration : h.totalDuration);
      try {
        durationSeconds = CsvValues.minutesToSeconds(durationCell);
      } catch (NumberFormatException | ArithmeticException e) {
        reject(out, row, "CSV_BAD_NUMBER", "Duration '" + durationCell + "' is not a number of minutes.");
        return;
      }
      NameSplitter.Split name = NameSplitter.split(CsvValues.clean(row.cell(h.name)));
      String meetingId = h.meetingId >= 0 ? CsvValues.meetingId(row.cell(h.meetingId)) : null;
      String guestCell = row.cell(h.guest);
      String consentCell = row.cell(h.consent);

      List<String> flags = new ArrayList<>();
      flags.add(h.layout.flag);
      if (excel) {
        flags.add(CsvHeader.EXCEL_FLAG);
      }
      flags.addAll(name.flags());
      if (!CsvValues.isRecognisedGuest(guestCell)) {
        flags.add("guest_unrecognised");
      }
      if (h.consent >= 0 && !CsvValues.isRecognisedConsent(consentCell)) {
        flags.add("recording_consent_unrecognised");
      }
      if (CsvValues.yes(row.cell(h.waitingRoom))) {
        flags.add("in_waiting_room");
      }
      if (zoneAssumed && (join != null || leave != null)) {
        flags.add("tz_assumed_utc");
      }
      out.add(new ParticipantSession(ctx.meetingKey(), source.sourceFile(), row.line(), FORMAT.id(),
          meetingId != null ? meetingId : preambleMeetingId, null, name.displayName(),
          name.originalName(), CsvValues.clean(row.cell(h.email)), null, null, null, null, null, join,
          leave, durationSeconds, CsvValues.guest(guestCell), name.role(),
          h.consent >= 0 ? CsvValues.consent(consentCell) : null, null, null, flags));
    }

    private void reject(ParseResult<ParticipantSession> out, Row row, String reason, String message) {
      out.reject(DeadLetters.atLine(ctx, FORMAT, source, row.line(), reason, message, row.raw()));
    }
  }
}
