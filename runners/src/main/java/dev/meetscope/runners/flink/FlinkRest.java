package dev.meetscope.runners.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The one call of Flink's REST API we need: {@code GET /overview}, which answers once a cluster is up. */
public final class FlinkRest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What {@code GET /overview} reports. */
  public record Overview(String flinkVersion, int taskManagers, int slotsTotal, int slotsAvailable,
      int jobsRunning, int jobsFinished, int jobsCancelled, int jobsFailed) {

    static Overview parse(String json) throws IOException {
      JsonNode n = JSON.readTree(json);
      return new Overview(n.path("flink-version").asText(""), n.path("taskmanagers").asInt(),
          n.path("slots-total").asInt(), n.path("slots-available").asInt(), n.path("jobs-running").asInt(),
          n.path("jobs-finished").asInt(), n.path("jobs-cancelled").asInt(), n.path("jobs-failed").asInt());
    }

    public String describe() {
      return "Flink " + flinkVersion + ", " + taskManagers + " TaskManager(s), " + slotsAvailable + " of "
          + slotsTotal + " slots free, jobs: " + jobsRunning + " running, " + jobsFinished + " finished, "
          + jobsFailed + " failed, " + jobsCancelled + " cancelled";
    }
  }

  private FlinkRest() {}

  /** The cluster's overview, or empty when nothing (or not Flink) answers at {@code host:port}. */
  public static Optional<Overview> overview(String host, int port, Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/overview"))
        .timeout(timeout).GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return Optional.empty();
      }
      return Optional.of(Overview.parse(response.body()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** {@code host:port} of a {@code --flinkMaster} value that names a cluster, or empty for [local]/[auto]. */
  public static Optional<HostPort> clusterAddress(String flinkMaster) {
    if (flinkMaster == null || flinkMaster.isBlank() || flinkMaster.startsWith("[")) {
      return Optional.empty();
    }
    String s = flinkMaster.replaceFirst("^https?://", "");
    int colon = s.lastIndexOf(':');
    if (colon < 0) {
      return Optional.of(new HostPort(s, FlinkCluster.DEFAULT_REST_PORT));
    }
    try {
      return Optional.of(new HostPort(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1))));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--flinkMaster must be [local], [auto] or host:port, got '"
          + flinkMaster + "'");
    }
  }

  public record HostPort(String host, int port) {
    @Override
    public String toString() {
      return host + ":" + port;
    }
  }
}
