package dev.meetscope.pipelines.nightly;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.governance.InvalidOptionException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/** {@code --sink=bigquery} is checked before any graph is built, with messages that say what to give. */
class NightlySinkTest {

  private static NightlyOptions options(String... args) {
    List<String> all = new ArrayList<>(List.of("--input=in", "--output=out"));
    all.addAll(List.of(args));
    return PipelineOptionsFactory.fromArgs(all.toArray(String[]::new)).as(NightlyOptions.class);
  }

  private static String error(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> NightlyBatch.validate(options(args))).getMessage();
  }

  @Test
  public void aCompleteBigQuerySinkIsAccepted() {
    assertDoesNotThrow(() -> NightlyBatch.validate(options("--sink=bigquery",
        "--bigQueryDataset=acme-analytics:meetscope", "--date=2026-03-02",
        "--bigQueryTempLocation=gs://acme-meetscope/tmp")));
    assertDoesNotThrow(() -> NightlyBatch.validate(options("--sink=BigQuery",
        "--bigQueryDataset=acme-analytics.meetscope", "--date=yesterday", "--tempLocation=gs://acme/tmp")));
    assertDoesNotThrow(() -> NightlyBatch.validate(options()));
  }

  @Test
  public void theDatasetIsRequiredAndMustBeProjectColonDataset() {
    assertEquals("--sink=bigquery needs --bigQueryDataset=project:dataset (for example acme-analytics:meetscope)",
        error("--sink=bigquery", "--date=2026-03-02", "--tempLocation=gs://b/tmp"));
    assertEquals("--bigQueryDataset must be project:dataset (for example acme-analytics:meetscope); a project id"
        + " is 6-30 lower-case letters, digits or hyphens starting with a letter, a dataset id letters, digits or"
        + " underscores (got 'meetscope')",
        error("--sink=bigquery", "--bigQueryDataset=meetscope", "--date=2026-03-02", "--tempLocation=gs://b/tmp"));
  }

  @Test
  public void aBigQueryRunNamesTheDayItReplacesAndWhereToStageFiles() {
    assertEquals("--sink=bigquery replaces one day's partition of every table: give --date=YYYY-MM-DD or "
        + "--date=yesterday", error("--sink=bigquery", "--bigQueryDataset=acme-analytics:meetscope",
            "--tempLocation=gs://b/tmp"));
    assertEquals("--sink=bigquery stages load files in a gs:// folder: give --bigQueryTempLocation=gs://bucket/tmp"
        + " (or --tempLocation)", error("--sink=bigquery", "--bigQueryDataset=acme-analytics:meetscope",
            "--date=2026-03-02"));
  }

  @Test
  public void bigQueryOptionsWithoutTheBigQuerySinkAreAMistake() {
    assertEquals("--bigQueryDataset and --bigQueryTempLocation need --sink=bigquery",
        error("--bigQueryDataset=acme-analytics:meetscope"));
    assertEquals("--sink must be one of parquet, jsonl, bigquery (got 'bq')", error("--sink=bq"));
  }

  @Test
  public void retentionDaysAreCheckedBeforeTheGraphIsBuilt() {
    String[] bigQuery = {"--sink=bigquery", "--bigQueryDataset=acme-analytics:meetscope", "--date=2026-03-02",
        "--bigQueryTempLocation=gs://acme-meetscope/tmp"};
    assertDoesNotThrow(() -> NightlyBatch.validate(options(with(bigQuery, "--retentionDays=400"))));
    assertDoesNotThrow(() -> NightlyBatch.validate(options(with(bigQuery, "--retentionDays=1"))));
    assertEquals("--retentionDays: must be at least 1 day, got 0", error(with(bigQuery, "--retentionDays=0")));
    assertEquals("--retentionDays: must be at least 1 day, got -7", error(with(bigQuery, "--retentionDays=-7")));
    assertEquals("--retentionDays: must be at most 100000 days, got 100001",
        error(with(bigQuery, "--retentionDays=100001")));
    assertEquals("--retentionDays: sets BigQuery partition expiry and needs --sink=bigquery; file outputs are aged"
        + " out by meetscope purge --olderThanDays=30 (schedule it beside the nightly run)",
        error("--sink=jsonl", "--retentionDays=30"));
    assertTrue(assertThrows(InvalidOptionException.class,
        () -> NightlyBatch.validate(options("--retentionDays=30"))).getMessage().contains("--sink=bigquery"));
  }

  private static String[] with(String[] args, String more) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add(more);
    return all.toArray(String[]::new);
  }

  @Test
  public void everyNightlyTableHasItsRecord() {
    assertEquals(NightlyBatch.TABLES, List.copyOf(NightlyTables.records().keySet()));
  }
}
