package dev.meetscope.pipelines.nightly;

import dev.meetscope.transforms.sink.bigquery.testing.DayPartitionJobService;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;

/**
 * Beam's in-memory BigQuery (the accepted stand-in: no emulator runs here) with one empty dataset, and load
 * jobs that honour {@code table$YYYYMMDD} partitions ({@link DayPartitionJobService}). Fresh state per call.
 */
record FakeBigQuery(FakeDatasetService datasets, FakeBigQueryServices services) {
  static FakeBigQuery withEmptyDataset(String project, String dataset) throws Exception {
    FakeDatasetService.setUp();
    DayPartitionJobService.reset();
    FakeDatasetService datasets = new FakeDatasetService();
    datasets.createDataset(project, dataset, "", "", null);
    return new FakeBigQuery(datasets,
        new FakeBigQueryServices().withDatasetService(datasets).withJobService(new DayPartitionJobService()));
  }
}
