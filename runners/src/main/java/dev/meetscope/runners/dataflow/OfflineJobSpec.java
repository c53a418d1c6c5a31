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
   * Translates {@code pipeline} (built with {@code options}, runner DataflowRunner) and returns the parsed job.
   * Mutates {@code options}: use it for nothing else afterwards.
   */
  public static DataflowJob translate(Pipeline pipeline, DataflowPipelineOptions options, Path workDir)
      throws IOException {
    if (options.getTempLocation() == null || !options.getTempLocation().startsWith("gs://")) {
      throw new IllegalArgumentException("DataflowRunner needs --tempLocation=gs://<bucket>/<path> (got "
          + options.getTempLocation() + ")");
    }
    Files.createDirectories(workDir);
    Path jobFile = workDir.resolve("job.json");
    options.setCredentialFactoryClass(NoopCredentialFactory.class);
    options.setPathValidatorClass(NoopPathValidator.class);
    // Set explicitly: its default factory would contact Cloud Storage to inspect the bucket.
    options.setGcpTempLocation(options.getTempLocation());
    options.setStagingLocation(workDir.resolve("staging").toString());
    options.setFilesToStage(List.of());
    options.setTemplateLocation(jobFile.toString());
    options.setDataflowClient(new Dataflow.Builder(REFUSING_TRANSPORT, Transport.getJsonFactory(), null)
        .setApplicationName("meetscope-offline").build());
    DataflowRunner.fromOptions(options).run(pipeline);
    return DataflowJob.parse(Files.readString(jobFile));
  }

  private static final HttpTransport REFUSING_TRANSPORT = new HttpTransport() {
    @Override
    protected LowLevelHttpRequest buildRequest(String method, String url) throws IOException {
      throw new IOException("offline translation: refusing " + method + " " + url);
    }
  };
}
