package dev.meetscope.runners.purge;

import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableSchema;
import dev.meetscope.models.governance.PersonPurge;
import dev.meetscope.models.governance.PersonRef;
import dev.meetscope.models.governance.Pseudonymizer;
import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.transforms.sink.bigquery.BigQueryDataset;
import dev.meetscope.transforms.sink.bigquery.BigQueryDml;
import dev.meetscope.transforms.sink.bigquery.BigQueryPurgeSql;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code meetscope purge --person=… --bigqueryDataset=P:D}: runs {@link BigQueryPurgeSql}'s statements on
 * every table of the dataset (from {@code tables.list}, with each table's live schema), {@code run_audit}
 * excepted. A table that fails does not stop the others; the exit code then says to run again.
 */
final class BigQueryPersonPurge {
  static final String PARTICIPANT_MEETING = "participant_meeting";
  static final String STREAMING_BUFFER = "retry after the buffer flushes (up to 90 minutes)";

  private final BigQueryDml client;
  private final BigQueryDataset dataset;
  private final PrintStream out;

  BigQueryPersonPurge(BigQueryDml client, BigQueryDataset dataset, PrintStream out) {
    this.client = client;
    this.dataset = dataset;
    this.out = out;
  }

  int run(PersonRef ref, Pseudonymizer keys, boolean dryRun) throws IOException {
    String project = dataset.project();
    Map<String, TableSchema> tables = new LinkedHashMap<>();
    for (String table : client.tables(project, dataset.dataset())) {
      if (!PersonPurge.UNTOUCHED_TABLES.contains(table)) {
        tables.put(table, client.schema(project, dataset.dataset(), table));
      }
    }
    Set<PersonRef> refs = new LinkedHashSet<>(List.of(ref));
    Set<String> meetingKeys = new TreeSet<>();
    TableSchema pm = tables.get(PARTICIPANT_MEETING);
    if (dryRun) {
      boolean byName = ref.kind() == PersonRef.Kind.NAME || ref.kind() == PersonRef.Kind.NAME_OR_KEY;
      out.println("dry run: nothing is sent to BigQuery; " + (byName
          ? "the name's per-meeting keys (name:<meeting_key>:…) and the names and emails the person used are "
              + "read from " + PARTICIPANT_MEETING + " only in a real run, so @keys below lacks them"
          : "the names and emails the person used are read from " + PARTICIPANT_MEETING
              + " only in a real run"));
    } else if (pm != null && has(pm, "meeting_key")) {
      // Name identities are keyed per meeting: every meeting the dataset knows, as the file purge does.
      String sql = "SELECT DISTINCT meeting_key FROM " + ref(PARTICIPANT_MEETING) + " WHERE meeting_key IS NOT NULL";
      for (List<String> row : client.select(project, sql, Map.of())) {
        meetingKeys.add(row.get(0));
      }
      learn(refs, keys, meetingKeys, pm);
    }
    PersonPurge purge = PersonPurge.of(keys, refs, meetingKeys);
    String pattern = BigQueryPurgeSql.pattern(purge.names(), purge.emails(), purge.ids());
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put(BigQueryPurgeSql.KEYS, List.copyOf(purge.participantKeys()));
    parameters.put(BigQueryPurgeSql.EMAILS, List.copyOf(purge.emails()));
    parameters.put(BigQueryPurgeSql.NAMES, List.copyOf(purge.names()));
    if (pattern != null) {
      parameters.put(BigQueryPurgeSql.PATTERN, pattern);
    }
    if (dryRun) {
      parameters.forEach((k, v) -> out.println("@" + k + " = " + v));
    }
    long deleted = 0;
    long changed = 0;
    List<String> failed = new ArrayList<>();
    for (Map.Entry<String, TableSchema> t : tables.entrySet()) {
      String table = t.getKey();
      List<String> statements = BigQueryPurgeSql.statements(project, dataset.dataset(), table, t.getValue(),
          pattern != null);
      if (dryRun) {
        statements.forEach(s -> out.println("would run on " + table + ":\n" + s + ";"));
        continue;
      }
      long tableDeleted = 0;
      long tableChanged = 0;
      try {
        for (String sql : statements) {
          long n = client.execute(project, sql, parameters);
          if (sql.startsWith("DELETE")) {
            tableDeleted += n;
          } else {
            tableChanged += n;
          }
        }
      } catch (BigQueryDml.QueryFailed e) {
        // A failed statement leaves its table as it was (DML is atomic); later ones would fail the same way.
        failed.add(table);
        out.println("bigquery " + table + ": not purged, " + (e.streamingBuffer() ? STREAMING_BUFFER + ": " : "")
            + e.getMessage());
        continue;
      } finally {
        deleted += tableDeleted;
        changed += tableChanged;
      }
      out.printf("bigquery %s: %d rows deleted, %d rows changed%n", table, tableDeleted, tableChanged);
    }
    out.printf("meetscope purge: BigQuery %s: %d rows of the person deleted, %d rows changed in %d tables%s%s. "
            + "BigQuery keeps changed data for the dataset's time-travel window (up to 7 days) plus 7 days of "
            + "fail-safe; add the person to the --optOut file so the next run does not bring them back.%n",
        dataset, deleted, changed, tables.size(), failed.isEmpty() ? "" : "; not purged: " + String.join(", ", failed)
            + " (run the purge again)", dryRun ? " (dry run: nothing changed)" : "");
    return failed.isEmpty() ? ExitCodes.OK : ExitCodes.PIPELINE_FAILED;
  }

  /**
   * One round of learning, as the file purge does: the names and emails on the person's {@code
   * participant_meeting} rows (written with {@code --includeIdentities}), so their chat and transcript lines
   * and mentions of their name are found too.
   */
  private void learn(Set<PersonRef> refs, Pseudonymizer keys, Set<String> meetingKeys, TableSchema pm)
      throws IOException {
    List<String> columns = new ArrayList<>();
    for (String c : List.of("display_name", "email")) {
      if (has(pm, c)) {
        columns.add(c);
      }
    }
    if (columns.isEmpty() || !has(pm, "participant_key")) {
      return;
    }
    PersonPurge purge = PersonPurge.of(keys, refs, meetingKeys);
    String sql = "SELECT DISTINCT " + String.join(", ", columns) + " FROM " + ref(PARTICIPANT_MEETING)
        + " WHERE participant_key IN UNNEST(@" + BigQueryPurgeSql.KEYS + ")"
        + (has(pm, "email") ? " OR LOWER(TRIM(email)) IN UNNEST(@" + BigQueryPurgeSql.EMAILS + ")" : "");
    Map<String, Object> parameters = Map.of(BigQueryPurgeSql.KEYS, List.copyOf(purge.participantKeys()),
        BigQueryPurgeSql.EMAILS, List.copyOf(purge.emails()));
    for (List<String> row : client.select(dataset.project(), sql, parameters)) {
      for (int i = 0; i < columns.size(); i++) {
        PurgeCommand.addRef(refs, columns.get(i).equals("email") ? PersonRef.Kind.EMAIL : PersonRef.Kind.NAME,
            row.get(i));
      }
    }
  }

  private String ref(String table) {
    return "`" + dataset.project() + "." + dataset.dataset() + "." + table + "`";
  }

  private static boolean has(TableSchema schema, String column) {
    if (schema.getFields() != null) {
      for (TableFieldSchema f : schema.getFields()) {
        if (f.getName().equals(column)) {
          return true;
        }
      }
    }
    return false;
  }
}
