package dev.meetscope.pipelines.nightly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meetscope.transforms.sink.bigquery.BigQueryAccessSql;
import dev.meetscope.transforms.sink.bigquery.BigQueryTables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/bigquery.sql} (the DDL for provisioning the nightly tables by hand, then the role-based access
 * SQL of {@link BigQueryAccessSql} for them) equal to the schemas the sink loads with. Run with {@code -Dmeetscope.writeDocs=true} to regenerate it after changing a record.
 */
class BigQueryDdlTest {
  private static final Path DDL = Path.of("../docs/bigquery.sql");

  static String render() {
    StringBuilder sb = new StringBuilder()
        .append("-- Generated from the record schemas by BigQueryDdlTest: do not edit by hand (rerun the test with\n")
        .append("-- -Dmeetscope.writeDocs=true). The tables of `meetscope nightly --sink=bigquery` (docs/bigquery.md):\n")
        .append("-- the record's columns, then meeting_date (the partition, the run's --date) and host_key.\n")
        .append("-- Replace my-project.meetscope with your project and dataset, e.g.\n")
        .append("--   sed 's/my-project\\.meetscope/acme-analytics.meetscope/' docs/bigquery.sql | bq query --use_legacy_sql=false\n")
        .append("-- Partitions never expire. With --retentionDays=N the sink creates missing tables with that partition\n")
        .append("-- expiry; it never changes an existing table's, so run each table's commented ALTER TABLE\n")
        .append("-- below with N (also to change or set the retention later).\n");
    for (Map.Entry<String, Class<?>> e : NightlyTables.records().entrySet()) {
      sb.append('\n').append(BigQueryTables.ddl("my-project", "meetscope", e.getKey(), e.getValue()))
          .append("-- ").append(BigQueryTables.partitionExpiryDdl("my-project", "meetscope", e.getKey(), "N"))
          .append('\n');
    }
    // The role-based access (governance.md §5.2) for the same tables, with placeholder principals.
    sb.append("\n-- ---------------------------------------------------------------------------------------------\n")
        .append("-- Access: run after the tables, with your own datasets and groups (sed as above, and for the\n")
        .append("-- meetscope_acl dataset and the example.com / my-project.iam addresses).\n")
        .append(new BigQueryAccessSql(BigQueryAccessSqlTest.SETTINGS, NightlyTables.records()).render());
    return sb.toString();
  }

  @Test
  void theDdlInDocsMatchesTheSchemasTheSinkLoadsWith() throws IOException {
    String generated = render();
    if (Boolean.getBoolean("meetscope.writeDocs")) {
      Files.writeString(DDL, generated, StandardCharsets.UTF_8);
    }
    assertEquals(generated, Files.exists(DDL) ? Files.readString(DDL, StandardCharsets.UTF_8) : "",
        "docs/bigquery.sql is stale: rerun BigQueryDdlTest with -Dmeetscope.writeDocs=true");
  }
}
