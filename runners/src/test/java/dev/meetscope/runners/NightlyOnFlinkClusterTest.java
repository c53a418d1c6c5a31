package dev.meetscope.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.runners.flink.ClusterConfig;
import dev.meetscope.runners.flink.FlinkCluster;
import dev.meetscope.runners.flink.FlinkRest;
import dev.meetscope.runners.flink.FlinkRest.Overview;
import dev.meetscope.runners.nightly.NightlyCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts a real Flink session cluster (JobManager and TaskManager as two JVMs on loopback, on free ports),
 * submits the nightly job to it with {@code --flinkMaster=localhost:<port>}, checks that the output equals the
 * Direct runner's, and stops the cluster — in a finally block and a shutdown hook, so no process outlives the
 * test. The cluster runs this test's class path; only a small jar of the runner classes is staged.
 */
@Tag("slow")
class NightlyOnFlinkClusterTest {

  @Test
  void nightlyOnALocalClusterWritesWhatTheDirectRunnerWrites(@TempDir Path dir) throws Exception {
    int restPort = freePort();
    int rpcPort = freePort();
    Path state = dir.resolve("cluster");
    FlinkCluster cluster = new FlinkCluster(state);
    Thread safetyNet = new Thread(() -> stopQuietly(cluster), "stop-test-flink-cluster");
    Runtime.getRuntime().addShutdownHook(safetyNet);
    long jobManagerPid;
    long taskManagerPid;
    try {
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      Overview up = cluster.start(new ClusterConfig(new ClusterConfig.Settings(restPort, rpcPort, 2, "4096m",
          "1024m"), state), Duration.ofMinutes(3), new PrintStream(log, true, StandardCharsets.UTF_8));
      assertEquals(1, up.taskManagers(), up.describe());
      assertEquals(2, up.slotsTotal(), up.describe());
      assertEquals("1.19.0", up.flinkVersion());
      jobManagerPid = cluster.status().jobManagerPid();
      taskManagerPid = cluster.status().taskManagerPid();

      NightlyJobTest.Run status = NightlyJobTest.meetscope("flink-cluster", "status", "--stateDir=" + state);
      assertEquals(ExitCodes.OK, status.exit(), status.out() + status.err());
      assertTrue(status.out().contains("1 TaskManager(s), 2 of 2 slots free"), status.out());

      NightlyJobTest.Run again = NightlyJobTest.meetscope("flink-cluster", "start", "--stateDir=" + state,
          "--port=" + restPort, "--rpcPort=" + rpcPort);
      assertEquals(ExitCodes.PIPELINE_FAILED, again.exit());
      assertTrue(again.err().contains("is already running"), again.err());

      Path direct = dir.resolve("direct");
      Path flink = dir.resolve("flink");
      NightlyJobTest.Run d = NightlyJobTest.meetscope("nightly", "--input=" + NightlyJobTest.FIXTURES,
          "--output=" + direct, "--sink=jsonl");
      assertEquals(ExitCodes.OK, d.exit(), d.err());
      NightlyJobTest.Run f = NightlyJobTest.meetscope("nightly", "--input=" + NightlyJobTest.FIXTURES,
          "--output=" + flink, "--sink=jsonl", "--runner=FlinkRunner", "--flinkMaster=localhost:" + restPort,
          "--parallelism=2", "--filesToStage=" + runnerClassesJar(dir));
      assertEquals(ExitCodes.OK, f.exit(), f.err());
      for (String table : NightlyJobTest.TABLES) {
        List<String> expected = NightlyJobTest.rows(direct, table).stream().sorted().toList();
        assertEquals(expected, NightlyJobTest.rows(flink, table).stream().sorted().toList(), table);
        // meeting_event: this input has no webhook captures; meeting_anomaly: no meeting here is unusual.
        if (!table.equals("meeting_event") && !table.equals("meeting_anomaly")) {
          assertFalse(expected.isEmpty(), table);
        }
      }
      assertTrue(Files.isRegularFile(flink.resolve("_METRICS.json")));
      assertEquals(1, FlinkRest.overview("localhost", restPort, Duration.ofSeconds(5)).orElseThrow().jobsFinished());
    } finally {
      List<String> stopped = cluster.stop(Duration.ofSeconds(30));
      Runtime.getRuntime().removeShutdownHook(safetyNet);
      assertEquals(2, stopped.stream().filter(l -> l.contains(": stopped pid ")).count(), stopped.toString());
    }
    assertFalse(ProcessHandle.of(jobManagerPid).map(ProcessHandle::isAlive).orElse(false));
    assertFalse(ProcessHandle.of(taskManagerPid).map(ProcessHandle::isAlive).orElse(false));
    assertFalse(Files.exists(state.resolve("jobmanager.pid")));
    assertFalse(Files.exists(state.resolve("taskmanager.pid")));
    NightlyJobTest.Run after = NightlyJobTest.meetscope("flink-cluster", "status", "--stateDir=" + state);
    assertEquals(ExitCodes.PIPELINE_FAILED, after.exit());
    assertTrue(after.out().contains("jobmanager not running, taskmanager not running"), after.out());
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void stopQuietly(FlinkCluster cluster) {
    try {
      cluster.stop(Duration.ofSeconds(20));
    } catch (IOException | RuntimeException ignored) {
      // Last resort at JVM exit; the test's finally block reports failures.
    }
  }

  /**
   * A jar of the runner module's classes, staged as the job's jar. The cluster already has every class on
   * its class path; staging one small jar keeps submission fast (Beam would otherwise upload every entry).
   */
  private static Path runnerClassesJar(Path dir) throws IOException, URISyntaxException {
    Path classes = Path.of(NightlyCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path jar = dir.resolve("meetscope-runners-classes.jar");
    try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
