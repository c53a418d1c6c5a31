package dev.meetscope.transforms.sink.bigquery;

import com.google.api.services.bigquery.model.Clustering;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.api.services.bigquery.model.TimePartitioning;
import dev.meetscope.models.governance.RetentionPolicy;
import dev.meetscope.transforms.schema.RecordSchemaProvider;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryUtils;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.logicaltypes.SqlTypes;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How a Meetscope table looks in BigQuery. The columns are the record's Beam schema
 * ({@link RecordSchemaProvider}, the same one that drives Parquet and JSONL) converted by Beam's
 * {@link BigQueryUtils}, plus two derived columns at the end:
 *
 * <ul>
 *   <li>{@value #MEETING_DATE} {@code DATE NOT NULL}: the partition column. Not every record carries a meeting
 *       time ({@code dead_letter} has none, an utterance's wall time can be null, a meeting spanning midnight
 *       has rows on two days), and a rerun can only replace a day exactly when every row of the run lands in
 *       the same partition. So batch rows carry the day the run processed ({@code --date}: the landing
 *       partition, which {@code meetscope pull} fills with the meetings of that day); streaming rows carry the
 *       day of their event time.
 *   <li>{@value #HOST_KEY} {@code STRING}: the {@code participant_key} (keyed pseudonym) of the meeting's host,
 *       from the protected {@code participant_meeting} rows ({@link MeetingHosts}); null when no host is known.
 *       Never an email or a name: governance keeps identities out of default outputs.
 * </ul>
 *
 * Tables are partitioned by day on {@value #MEETING_DATE} (expiring after {@code --retentionDays} when it is
 * given) and clustered by {@value #MEETING_KEY}, {@value
 * #HOST_KEY}; a table without a meeting key ({@code person_week}) by {@value #PARTICIPANT_KEY}, host null.
 */
public final class BigQueryTables {
  public static final String MEETING_DATE = "meeting_date";
  public static final String HOST_KEY = "host_key";
  public static final String MEETING_KEY = "meeting_key";
  /** Clusters the per-person tables that span meetings ({@code person_week}), which have no meeting key. */
  public static final String PARTICIPANT_KEY = "participant_key";
  private static final DateTimeFormatter DECORATOR = DateTimeFormatter.BASIC_ISO_DATE;

  private BigQueryTables() {}

  /** The Beam schema of a table's BigQuery rows: the record's columns, then the derived ones. */
  public static Schema rowSchema(Class<?> recordClass) {
    Schema record = RecordSchemaProvider.schemaOf(recordClass);
    if (!record.hasField(MEETING_KEY) && !record.hasField(PARTICIPANT_KEY)) {
      throw new IllegalArgumentException(recordClass.getSimpleName() + " has no " + MEETING_KEY + " or "
          + PARTICIPANT_KEY + " column to cluster by");
    }
    for (String derived : List.of(MEETING_DATE, HOST_KEY)) {
      if (record.hasField(derived)) {
        throw new IllegalArgumentException(recordClass.getSimpleName() + " already has a column " + derived
            + ", which the BigQuery sink derives");
      }
    }
    return Schema.builder()
        .addFields(record.getFields())
        .addField(Schema.Field.of(MEETING_DATE, FieldType.logicalType(SqlTypes.DATE)))
        .addField(Schema.Field.nullable(HOST_KEY, FieldType.STRING))
        .build();
  }

  /** The table's BigQuery schema, converted from {@link #rowSchema} by {@link BigQueryUtils}. */
  public static TableSchema tableSchema(Class<?> recordClass) {
    return BigQueryUtils.toTableSchema(rowSchema(recordClass));
  }

  /** Daily partitions on {@value #MEETING_DATE}, never expiring. */
  public static TimePartitioning timePartitioning() {
    return new TimePartitioning().setType("DAY").setField(MEETING_DATE);
  }

  /**
   * Daily partitions on {@value #MEETING_DATE} that expire {@code retentionDays} after the end of their day
   * ({@code --retentionDays}; {@code expirationMs} = days × 86,400,000), or never when it is null. Checked by
   * {@link RetentionPolicy}: 1 … {@value RetentionPolicy#MAX_DAYS}. BigQuery applies it to a table it creates;
   * an existing table keeps its expiry until {@link #partitionExpiryDdl} is run on it.
   */
  public static TimePartitioning timePartitioning(@Nullable Integer retentionDays) {
    TimePartitioning partitioning = timePartitioning();
    return retentionDays == null ? partitioning
        : partitioning.setExpirationMs(new RetentionPolicy(retentionDays).expirationMs());
  }

  /** Clustered by meeting, then host. */
  public static Clustering clustering() {
    return new Clustering().setFields(List.of(MEETING_KEY, HOST_KEY));
  }

  /** A table's clustering: {@link #clustering()}, or by person for a table without a meeting key. */
  public static Clustering clustering(Class<?> recordClass) {
    return RecordSchemaProvider.schemaOf(recordClass).hasField(MEETING_KEY) ? clustering()
        : new Clustering().setFields(List.of(PARTICIPANT_KEY));
  }

  /** The BigQuery row of a record: its Row with the meeting date and host appended. */
  public static Row toRow(Object record, LocalDate meetingDate, @Nullable String hostKey) {
    return toRow(RecordSchemaProvider.toRow(record), rowSchema(record.getClass()), meetingDate, hostKey);
  }

  /** {@link #toRow(Object, LocalDate, String)} from the record's Row and its {@link #rowSchema}, computed once. */
  public static Row toRow(Row recordRow, Schema rowSchema, LocalDate meetingDate, @Nullable String hostKey) {
    List<Object> values = new java.util.ArrayList<>(recordRow.getValues());
    values.add(meetingDate);
    values.add(hostKey);
    return Row.withSchema(rowSchema).attachValues(values);
  }

  /** {@code project:dataset.table$YYYYMMDD}: the partition a day's load replaces. */
  public static String partitionSpec(BigQueryDataset dataset, String table, LocalDate day) {
    return dataset.tableSpec(table) + "$" + DECORATOR.format(day);
  }




  /**
   * The table's DDL in GoogleSQL, generated from {@link #tableSchema}: for people who provision the tables by
   * hand (docs/bigquery.sql), column names quoted.
   */
  public static String ddl(String project, String dataset, String table, Class<?> recordClass) {
    StringBuilder sb = new StringBuilder();
    sb.append("CREATE TABLE IF NOT EXISTS `").append(project).append('.').append(dataset).append('.')
        .append(table).append("` (\n");
    List<TableFieldSchema> fields = tableSchema(recordClass).getFields();
    for (int i = 0; i < fields.size(); i++) {
      sb.append("  ").append(quoted(fields.get(i).getName())).append(' ').append(columnType(fields.get(i)));
      sb.append(i + 1 < fields.size() ? ",\n" : "\n");
    }
    sb.append(")\nPARTITION BY ").append(MEETING_DATE)
        .append("\nCLUSTER BY ").append(String.join(", ", clustering(recordClass).getFields())).append(";\n");
    return sb.toString();
  }

  /**
   * The statement that sets (or changes) the partition expiry of an existing table: BigQueryIO only applies
   * {@code --retentionDays} when it creates a table. {@code days} is a number, or a placeholder in docs.
   */
  public static String partitionExpiryDdl(String project, String dataset, String table, String days) {
    return "ALTER TABLE `" + project + "." + dataset + "." + table + "` SET OPTIONS (partition_expiration_days = "
        + days + ");";
  }

  /** Column names in backticks: some are reserved words in GoogleSQL ({@code end}). */
  private static String quoted(String name) {
    return "`" + name + "`";
  }

  private static String columnType(TableFieldSchema f) {
    String base = baseType(f);
    return switch (mode(f)) {
      case "REPEATED" -> "ARRAY<" + base + ">";
      case "REQUIRED" -> base + " NOT NULL";
      default -> base;
    };
  }

  private static String baseType(TableFieldSchema f) {
    String type = f.getType().toUpperCase(Locale.ROOT);
    return switch (type) {
      case "STRUCT", "RECORD" -> {
        StringBuilder sb = new StringBuilder("STRUCT<");
        List<TableFieldSchema> sub = f.getFields();
        for (int i = 0; i < sub.size(); i++) {
          sb.append(i > 0 ? ", " : "").append(quoted(sub.get(i).getName())).append(' ')
              .append(columnType(sub.get(i)));
        }
        yield sb.append('>').toString();
      }
      case "INTEGER" -> "INT64";
      case "FLOAT" -> "FLOAT64";
      case "BOOLEAN" -> "BOOL";
      default -> type;
    };
  }

  private static String mode(TableFieldSchema f) {
    return f.getMode() == null ? "NULLABLE" : f.getMode().toUpperCase(Locale.ROOT);
  }
}
