package dev.meetscope.runners.dataflow;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.services.dataflow.Dataflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.runners.dataflow.DataflowRunner;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory;
import org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator;
import org.apache.beam.sdk.extensions.gcp.util.Transport;

/**
 * Builds the Dataflow job specification of a pipeline — the JSON the Dataflow service would receive — without
 * Google Cloud: the real {@link DataflowRunner} runs in template mode ({@code --templateLocation} = a local
 * file), so it applies its overrides and translates every step but submits nothing. Credentials and path
 * checks are replaced by no-ops, staging goes to a local folder, no files are staged, and the Dataflow client
 * is a stand-in that refuses any request, so a missing or blocked network can never make this hang.
 */
public final class OfflineJobSpec {
  private OfflineJobSpec() {}

  /**
   * Makes {@code options} (runner DataflowRunner) translate offline into {@code workDir}. Call it before
   * {@code Pipeline.create(options)}, which already builds the runner and, with default options, would
   * contact Cloud Storage to check the temp bucket. The options are then good for nothing else.
   */
  public static void prepare(DataflowPipelineOptions options, Path workDir) throws IOException {
    if (options.getTempLocation() == null || !options.getTempLocation().startsWith("gs://")) {
      throw new IllegalArgumentException("DataflowRunner needs --tempLocation=gs://<bucket>/<path> (got "
          + options.getTempLocation() + ")");
    }
    Files.createDirectories(workDir);
    options.setCredentialFactoryClass(NoopCredentialFactory.class);
    options.setPathValidatorClass(NoopPathValidator.class);
    // Set explicitly: its default factory would inspect the bucket.
    options.setGcpTempLocation(options.getTempLocation());
    options.setStagingLocation(workDir.resolve("staging").toString());
    options.setFilesToStage(List.of());
    options.setDataflowJobFile(null);
    options.setTemplateLocation(jobFile(workDir).toString());
    options.setDataflowClient(new Dataflow.Builder(REFUSING_TRANSPORT, Transport.getJsonFactory(), null)
        .setApplicationName("meetscope-offline").build());
  }

  /** Translates a pipeline created with options {@link #prepare prepared} for {@code workDir}. */
  public static DataflowJob translate(Pipeline pipeline, Path workDir) throws IOException {
    DataflowPipelineOptions options = pipeline.getOptions().as(DataflowPipelineOptions.class);
    if (!jobFile(workDir).toString().equals(options.getTemplateLocation())) {
      throw new IllegalStateException("call OfflineJobSpec.prepare(options, workDir) before Pipeline.create");
    }
    DataflowRunner.fromOptions(options).run(pipeline);
    return DataflowJob.parse(Files.readString(jobFile(workDir)));
  }

  private static Path jobFile(Path workDir) {
    return workDir.resolve("job.json");
  }

  private static final HttpTransport REFUSING_TRANSPORT = new HttpTransport() {
    @Override
    protected LowLevelHttpRequest buildRequest(String method, String url) throws IOException {
      throw new IOException("offline translation: refusing " + method + " " + url);
    }
  };
}
