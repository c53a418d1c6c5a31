package dev.meetscope.runners.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.runners.Meetscope;
import dev.meetscope.runners.cli.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster command's checks that need no running cluster. */
class FlinkClusterCommandTest {
  private record Run(int exit, String out, String err) {}

  private static Run meetscope(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new Meetscope().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aTakenPortIsReportedClearlyAndNothingIsStarted(@TempDir Path state) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      Run run = meetscope("flink-cluster", "start", "--port=" + taken.getLocalPort(), "--stateDir=" + state);
      assertEquals(ExitCodes.PIPELINE_FAILED, run.exit());
      assertTrue(run.err().contains("port " + taken.getLocalPort() + " on localhost, wanted for the REST/web UI"
          + " port (--port), is already in use"), run.err());
    }
    assertFalse(Files.exists(state.resolve("jobmanager.pid")));
    assertFalse(Files.exists(state.resolve("taskmanager.pid")));
  }

  @Test
  void statusAndStopWithoutAClusterSayNothingRuns(@TempDir Path state) {
    Run status = meetscope("flink-cluster", "status", "--stateDir=" + state);
    assertEquals(ExitCodes.PIPELINE_FAILED, status.exit());
    assertTrue(status.out().contains("jobmanager not running, taskmanager not running"), status.out());
    Run stop = meetscope("flink-cluster", "stop", "--stateDir=" + state);
    assertEquals(ExitCodes.OK, stop.exit());
    assertEquals("meetscope flink-cluster: taskmanager: not running (no pid file)\n"
        + "meetscope flink-cluster: jobmanager: not running (no pid file)\n", stop.out());
  }

  @Test
  void actionsAndOptionsAreChecked(@TempDir Path state) {
    assertEquals(ExitCodes.BAD_OPTIONS, meetscope("flink-cluster").exit());
    Run unknown = meetscope("flink-cluster", "restart", "--stateDir=" + state);
    assertEquals(ExitCodes.BAD_OPTIONS, unknown.exit());
    assertTrue(unknown.err().contains("unknown action 'restart'"), unknown.err());
    Run memory = meetscope("flink-cluster", "start", "--taskManagerMemory=lots", "--stateDir=" + state);
    assertEquals(ExitCodes.BAD_OPTIONS, memory.exit());
    assertTrue(memory.err().contains("--taskManagerMemory must be a size"), memory.err());
    Run help = meetscope("flink-cluster", "--help");
    assertEquals(ExitCodes.OK, help.exit());
    for (String option : new String[] {"--port=8081", "--rpcPort=6123", "--slots", "--stateDir"}) {
      assertTrue(help.out().contains(option), option);
    }
  }

  @Test
  void taskManagerGetsExplicitMemoryAndCpuSettings(@TempDir Path state) {
    ClusterConfig config = new ClusterConfig(new ClusterConfig.Settings(18081, 16123, 3, "2048m", "1024m"), state);
    String dynamic = String.join(" ", config.taskManagerDynamicProperties());
    // The TaskManager refuses to start without these (Flink's start scripts compute them the same way).
    assertTrue(dynamic.contains("-D taskmanager.cpu.cores=3.0"), dynamic);
    for (String key : new String[] {"taskmanager.memory.task.heap.size=", "taskmanager.memory.network.min=",
        "taskmanager.memory.managed.size=", "taskmanager.memory.jvm-metaspace.size="}) {
      assertTrue(dynamic.contains("-D " + key), key + " in " + dynamic);
    }
    assertTrue(config.taskManagerJvmFlags().stream().anyMatch(f -> f.startsWith("-Xmx")));
    assertTrue(config.jobManagerJvmFlags().stream().anyMatch(f -> f.startsWith("-Xmx")));
    String yaml = config.yaml();
    assertTrue(yaml.contains("rest.port: '18081'\n") && yaml.contains("rest.bind-address: 'localhost'\n")
        && yaml.contains("jobmanager.rpc.port: '16123'\n") && yaml.contains("taskmanager.numberOfTaskSlots: '3'\n"),
        yaml);
    assertEquals(18081, ClusterConfig.restPortOf(yaml));
  }

  @Test
  void flinkMasterNamesAClusterOrTheInProcessMiniCluster() {
    assertTrue(FlinkRest.clusterAddress("[local]").isEmpty());
    assertTrue(FlinkRest.clusterAddress("[auto]").isEmpty());
    assertEquals("localhost:8081", FlinkRest.clusterAddress("localhost:8081").orElseThrow().toString());
    assertEquals("flink.internal:8081", FlinkRest.clusterAddress("flink.internal").orElseThrow().toString());
    assertEquals("127.0.0.1:9000", FlinkRest.clusterAddress("http://127.0.0.1:9000").orElseThrow().toString());
  }
}
