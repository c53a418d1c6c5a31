package dev.meetscope.transforms.sink.bigquery;

import dev.meetscope.models.governance.GroupSuppression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.beam.sdk.schemas.Schema;

/**
 * The role-based access SQL of a BigQuery deployment (docs/governance.md §5.2), generated next to the tables'
 * DDL so it can only name columns the tables have: the ACL tables, row access policies, the authorized views of
 * the host, manager and people-ops datasets, the dataset grants, and (as comments, since it is not SQL) how to
 * authorize the views on the core and ACL datasets. Every column a view or policy names goes through
 * {@link #column}, which checks it against {@link BigQueryTables#rowSchema} of the table's record, so a renamed
 * metric fails the rendering instead of a view at query time.
 *
 * <p>Which table gets what, decided from the tables' columns:
 *
 * <ul>
 *   <li>every table: {@value #PIPELINE_ALL} ({@code TRUE} for the pipeline service account and the admins:
 *       DML, copy jobs and the purge need every row);
 *   <li>host-facing tables (a {@code meeting_key}, so {@code host_key} is filled; all but {@code dead_letter},
 *       which is operators' data): {@value #HOST_OWN_MEETINGS} and a view in {@code <core>_host};
 *   <li>per-person tables (a {@code participant_key}): {@value #MANAGER_DIRECT_REPORTS};
 *   <li>{@value #PARTICIPANT_MEETING}, the only table the aggregate views read: also {@value
 *       #PEOPLE_OPS_AGGREGATES}, because row access policies apply to the caller even through an authorized
 *       view, so without it the people-ops views would be empty. People-ops has no IAM role on the core dataset,
 *       so those rows reach it only aggregated.
 * </ul>
 */
public final class BigQueryAccessSql {
  public static final String PIPELINE_ALL = "pipeline_all";
  public static final String HOST_OWN_MEETINGS = "host_own_meetings";
  public static final String MANAGER_DIRECT_REPORTS = "manager_direct_reports";
  public static final String PEOPLE_OPS_AGGREGATES = "people_ops_aggregates";
  public static final String PARTICIPANT_MEETING = "participant_meeting";
  public static final String DEAD_LETTER = "dead_letter";
  /** Groups of fewer distinct people are never shown to managers or people-ops (as in the file views). */
  public static final int MIN_GROUP_SIZE = GroupSuppression.MIN_THRESHOLD;

  // participant_meeting columns the views and policies use.
  static final String PARTICIPANT_KEY = BigQueryTables.PARTICIPANT_KEY;
  static final String MEETING_KEY = BigQueryTables.MEETING_KEY;
  static final String HOST_KEY = BigQueryTables.HOST_KEY;
  static final String FIRST_JOIN = "first_join";
  static final String ATTENDED_SECONDS = "attended_seconds";
  static final String ENGAGEMENT_SCORE = "engagement_score";
  static final String SPEAKING_PCT = "speaking_pct";

  /** The suffixes of the view datasets, one per audience, appended to the core dataset's name. */
  public static final List<String> VIEW_DATASETS = List.of("_host", "_manager", "_people_ops");

  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+");
  private static final Pattern DATASET = Pattern.compile("[A-Za-z0-9_]{1,1000}");

  /** One deployment: where the tables are, and the principals of each audience. */
  public record Settings(String project, String coreDataset, String aclDataset, String pipelineServiceAccount,
      String adminsGroup, String hostsGroup, String managersGroup, String peopleOpsGroup) {
    public Settings {
      new BigQueryDataset(project, coreDataset); // checks the project and dataset ids
      if (aclDataset == null || !DATASET.matcher(aclDataset).matches() || aclDataset.equals(coreDataset)) {
        throw new IllegalArgumentException("the ACL dataset must be a dataset id (letters, digits, underscores)"
            + " other than the core dataset, got '" + aclDataset + "'");
      }
      email("pipeline service account", pipelineServiceAccount);
      email("admins group", adminsGroup);
      email("hosts group", hostsGroup);
      email("managers group", managersGroup);
      email("people-ops group", peopleOpsGroup);
    }

    private static void email(String what, String value) {
      if (value == null || !EMAIL.matcher(value).matches()) {
        throw new IllegalArgumentException("the " + what + " must be an email address, got '" + value + "'");
      }
    }
  }

  /** An aggregate view: its dataset suffix, name and the columns it returns (for tests and docs). */
  public record View(String datasetSuffix, String name, List<String> columns, String sql) {}

  private final Settings s;
  private final Map<String, Class<?>> tables;
  private final Map<String, Schema> schemas = new LinkedHashMap<>();
  private final Map<String, Set<String>> referenced = new LinkedHashMap<>();

  /** {@code tables}: the core dataset's tables and their records, in DDL order. */
  public BigQueryAccessSql(Settings settings, Map<String, Class<?>> tables) {
    this.s = settings;
    this.tables = Map.copyOf(tables);
    if (!tables.containsKey(PARTICIPANT_MEETING)) {
      throw new IllegalArgumentException("the aggregate views need the " + PARTICIPANT_MEETING + " table");
    }
    tables.forEach((name, record) -> schemas.put(name, BigQueryTables.rowSchema(record)));
  }

  /** The policies of a table, by name, in the order they are created. */
  public List<String> policies(String table) {
    Schema schema = schema(table);
    List<String> p = new ArrayList<>(List.of(PIPELINE_ALL));
    if (hostFacing(table)) {
      p.add(HOST_OWN_MEETINGS);
    }
    if (schema.hasField(PARTICIPANT_KEY)) {
      p.add(MANAGER_DIRECT_REPORTS);
    }
    if (table.equals(PARTICIPANT_MEETING)) {
      p.add(PEOPLE_OPS_AGGREGATES);
    }
    return p;
  }

  /** Tables hosts see (their meetings' rows): those with a meeting key, except dead letters. */
  public boolean hostFacing(String table) {
    return schema(table).hasField(MEETING_KEY) && !table.equals(DEAD_LETTER);
  }

  /** Every column the SQL names, per core table; each was checked against the table's schema. */
  public Map<String, Set<String>> referencedColumns() {
    render();
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    referenced.forEach((t, c) -> copy.put(t, Set.copyOf(c)));
    return copy;
  }

  /** The whole script: datasets, ACL tables, policies, views, grants, and how to authorize the views. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("-- Role-based access (docs/governance.md §5.2), generated by BigQueryAccessSql for ").append(core())
        .append(".\n-- Datasets: ").append(s.coreDataset()).append(" (tables) and ").append(s.aclDataset())
        .append(" (ACL tables): pipeline and admins only; one dataset of\n-- authorized views per audience. ")
        .append("Create them in the core dataset's location: a view cannot read another.\n");
    List<String> datasets = new ArrayList<>(List.of(s.aclDataset()));
    VIEW_DATASETS.forEach(suffix -> datasets.add(s.coreDataset() + suffix));
    datasets.forEach(d -> sb.append("CREATE SCHEMA IF NOT EXISTS `").append(s.project()).append('.').append(d)
        .append("`;\n"));
    sb.append('\n').append(aclTables());
    sb.append("\n-- Row access policies. A user sees only the rows of the policies that grant them; the pipeline and\n")
        .append("-- the purge need the TRUE filter. Subquery policies are a newer BigQuery feature: where it is not\n")
        .append("-- available, drop ").append(HOST_OWN_MEETINGS).append(" and ").append(MANAGER_DIRECT_REPORTS)
        .append(" and rely on the views, which filter themselves.\n");
    for (String table : schemas.keySet()) {
      for (String policy : policies(table)) {
        sb.append('\n').append(policy(policy, table));
      }
    }
    sb.append("\n-- Host views: the rows of the meetings the caller hosted (host_principal maps host_key to"
        + " sign-in).\n");
    for (String table : schemas.keySet()) {
      if (hostFacing(table)) {
        sb.append('\n').append(hostView(table));
      }
    }
    sb.append("\n-- Manager and people-ops views: aggregates per ISO week of first_join (UTC), never over fewer than ")
        .append(MIN_GROUP_SIZE).append("\n-- distinct people; no participant_key, name or email.\n");
    for (View v : aggregateViews()) {
      sb.append('\n').append(v.sql());
    }
    sb.append('\n').append(grants());
    sb.append('\n').append(authorization());
    return sb.toString();
  }

  /** The manager and people-ops views. */
  public List<View> aggregateViews() {
    return List.of(teamWeek(), departmentWeek(), orgWeek());
  }

  private String aclTables() {
    return "CREATE TABLE IF NOT EXISTS " + acl("host_principal") + " (\n"
        + "  `host_key` STRING NOT NULL,   -- the host's participant_key, as in the tables' host_key\n"
        + "  `principal` STRING NOT NULL   -- the host's sign-in email, as SESSION_USER() returns it\n"
        + ");\n\n"
        + "CREATE TABLE IF NOT EXISTS " + acl("roster") + " (   -- replaced on each roster load\n"
        + "  `participant_key` STRING NOT NULL,   -- the person's participant_key (stable identity)\n"
        + "  `manager_email` STRING NOT NULL,     -- the manager's sign-in email\n"
        + "  `department` STRING\n"
        + ");\n";
  }

  private String policy(String policy, String table) {
    String grantees;
    String filter;
    switch (policy) {
      case PIPELINE_ALL -> {
        grantees = "\"serviceAccount:" + s.pipelineServiceAccount() + "\", \"group:" + s.adminsGroup() + "\"";
        filter = "TRUE";
      }
      case HOST_OWN_MEETINGS -> {
        grantees = "\"group:" + s.hostsGroup() + "\"";
        filter = column(table, HOST_KEY) + " IN (\n    SELECT host_key FROM " + acl("host_principal")
            + " WHERE principal = SESSION_USER())";
      }
      case MANAGER_DIRECT_REPORTS -> {
        grantees = "\"group:" + s.managersGroup() + "\"";
        filter = column(table, PARTICIPANT_KEY) + " IN (\n    SELECT participant_key FROM " + acl("roster")
            + " WHERE manager_email = SESSION_USER())";
      }
      case PEOPLE_OPS_AGGREGATES -> {
        grantees = "\"group:" + s.peopleOpsGroup() + "\"";
        filter = "TRUE";
      }
      default -> throw new IllegalArgumentException(policy);
    }
    return "CREATE OR REPLACE ROW ACCESS POLICY " + policy + "\nON " + core(table) + "\nGRANT TO (" + grantees
        + ")\nFILTER USING (" + filter + ");"
        + (policy.equals(PEOPLE_OPS_AGGREGATES)
            ? "  -- people-ops has no IAM role on " + s.coreDataset() + ": it reads these rows only through its views"
            : "")
        + "\n";
  }

  private String hostView(String table) {
    return "CREATE OR REPLACE VIEW " + view("_host", table) + " AS\nSELECT t.*\nFROM " + core(table)
        + " AS t\nWHERE t." + column(table, HOST_KEY) + " IN (\n  SELECT host_key FROM " + acl("host_principal")
        + " WHERE principal = SESSION_USER());\n";
  }

  private View teamWeek() {
    return weekAggregate("_manager", "team_week",
        "JOIN " + acl("roster") + " AS r ON r.participant_key = pm." + pm(PARTICIPANT_KEY) + "\n",
        "r.manager_email = SESSION_USER() AND ");
  }

  private View departmentWeek() {
    String sql = "CREATE OR REPLACE VIEW " + view("_people_ops", "department_week") + " AS\n"
        + "WITH dept AS (\n"
        + "  SELECT\n"
        + "    COALESCE(r.department, '(no department)') AS department,\n"
        + "  " + weekStart() + ",\n"
        + measures().replaceAll("(?m)^", "  ")
        + "  FROM " + core(PARTICIPANT_MEETING) + " AS pm\n"
        + "  LEFT JOIN " + acl("roster") + " AS r ON r.participant_key = pm." + pm(PARTICIPANT_KEY) + "\n"
        + "  WHERE pm." + pm(FIRST_JOIN) + " IS NOT NULL\n"
        + "  GROUP BY 1, 2\n"
        + "),\n"
        + "ranked AS (\n"
        + "  SELECT\n"
        + "    *,\n"
        + "    SUM(IF(people < " + MIN_GROUP_SIZE + ", people, 0)) OVER (PARTITION BY week_start) AS small_people,\n"
        + "    -- people in reported departments no larger than this one (ties by name)\n"
        + "    SUM(IF(people >= " + MIN_GROUP_SIZE + ", people, 0)) OVER (\n"
        + "      PARTITION BY week_start ORDER BY people, department\n"
        + "      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS reported_people_up_to_here\n"
        + "  FROM dept\n"
        + ")\n"
        + "SELECT department, week_start, people, meetings, meeting_hours, engagement_mean, speaking_pct_mean\n"
        + "FROM ranked\n"
        + "WHERE people >= " + MIN_GROUP_SIZE + "\n"
        + "  -- complementary suppression (GroupSuppression.applyWithComplement): hide the smallest reported\n"
        + "  -- departments until the hidden ones hold at least " + MIN_GROUP_SIZE + " people, so org_week minus"
        + " the shown\n  -- departments never gives a small department's numbers\n"
        + "  AND NOT (small_people > 0 AND small_people + reported_people_up_to_here - people < " + MIN_GROUP_SIZE
        + ");\n";
    return new View("_people_ops", "department_week", List.of("department", "week_start", "people", "meetings",
        "meeting_hours", "engagement_mean", "speaking_pct_mean"), sql);
  }

  private View orgWeek() {
    return weekAggregate("_people_ops", "org_week", "", "");
  }

  /** Per ISO week over participant_meeting, only for weeks of enough people; {@code join} narrows the rows. */
  private View weekAggregate(String dataset, String name, String join, String condition) {
    String sql = "CREATE OR REPLACE VIEW " + view(dataset, name) + " AS\n"
        + "SELECT\n" + weekStart() + ",\n" + measures()
        + "FROM " + core(PARTICIPANT_MEETING) + " AS pm\n"
        + join
        + "WHERE " + condition + "pm." + pm(FIRST_JOIN) + " IS NOT NULL\n"
        + "GROUP BY week_start\n"
        + "HAVING " + enoughPeople() + ";\n";
    return new View(dataset, name, List.of("week_start", "people", "meetings", "meeting_hours",
        "engagement_mean", "speaking_pct_mean"), sql);
  }

  private String enoughPeople() {
    return "COUNT(DISTINCT pm." + pm(PARTICIPANT_KEY) + ") >= " + MIN_GROUP_SIZE;
  }

  private String weekStart() {
    return "  DATE_TRUNC(DATE(pm." + pm(FIRST_JOIN) + "), ISOWEEK) AS week_start";
  }

  /** The measures of the file views (RoleViews), rounded the same way. */
  private String measures() {
    return "  COUNT(DISTINCT pm." + pm(PARTICIPANT_KEY) + ") AS people,\n"
        + "  COUNT(DISTINCT pm." + pm(MEETING_KEY) + ") AS meetings,\n"
        + "  ROUND(IFNULL(SUM(pm." + pm(ATTENDED_SECONDS) + "), 0) / 3600, 2) AS meeting_hours,\n"
        + "  ROUND(AVG(pm." + pm(ENGAGEMENT_SCORE) + "), 2) AS engagement_mean,\n"
        + "  ROUND(AVG(pm." + pm(SPEAKING_PCT) + "), 2) AS speaking_pct_mean\n";
  }

  private String grants() {
    String p = s.project();
    String c = s.coreDataset();
    return "-- Who may read what: each audience only its own view dataset (plus roles/bigquery.jobUser on a project\n"
        + "-- to run queries); the core and ACL datasets stay with the pipeline and the admins.\n"
        + "GRANT `roles/bigquery.dataEditor` ON SCHEMA `" + p + "." + c + "` TO \"serviceAccount:"
        + s.pipelineServiceAccount() + "\";\n"
        + "GRANT `roles/bigquery.dataOwner` ON SCHEMA `" + p + "." + c + "` TO \"group:" + s.adminsGroup() + "\";\n"
        + "GRANT `roles/bigquery.dataOwner` ON SCHEMA `" + p + "." + s.aclDataset() + "` TO \"group:"
        + s.adminsGroup() + "\";\n"
        + "GRANT `roles/bigquery.dataViewer` ON SCHEMA `" + p + "." + c + "_host` TO \"group:" + s.hostsGroup()
        + "\";\n"
        + "GRANT `roles/bigquery.dataViewer` ON SCHEMA `" + p + "." + c + "_manager` TO \"group:"
        + s.managersGroup() + "\";\n"
        + "GRANT `roles/bigquery.dataViewer` ON SCHEMA `" + p + "." + c + "_people_ops` TO \"group:"
        + s.peopleOpsGroup() + "\";\n";
  }

  /** Authorizing views on a dataset is not SQL: an access entry per view dataset, with the bq CLI. */
  private String authorization() {
    StringBuilder sb = new StringBuilder()
        .append("-- Authorize the view datasets on ").append(s.coreDataset()).append(" and ").append(s.aclDataset())
        .append(" (not SQL). For each of the two datasets:\n")
        .append("--   bq show --format=prettyjson ").append(s.project()).append(':').append("DATASET > access.json\n")
        .append("-- add these entries to its \"access\" list, then\n")
        .append("--   bq update --source access.json ").append(s.project()).append(":DATASET\n");
    for (String suffix : VIEW_DATASETS) {
      sb.append("--   {\"dataset\": {\"dataset\": {\"projectId\": \"").append(s.project())
          .append("\", \"datasetId\": \"").append(s.coreDataset()).append(suffix)
          .append("\"}, \"targetTypes\": [\"VIEWS\"]}}\n");
    }
    return sb.toString();
  }

  /** A column of a core table, checked against the table's BigQuery schema. */
  String column(String table, String name) {
    if (!schema(table).hasField(name)) {
      throw new IllegalStateException("the access SQL names " + table + "." + name + ", which the table "
          + "(" + tables.get(table).getSimpleName() + ") does not have");
    }
    referenced.computeIfAbsent(table, t -> new LinkedHashSet<>()).add(name);
    return name;
  }

  private String pm(String name) {
    return column(PARTICIPANT_MEETING, name);
  }

  private Schema schema(String table) {
    Schema schema = schemas.get(table);
    if (schema == null) {
      throw new IllegalArgumentException("no table " + table + " in " + schemas.keySet());
    }
    return schema;
  }

  private String core() {
    return s.project() + "." + s.coreDataset();
  }

  private String core(String table) {
    return "`" + core() + "." + table + "`";
  }

  private String acl(String table) {
    return "`" + s.project() + "." + s.aclDataset() + "." + table + "`";
  }

  private String view(String suffix, String name) {
    return "`" + s.project() + "." + s.coreDataset() + suffix + "." + name + "`";
  }
}
