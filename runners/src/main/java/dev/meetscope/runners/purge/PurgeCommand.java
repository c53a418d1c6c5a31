package dev.meetscope.runners.purge;

import dev.meetscope.models.report.Html;
import dev.meetscope.models.report.MeetingPage;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meetscope.models.governance.PersonPurge;
import dev.meetscope.models.governance.PersonRef;
import dev.meetscope.models.governance.Pseudonymizer;
import dev.meetscope.models.governance.RetentionPolicy;
import dev.meetscope.models.governance.RunAudit;
import dev.meetscope.models.governance.RunIds;
import dev.meetscope.models.governance.OptionRedactor;
import dev.meetscope.models.analytics.MetricsVersion;
import dev.meetscope.runners.nightly.AuditLog;
import dev.meetscope.runners.nightly.OutputFolder;
import dev.meetscope.runners.cli.Command;
import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.runners.cli.MissingInputException;
import dev.meetscope.runners.cli.OptionArgs;
import dev.meetscope.runners.cli.OptionArgs.Option;
import dev.meetscope.runners.cli.UsageException;
import dev.meetscope.transforms.governance.PseudonymKey;
import dev.meetscope.transforms.sink.bigquery.BigQueryDataset;
import dev.meetscope.transforms.sink.bigquery.BigQueryDml;
import dev.meetscope.transforms.sink.ParquetTableFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * {@code meetscope purge}: retention by age ({@code --olderThanDays}, {@link RetentionPolicy}) and removal of
 * one person from every written table ({@code --person}, {@link PersonPurge}), on a local or gs:// output
 * folder, and of one person from a BigQuery dataset ({@code --bigqueryDataset}). Earlier {@code run_audit} rows
 * are never touched; a purge of a folder appends its own.
 */
public final class PurgeCommand implements Command {
  private static final String NAME = "purge";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Where the nightly job writes meeting pages, relative to its output folder (WriteReports). */
  static final String REPORT_MEETINGS = "reports/meetings/";
  private static final String PARQUET = ".parquet";
  private static final List<Option> OPTIONS = List.of(
      new Option("output", "out", "Output folder of the nightly job (local or gs://)."),
      new Option("olderThanDays", null, "Delete dated outputs whose date D is older than N days: D < today − N "
          + "(the day folders of nightly --date and meeting_date=/run_date=/week_start= partitions)."),
      new Option("person", null, "Remove everything about one person: email, uid:…, ck:…, reg:…, name:… or a "
          + "bare customer key or display name. Their rows go; their keys, names and emails leave other rows."),
      new Option("pseudonymKey", null, "The key reference the outputs were written with (file:, env: or a "
          + "Secret Manager name); needed with --person to find their participant_key."),
      new Option("bigqueryDataset", null, "PROJECT:DATASET written by --sink=bigquery: with --person, remove the "
          + "person from its tables too (DML generated from each table's live schema). Without --output only "
          + "BigQuery is purged."),
      new Option("bigqueryEndpoint", BigQueryDml.DEFAULT_ENDPOINT, "BigQuery REST endpoint (Application Default "
          + "Credentials)."),
      new Option("dryRun", "false", "Print what would change without changing anything (for BigQuery: the "
          + "statements and their parameters; nothing is sent)."));

  private final Clock clock;
  private final BigQueryConnector bigquery;

  public PurgeCommand() {
    this(Clock.systemUTC());
  }

  /** For tests: the clock that defines "today". */
  public PurgeCommand(Clock clock) {
    this(clock, BigQueryDml::withApplicationDefaultCredentials);
  }

  /** For tests: also how to reach BigQuery (e.g. {@link BigQueryDml#unauthenticatedLoopback}). */
  public PurgeCommand(Clock clock, BigQueryConnector bigquery) {
    this.clock = clock;
    this.bigquery = bigquery;
  }

  /** Opens the BigQuery client for an endpoint. */
  @FunctionalInterface
  public interface BigQueryConnector {
    BigQueryDml open(String endpoint) throws IOException;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String summary() {
    return "Delete outputs older than N days, or everything about one person (--person)";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("Usage: meetscope purge --output=DIR (--olderThanDays=N | --person=WHO --pseudonymKey=REF)");
    out.println("       meetscope purge [--output=DIR] --bigqueryDataset=PROJECT:DATASET --person=WHO "
        + "--pseudonymKey=REF");
    out.println();
    out.println("run_audit is never purged; a purge of an output folder appends its own row. "
        + "See docs/governance.md §6, §7.");
    out.println();
    out.println("Options:");
    for (Option o : OPTIONS) {
      out.println("  --" + o.name() + (o.defaultValue() == null ? "" : "=" + o.defaultValue()));
      out.println("      " + o.help());
    }
    out.println();
    out.println("Exit codes: 0 ok, 2 bad options, 3 an output file could not be read (nothing changed), "
        + "4 a BigQuery table could not be purged (the others were; run again later), 1 internal error.");
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    OptionArgs options = new OptionArgs(OPTIONS).parse(NAME, args);
    if (options.help()) {
      printHelp(out);
      return ExitCodes.OK;
    }
    boolean dryRun = options.getBoolean(NAME, "dryRun");
    if (!options.has("olderThanDays") && !options.has("person")) {
      throw new UsageException("meetscope purge: say what to purge: --olderThanDays=N or --person=WHO");
    }
    boolean bq = options.has("bigqueryDataset");
    if (bq && !options.has("person")) {
      throw new UsageException("meetscope purge: --bigqueryDataset goes with --person; BigQuery partitions age "
          + "out by their expiry (--retentionDays), not by --olderThanDays");
    }
    boolean files = !bq || options.has("output");
    if (!files && options.has("olderThanDays")) {
      throw new UsageException("meetscope purge: --olderThanDays needs --output (the folder to age out)");
    }
    Instant started = Instant.now();
    Tally tally = new Tally();
    int exit = ExitCodes.INTERNAL_ERROR;
    try {
      exit = files ? purgeFiles(options, dryRun, out, tally) : ExitCodes.OK;
      if (bq) {
        exit = Math.max(exit, purgeBigQuery(options, dryRun, out));
      }
      return exit;
    } finally {
      if (tally.root != null && !dryRun) {
        appendAudit(tally, started, args, exit == ExitCodes.OK ? "succeeded" : "failed", err);
      }
    }
  }

  /** What a purge did to an output folder, for its run_audit row. */
  private static final class Tally {
    /** Set once the options are checked and the folder listed: from then on the run is audited. */
    String root;
    long filesExamined;
    final SortedMap<String, Long> byTable = new TreeMap<>();
    String pseudonymKeyId;

    void count(String table, long n) {
      byTable.merge(table, n, Long::sum);
    }
  }

  /**
   * A purge changes outputs, so it leaves a run_audit row like every job (docs/governance.md §7): command
   * {@code purge}, the options with {@code --person} masked by {@link OptionRedactor}, the table files read,
   * and per table the rows of the person deleted ({@code <table>}) or the dated files deleted
   * ({@code <table>:files}). A purge only of BigQuery has no output folder; BigQuery's job history records it.
   */
  private static void appendAudit(Tally tally, Instant started, String[] args, String status, PrintStream err) {
    List<RunAudit.TableCount> tables = new ArrayList<>();
    tally.byTable.forEach((table, n) -> tables.add(new RunAudit.TableCount(table, n)));
    RunAudit row = new RunAudit(RunIds.newRunId(started), started, Instant.now(), NAME, status,
        AuditLog.options(List.of(args)), tally.filesExamined, 0, tables, 0, MetricsVersion.CURRENT,
        AuditLog.modelVersions(), AuditLog.codeVersion(), null, 0, null, 0, tally.pseudonymKeyId);
    try {
      AuditLog.append(new OutputFolder(tally.root), row);
    } catch (IOException e) {
      err.println("meetscope purge: could not append the run_audit row: " + e.getMessage());
    }
  }

  private int purgeFiles(OptionArgs options, boolean dryRun, PrintStream out, Tally tally) throws IOException {
    String root = strip(absoluteIfLocal(options.required(NAME, "output")));
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    List<String> files = listFiles(root);
    if (options.has("olderThanDays")) {
      RetentionPolicy policy;
      try {
        policy = new RetentionPolicy((int) options.getLong(NAME, "olderThanDays", 1, RetentionPolicy.MAX_DAYS));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      tally.root = root;
      tally.filesExamined = files.size();
      LocalDate today = LocalDate.now(clock);
      List<String> relative = files.stream().map(f -> f.substring(root.length() + 1)).toList();
      List<String> delete = policy.toDelete(relative, today);
      for (String f : delete) {
        out.println((dryRun ? "would delete " : "deleted ") + f);
        String table = tableOf(root, root + "/" + f);
        tally.count(("_root".equals(table) ? f.substring(f.lastIndexOf('/') + 1) : table) + ":files", 1);
      }
      if (!dryRun && !delete.isEmpty()) {
        List<ResourceId> ids = new ArrayList<>();
        delete.forEach(f -> ids.add(FileSystems.matchNewResource(root + "/" + f, false)));
        FileSystems.delete(ids, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      }
      out.printf("meetscope purge: %d files older than %d days (dated before %s)%s%n", delete.size(),
          policy.days(), policy.oldestKept(today), dryRun ? ", dry run: nothing deleted" : " deleted");
      files = listFiles(root);
    }
    if (options.has("person")) {
      return purgePerson(root, files, options, dryRun, out, tally);
    }
    return ExitCodes.OK;
  }

  private int purgePerson(String root, List<String> files, OptionArgs options, boolean dryRun, PrintStream out,
      Tally tally) throws IOException {
    PersonRef ref = personRef(options);
    Pseudonymizer keys = pseudonymizer(options);
    List<String> tableFiles = files.stream().filter(PurgeCommand::purgeable).toList();
    tally.root = root;
    tally.filesExamined = Math.max(tally.filesExamined, tableFiles.size());
    tally.pseudonymKeyId = keys.keyId();
    // Every table file is read once, before anything changes; the passes below reuse the rows.
    Map<String, TableFile> tablesByFile = new LinkedHashMap<>();
    for (String f : tableFiles) {
      tablesByFile.put(f, readTable(f));
    }
    Set<String> meetingKeys = new TreeSet<>();
    for (TableFile t : tablesByFile.values()) {
      for (Map<String, Object> row : t.tableRows()) {
        if (row.get("meeting_key") instanceof String k) {
          meetingKeys.add(k);
        }
      }
    }
    // Learn the names and emails the person used from the rows their reference finds (an email finds the
    // participant rows, which name them), until nothing new is learned: then their chat lines and the
    // mentions of their name in others' text go too.
    List<PersonRef> refs = new ArrayList<>(List.of(ref));
    PersonPurge purge = PersonPurge.of(keys, refs, meetingKeys);
    for (int round = 0; round < 3; round++) {
      Set<PersonRef> learned = new java.util.LinkedHashSet<>(refs);
      for (TableFile t : tablesByFile.values()) {
        for (Map<String, Object> row : t.tableRows()) {
          if (purge.matches(row)) {
            addRef(learned, PersonRef.Kind.NAME, row.get("display_name"));
            addRef(learned, PersonRef.Kind.NAME, row.get("original_name"));
            addRef(learned, PersonRef.Kind.EMAIL, row.get("email"));
          }
        }
      }
      if (learned.size() == refs.size()) {
        break;
      }
      refs = new ArrayList<>(learned);
      purge = PersonPurge.of(keys, refs, meetingKeys);
    }
    int deletedRows = 0;
    int rewritten = 0;
    int deletedFiles = 0;
    Set<String> theirMeetings = new TreeSet<>();
    for (Map.Entry<String, TableFile> e : tablesByFile.entrySet()) {
      String f = e.getKey();
      String table = tableOf(root, f);
      List<PersonPurge.RowDecision> decisions = new ArrayList<>();
      boolean json = e.getValue().document();
      ParquetTableFile parquet = e.getValue().parquet();
      for (Map<String, Object> row : e.getValue().rows()) {
        PersonPurge.RowDecision d = purge.decide(table, row);
        decisions.add(d);
        if (d.action() == PersonPurge.RowAction.DELETE) {
          deletedRows++;
          tally.count(table, 1);
          if (row.get("meeting_key") instanceof String k) {
            theirMeetings.add(k);
          }
        }
      }
      PersonPurge.FileAction action = PersonPurge.planFile(decisions);
      if (action == PersonPurge.FileAction.UNCHANGED) {
        continue;
      }
      String rel = f.substring(root.length() + 1);
      out.println((dryRun ? "would " : "") + (action == PersonPurge.FileAction.DELETE ? "delete " : "rewrite ")
          + rel);
      if (dryRun) {
        continue;
      }
      if (action == PersonPurge.FileAction.DELETE && !json) {
        FileSystems.delete(List.of(FileSystems.matchNewResource(f, false)),
            MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
        deletedFiles++;
      } else {
        List<Map<String, Object>> kept = new ArrayList<>();
        for (PersonPurge.RowDecision d : decisions) {
          if (d.action() != PersonPurge.RowAction.DELETE) {
            kept.add(d.row());
          }
        }
        replace(f, parquet != null ? parquet.write(kept) : jsonText(kept, json));
        rewritten++;
      }
    }
    // Report pages are rendered from rows that are gone now: a meeting page of a meeting they were in shows
    // their figures even under "Person N", and any page may name them. Such pages are deleted, not patched;
    // the next nightly run renders them again from the purged inputs.
    Set<String> theirPages = new TreeSet<>();
    theirMeetings.forEach(k -> theirPages.add(REPORT_MEETINGS + MeetingPage.fileName(k)));
    for (String f : files) {
      if (!f.endsWith(".html")) {
        continue;
      }
      String rel = f.substring(root.length() + 1);
      if (!theirPages.contains(rel) && !purge.mentions(Html.decodeEntities(read(f)))) {
        continue;
      }
      out.println((dryRun ? "would delete " : "delete ") + rel + " (report page about the person)");
      if (!dryRun) {
        FileSystems.delete(List.of(FileSystems.matchNewResource(f, false)),
            MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
        deletedFiles++;
      }
    }
    out.printf("meetscope purge: %d rows of the person deleted, %d files rewritten, %d files deleted%s. "
            + "Add them to the --optOut file so the next run does not bring them back; deleted objects stay in "
            + "bucket soft-delete and BigQuery time travel until those windows pass.%n",
        deletedRows, rewritten, deletedFiles, dryRun ? " (dry run: nothing changed)" : "");
    return ExitCodes.OK;
  }

  private static PersonRef personRef(OptionArgs options) {
    try {
      return PersonRef.parse(options.required(NAME, "person"));
    } catch (IllegalArgumentException e) {
      throw new UsageException("meetscope purge: " + e.getMessage());
    }
  }

  private static Pseudonymizer pseudonymizer(OptionArgs options) throws IOException {
    String keyRef = options.required(NAME, "pseudonymKey");
    try {
      return PseudonymKey.of(keyRef).pseudonymizer();
    } catch (IllegalArgumentException e) {
      throw new UsageException("meetscope purge: " + e.getMessage());
    }
  }

  private int purgeBigQuery(OptionArgs options, boolean dryRun, PrintStream out) throws IOException {
    BigQueryDataset dataset;
    try {
      dataset = BigQueryDataset.parse(options.required(NAME, "bigqueryDataset"));
    } catch (IllegalArgumentException e) {
      throw new UsageException("meetscope purge: " + e.getMessage());
    }
    PersonRef ref = personRef(options);
    Pseudonymizer keys = pseudonymizer(options);
    BigQueryDml client = bigquery.open(options.get("bigqueryEndpoint"));
    return new BigQueryPersonPurge(client, dataset, out).run(ref, keys, dryRun);
  }

  static void addRef(Set<PersonRef> refs, PersonRef.Kind kind, Object value) {
    if (value instanceof String v && !v.isBlank() && !v.equals(dev.meetscope.models.governance.Redactor.MARK)) {
      refs.add(new PersonRef(kind, kind == PersonRef.Kind.EMAIL ? v.strip().toLowerCase(java.util.Locale.ROOT)
          : v.strip()));
    }
  }

  /** Table rows (JSON lines, Parquet) and JSON documents such as _METRICS.json; run_audit is never touched. */
  private static boolean purgeable(String path) {
    return (path.endsWith(".jsonl") || path.endsWith(PARQUET) || path.endsWith(".json"))
        && !path.contains("/run_audit/");
  }

  /** JSON lines, or one pretty-printed document for a .json file (as the job writes them). */
  private static byte[] jsonText(List<Map<String, Object>> rows, boolean document) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Map<String, Object> row : rows) {
      sb.append(document ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(row)
          : JSON.writeValueAsString(row)).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The table a file belongs to: the nearest folder above it that is not a partition. */
  static String tableOf(String root, String file) {
    String[] parts = file.substring(root.length() + 1).split("/");
    String name = parts[parts.length - 1];
    int dash = name.indexOf('-');
    if (dash > 0 && !name.startsWith("part-") && name.substring(0, dash).matches("[a-z_]+")) {
      return name.substring(0, dash); // views/host/host_key=…/participant_meeting-00000-of-00001.jsonl
    }
    for (int i = parts.length - 2; i >= 0; i--) {
      if (parts[i].indexOf('=') < 0 && !parts[i].matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
        return parts[i];
      }
    }
    return "_root";
  }

  private static List<String> listFiles(String root) throws IOException {
    List<String> out = new ArrayList<>();
    for (MatchResult r : FileSystems.match(List.of(root + "/**"), EmptyMatchTreatment.ALLOW)) {
      if (r.status() != MatchResult.Status.OK) {
        continue;
      }
      for (MatchResult.Metadata m : r.metadata()) {
        if (!m.resourceId().isDirectory()) {
          out.add(m.resourceId().toString());
        }
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * A table file's rows: JSON lines, a Parquet file (kept, to write back with its schema) or one JSON document
   * such as _METRICS.json. A document is rewritten like a row but holds no table rows to learn from.
   */
  private record TableFile(List<Map<String, Object>> rows, ParquetTableFile parquet, boolean document) {
    List<Map<String, Object>> tableRows() {
      return document ? List.of() : rows;
    }
  }

  /** Reads a table file; one that cannot be read stops the purge, which has changed nothing yet. */
  private static TableFile readTable(String file) {
    try {
      if (file.endsWith(PARQUET)) {
        ParquetTableFile parquet = ParquetTableFile.read(readBytes(file));
        return new TableFile(parquet.rows(), parquet, false);
      }
      if (file.endsWith(".json")) {
        return new TableFile(List.of(readObject(file)), null, true);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      for (String line : read(file).split("\n")) {
        if (!line.isBlank()) {
          rows.add(JSON.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() {}));
        }
      }
      return new TableFile(rows, null, false);
    } catch (IOException | RuntimeException e) {
      throw new MissingInputException(file + " is not a readable " + (file.endsWith(PARQUET) ? "Parquet"
          : file.endsWith(".json") ? "JSON" : "JSON-lines") + " table file (" + e.getMessage()
          + "); nothing was changed");
    }
  }

  private static Map<String, Object> readObject(String file) throws IOException {
    return JSON.readValue(read(file), new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  private static String read(String file) throws IOException {
    return new String(readBytes(file), StandardCharsets.UTF_8);
  }

  private static byte[] readBytes(String file) throws IOException {
    try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(file, false)))) {
      return in.readAllBytes();
    }
  }

  /** Writes a sibling temporary object, then renames it over the file: a reader never sees half a file. */
  private static void replace(String file, byte[] content) throws IOException {
    ResourceId target = FileSystems.matchNewResource(file, false);
    ResourceId tmp = FileSystems.matchNewResource(file + ".purge-tmp", false);
    try (OutputStream o = Channels.newOutputStream(FileSystems.create(tmp,
        file.endsWith(PARQUET) ? MimeTypes.BINARY : MimeTypes.TEXT))) {
      o.write(content);
    }
    FileSystems.rename(List.of(tmp), List.of(target));
  }

  private static String absoluteIfLocal(String path) {
    return path.matches("[A-Za-z][A-Za-z0-9+.-]*://.*") ? path
        : java.nio.file.Path.of(path).toAbsolutePath().normalize().toString();
  }

  private static String strip(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
