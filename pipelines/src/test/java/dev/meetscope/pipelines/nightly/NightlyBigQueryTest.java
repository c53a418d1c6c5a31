package dev.meetscope.pipelines.nightly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.services.bigquery.model.JobConfigurationLoad;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableRow;
import dev.meetscope.transforms.governance.PseudonymKey;
import dev.meetscope.transforms.sink.bigquery.BigQueryTables;
import dev.meetscope.transforms.sink.bigquery.testing.DayPartitionJobService;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole nightly job with {@code --sink=bigquery} against Beam's in-memory BigQuery: every table is loaded
 * into the day's partition with its schema, partitioning and clustering, rows carry the meeting's host, and
 * running the day again replaces it instead of doubling it.
 */
@Tag("slow")
class NightlyBigQueryTest {
  private static final String PROJECT = "meetscope-test";
  private static final String DATASET = "analytics";
  private static final String MEETING = "../fixtures/meetings/2026-03-02-weekly-sync-0001";

  private static final PseudonymKey KEY = PseudonymKey.ephemeral();

  @TempDir Path tmp;
  private FakeDatasetService datasets;
  private FakeBigQueryServices services;

  @BeforeEach
  void fakeBigQuery() throws Exception {
    FakeBigQuery bigQuery = FakeBigQuery.withEmptyDataset(PROJECT, DATASET);
    datasets = bigQuery.datasets();
    services = bigQuery.services();
  }

  private void runTheDay() {
    NightlyOptions options = PipelineOptionsFactory.fromArgs("--input=" + MEETING, "--output=" + tmp.resolve("out"),
        "--sink=bigquery", "--bigQueryDataset=" + PROJECT + ":" + DATASET, "--date=2026-03-02",
        "--bigQueryTempLocation=" + tmp.resolve("bq"), "--consentMode=all").as(NightlyOptions.class);
    Pipeline pipeline = Pipeline.create(options);
    // One key for both runs, as a deployment's --pseudonymKey would be: the rerun must produce the same rows.
    NightlyBatch.build(pipeline, options, Path.of(MEETING).toAbsolutePath().normalize() + "/*", KEY, services);
    pipeline.run().waitUntilFinish();
  }

  private Map<String, Integer> rowCounts() throws Exception {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String table : NightlyBatch.TABLES) {
      counts.put(table, datasets.getAllRows(PROJECT, DATASET, table).size());
    }
    return counts;
  }

  private Set<String> values(String table, String column) throws Exception {
    Set<String> out = new TreeSet<>();
    for (TableRow r : datasets.getAllRows(PROJECT, DATASET, table)) {
      out.add(String.valueOf(r.get(column)));
    }
    return out;
  }

  @Test
  void everyTableIsLoadedIntoTheDaysPartitionAndARerunReplacesIt() throws Exception {
    runTheDay();

    List<String> loads = DayPartitionJobService.loads().stream()
        .map(l -> l.getDestinationTable().getTableId() + " " + l.getWriteDisposition()).sorted().toList();
    assertEquals(NightlyBatch.TABLES.stream().map(t -> t + "$20260302 WRITE_TRUNCATE").sorted().toList(), loads);
    for (JobConfigurationLoad load : DayPartitionJobService.loads()) {
      String table = load.getDestinationTable().getTableId().replace("$20260302", "");
      assertEquals(BigQueryTables.tableSchema(NightlyTables.records().get(table)), load.getSchema(), table);
    }
    for (Map.Entry<String, Class<?>> e : NightlyTables.records().entrySet()) {
      Table table = datasets.getTable(new TableReference().setProjectId(PROJECT).setDatasetId(DATASET)
          .setTableId(e.getKey()));
      assertEquals(BigQueryTables.tableSchema(e.getValue()), table.getSchema(), e.getKey());
      assertEquals(BigQueryTables.timePartitioning(), table.getTimePartitioning(), e.getKey());
      assertEquals(BigQueryTables.clustering(e.getValue()), table.getClustering(), e.getKey());
    }

    Map<String, Integer> first = rowCounts();
    assertEquals(1, first.get("meeting"));
    assertTrue(first.get("participant_session") > 0, first.toString());
    assertTrue(first.get("utterance") > 0, first.toString());
    assertTrue(first.get("participant_meeting") > 0, first.toString());
    assertTrue(first.get("meeting_timeline") > 0, first.toString());
    // host_key is the host's keyed participant_key, never an email or a name.
    Set<String> hostKeys = new TreeSet<>();
    for (TableRow r : datasets.getAllRows(PROJECT, DATASET, "participant_meeting")) {
      if (Boolean.parseBoolean(String.valueOf(r.get("is_host")))) {
        hostKeys.add(String.valueOf(r.get("participant_key")));
      }
    }
    assertEquals(1, hostKeys.size(), hostKeys.toString());
    for (String table : List.of("meeting", "participant_session", "utterance", "participant_meeting")) {
      assertEquals(Set.of("T6Ab60rgKwmh3JPBcFliYg=="), values(table, "meeting_key"), table);
      assertEquals(Set.of("2026-03-02"), values(table, "meeting_date"), table);
      assertEquals(hostKeys, values(table, "host_key"), table);
    }

    runTheDay();
    assertEquals(first, rowCounts(), "a rerun of the day replaces its rows instead of adding to them");
  }
}
