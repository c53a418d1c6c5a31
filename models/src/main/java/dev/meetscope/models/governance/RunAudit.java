package dev.meetscope.models.governance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One row of the append-only {@code run_audit} table: what ran, with which options, on what, producing
 * what. Every run appends exactly one row when it ends (also when it fails); no run rewrites or deletes an
 * earlier row (BigQuery: {@code WRITE_APPEND} only; files: one new object per run id, never overwritten).
 * The row holds counts, versions and redacted options only — no names, emails, file names or keys.
 *
 * <p>The compact constructor re-applies {@link OptionRedactor} to {@code options}, so a caller that forgot
 * cannot store a secret (redaction is idempotent).
 *
 * @param status {@code succeeded} or {@code failed}
 * @param options user-visible options, secrets removed
 * @param inputFiles number of input files read
 * @param inputBytes total bytes of those files
 * @param outputTables rows written per table, in write order
 * @param deadLetters dead letters written
 * @param modelVersions e.g. {@code corenlp → 4.5.10}, sorted by name
 * @param consentMode {@code manifest}, {@code allowlist} or {@code all}
 * @param meetingsSkipped skipped meetings per {@link ConsentDecision.Reason#code()}, sorted by code
 * @param optedOutPeople opted-out people found, summed over meetings (a number only)
 * @param pseudonymKeyId {@link Pseudonymizer#keyId()}: shows a key rotation without revealing the key
 */
public record RunAudit(
    String runId,
    Instant startedAt,
    Instant endedAt,
    String command,
    String status,
    SortedMap<String, String> options,
    long inputFiles,
    long inputBytes,
    List<TableCount> outputTables,
    long deadLetters,
    String metricsVersion,
    SortedMap<String, String> modelVersions,
    String codeVersion,
    String consentMode,
    long meetingsAnalysed,
    SortedMap<String, Long> meetingsSkipped,
    long optedOutPeople,
    String pseudonymKeyId) {

  /** Column names of the run_audit table, in order (BigQuery and files). */
  public static final List<String> COLUMNS = List.of("run_id", "started_at", "ended_at", "command",
      "status", "options", "input_files", "input_bytes", "output_tables", "dead_letters",
      "metrics_version", "model_versions", "code_version", "consent_mode", "meetings_analysed",
      "meetings_skipped", "opted_out_people", "pseudonym_key_id");

  /** Rows written to one table. */
  public record TableCount(String table, long rows) {
    @Override
    public String toString() {
      return table + "=" + rows;
    }
  }

  public RunAudit {
    Objects.requireNonNull(runId, "runId");
    options = Collections.unmodifiableSortedMap(OptionRedactor.redact(options));
    outputTables = outputTables == null ? List.of() : List.copyOf(outputTables);
    modelVersions = Collections.unmodifiableSortedMap(
        modelVersions == null ? new TreeMap<>() : new TreeMap<>(modelVersions));
    meetingsSkipped = Collections.unmodifiableSortedMap(
        meetingsSkipped == null ? new TreeMap<>() : new TreeMap<>(meetingsSkipped));
  }

  /**
   * The row as a map in {@link #COLUMNS} order: timestamps as ISO-8601 UTC strings, maps as lists of
   * {@code {name, value}} records and tables as {@code {table, rows}} records (BigQuery REPEATED RECORD
   * columns; the same shape serialises to JSON Lines).
   */
  public Map<String, Object> toRow() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("run_id", runId);
    row.put("started_at", startedAt == null ? null : startedAt.toString());
    row.put("ended_at", endedAt == null ? null : endedAt.toString());
    row.put("command", command);
    row.put("status", status);
    row.put("options", nameValues(options));
    row.put("input_files", inputFiles);
    row.put("input_bytes", inputBytes);
    List<Map<String, Object>> tables = new ArrayList<>();
    for (TableCount t : outputTables) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("table", t.table());
      m.put("rows", t.rows());
      tables.add(m);
    }
    row.put("output_tables", tables);
    row.put("dead_letters", deadLetters);
    row.put("metrics_version", metricsVersion);
    row.put("model_versions", nameValues(modelVersions));
    row.put("code_version", codeVersion);
    row.put("consent_mode", consentMode);
    row.put("meetings_analysed", meetingsAnalysed);
    row.put("meetings_skipped", nameValues(meetingsSkipped));
    row.put("opted_out_people", optedOutPeople);
    row.put("pseudonym_key_id", pseudonymKeyId);
    return row;
  }

  private static List<Map<String, Object>> nameValues(Map<String, ?> map) {
    List<Map<String, Object>> out = new ArrayList<>();
    map.forEach((k, v) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", k);
      m.put("value", v);
      out.add(m);
    });
    return out;
  }
}
