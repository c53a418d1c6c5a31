package dev.meetscope.runners.nightly;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meetscope.models.governance.RunAudit;
import dev.meetscope.models.nlp.ModelInventory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * The append-only {@code run_audit} table in files: one new JSON-lines object per run,
 * {@code <output>/run_audit/run_date=YYYY-MM-DD/<runId>.jsonl}, holding one {@link RunAudit#toRow()} row.
 * A file that already exists is never overwritten (run ids are unique; a clash is an error), and nothing
 * here deletes: reruns, retention purges ({@code run_audit} is exempt) and person purges leave earlier rows.
 */
public final class AuditLog {
  public static final String TABLE = "run_audit";
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String BUILD_PROPERTIES = "META-INF/meetscope-build.properties";

  private AuditLog() {}

  /** Relative path of a run's audit object. */
  public static String relativePath(RunAudit audit) {
    return TABLE + "/run_date=" + audit.startedAt().atZone(ZoneOffset.UTC).toLocalDate() + "/" + audit.runId()
        + ".jsonl";
  }

  /** Appends the row; returns the path written. */
  public static String append(OutputFolder output, RunAudit audit) throws IOException {
    String path = output.path(relativePath(audit));
    MatchResult existing = FileSystems.match(List.of(path), EmptyMatchTreatment.ALLOW).get(0);
    if (existing.status() == MatchResult.Status.OK && !existing.metadata().isEmpty()) {
      throw new IOException("run_audit object " + path + " already exists; audit rows are never rewritten");
    }
    ResourceId id = FileSystems.matchNewResource(path, false);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(id, MimeTypes.TEXT))) {
      out.write((JSON.writeValueAsString(audit.toRow()) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return path;
  }

  /** Rows written per table, from the sinks' {@code sink/<table>.rows} counters (0 for a table not written). */
  public static List<RunAudit.TableCount> tableCounts(List<String> tables, Map<String, Long> counters) {
    List<RunAudit.TableCount> out = new ArrayList<>();
    for (String table : tables) {
      out.add(new RunAudit.TableCount(table, counters.getOrDefault("sink/" + table + ".rows", 0L)));
    }
    return out;
  }

  /** The counters named {@code <prefix><reason>}, by reason (the skipped meetings or events). */
  public static SortedMap<String, Long> countersByReason(Map<String, Long> counters, String prefix) {
    SortedMap<String, Long> out = new TreeMap<>();
    counters.forEach((name, value) -> {
      if (name.startsWith(prefix)) {
        out.put(name.substring(prefix.length()), value);
      }
    });
    return out;
  }

  /** The CoreNLP version and model files this build carries ({@link ModelInventory}). */
  public static SortedMap<String, String> modelVersions() {
    SortedMap<String, String> out = new TreeMap<>();
    ModelInventory inventory = ModelInventory.load();
    out.put("corenlp", inventory.coreNlpVersion());
    for (ModelInventory.ModelFile f : inventory.files()) {
      out.put(f.key(), f.path());
    }
    return out;
  }

  /** The project version the build wrote, or {@code unknown}. */
  public static String codeVersion() {
    Properties p = new Properties();
    try (InputStream in = AuditLog.class.getClassLoader().getResourceAsStream(BUILD_PROPERTIES)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    String v = p.getProperty("code.version");
    return v == null || v.contains("${") ? "unknown" : v;
  }

  /** {@code --name=value} arguments as a map (bare flags map to "true"; sub-commands are skipped). */
  public static SortedMap<String, String> options(List<String> args) {
    SortedMap<String, String> out = new TreeMap<>();
    for (String a : new ArrayList<>(args)) {
      if (!a.startsWith("--")) {
        continue;
      }
      int eq = a.indexOf('=');
      out.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
    }
    return out;
  }
}
