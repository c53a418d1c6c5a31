package dev.meetscope.transforms.sink.bigquery.testing;

import com.google.api.client.http.AbstractInputStreamContent;
import com.google.api.services.bigquery.model.Job;
import com.google.api.services.bigquery.model.JobConfigurationExtract;
import com.google.api.services.bigquery.model.JobConfigurationLoad;
import com.google.api.services.bigquery.model.JobConfigurationQuery;
import com.google.api.services.bigquery.model.JobConfigurationTableCopy;
import com.google.api.services.bigquery.model.JobReference;
import com.google.api.services.bigquery.model.JobStatistics;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableRow;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.JobService;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;

/**
 * Beam's {@link FakeJobService} plus what it leaves out: BigQuery's partition decorators. A load with
 * {@code WRITE_TRUNCATE} into {@code table$YYYYMMDD} replaces only that day's rows of a column-partitioned
 * table (the fake would drop nothing and append). Every load's configuration is recorded, so tests can assert
 * the destination, dispositions, format, schema, partitioning and clustering that would reach BigQuery.
 * State is static because Beam serializes the services into the pipeline. For tests only (like Beam's own
 * {@code org.apache.beam.sdk.io.gcp.testing}); it lives in main code so every module's tests can use it.
 */
public final class DayPartitionJobService implements JobService, Serializable {
  private static final List<JobConfigurationLoad> LOADS = new ArrayList<>();
  private final FakeJobService fake = new FakeJobService();

  /** Forgets the recorded loads (call with {@code FakeDatasetService.setUp()}). */
  public static void reset() {
    synchronized (LOADS) {
      LOADS.clear();
    }
  }

  /** Every load started since {@link #reset}, in order. */
  public static List<JobConfigurationLoad> loads() {
    synchronized (LOADS) {
      return List.copyOf(LOADS);
    }
  }

  @Override
  public void startLoadJob(JobReference jobRef, JobConfigurationLoad load) throws InterruptedException, IOException {
    synchronized (LOADS) {
      LOADS.add(load.clone());
    }
    truncateDecoratedPartition(load.getDestinationTable(), load.getWriteDisposition());
    fake.startLoadJob(jobRef, load);
  }

  @Override
  public void startLoadJob(JobReference jobRef, JobConfigurationLoad load, AbstractInputStreamContent stream)
      throws InterruptedException, IOException {
    throw new UnsupportedOperationException("the sink loads from files");
  }

  private static void truncateDecoratedPartition(TableReference dest, String disposition)
      throws IOException, InterruptedException {
    int dollar = dest.getTableId().indexOf('$');
    if (dollar < 0 || !"WRITE_TRUNCATE".equals(disposition)) {
      return;
    }
    FakeDatasetService datasets = new FakeDatasetService();
    TableReference base = dest.clone().setTableId(dest.getTableId().substring(0, dollar));
    Table table = datasets.getTable(base);
    if (table == null) {
      return;
    }
    String field = table.getTimePartitioning().getField();
    String day = LocalDate.parse(dest.getTableId().substring(dollar + 1), DateTimeFormatter.BASIC_ISO_DATE).toString();
    List<TableRow> kept = new ArrayList<>();
    for (TableRow row : datasets.getAllRows(base.getProjectId(), base.getDatasetId(), base.getTableId())) {
      if (!day.equals(String.valueOf(row.get(field)))) {
        kept.add(row);
      }
    }
    datasets.deleteTable(base);
    datasets.createTable(table);
    datasets.insertAll(base, kept, null);
  }

  @Override
  public void startExtractJob(JobReference jobRef, JobConfigurationExtract config)
      throws InterruptedException, IOException {
    fake.startExtractJob(jobRef, config);
  }

  @Override
  public void startQueryJob(JobReference jobRef, JobConfigurationQuery query) throws IOException, InterruptedException {
    fake.startQueryJob(jobRef, query);
  }

  @Override
  public void startCopyJob(JobReference jobRef, JobConfigurationTableCopy copy) throws IOException, InterruptedException {
    throw new UnsupportedOperationException("a day's load is small enough for one load job, never a copy");
  }

  @Override
  public Job pollJob(JobReference jobRef, int maxAttempts) throws InterruptedException {
    try {
      return getJob(jobRef);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public JobStatistics dryRunQuery(String projectId, JobConfigurationQuery query, String location)
      throws InterruptedException, IOException {
    return fake.dryRunQuery(projectId, query, location);
  }

  /**
   * The fake reports a job pending, then running, then runs it on the fifth look; Beam waits between looks.
   * Looking until it is done (as BigQuery would finish a small load) keeps each load from costing seconds.
   */
  @Override
  public Job getJob(JobReference jobRef) throws IOException, InterruptedException {
    Job job = fake.getJob(jobRef);
    for (int i = 0; i < 8 && job != null && !done(job); i++) {
      job = fake.getJob(jobRef);
    }
    return job;
  }

  private static boolean done(Job job) {
    String state = job.getStatus() == null ? null : job.getStatus().getState();
    return "DONE".equals(state) || "FAILED".equals(state);
  }

  @Override
  public void close() throws Exception {
    fake.close();
  }
}
