package dev.meetscope.runners.flink;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

/**
 * The configuration of a loopback session cluster ({@code config.yaml}) and the JVM flags and dynamic
 * properties its two processes need. Flink's start scripts compute the latter with {@code BashJavaUtils};
 * we call the same Flink code in-process, so a TaskManager gets explicit memory and CPU settings.
 */
public final class ClusterConfig {
  /** Everything a user may choose; the rest is fixed to a loopback cluster. */
  public record Settings(int restPort, int rpcPort, int slots, String taskManagerMemory,
      String jobManagerMemory) {
    public static Settings defaults() {
      return new Settings(FlinkCluster.DEFAULT_REST_PORT, FlinkCluster.DEFAULT_RPC_PORT, 2, "4096m", "1024m");
    }
  }

  private final Settings settings;
  private final Map<String, String> entries;

  public ClusterConfig(Settings settings, Path stateDir) {
    this.settings = settings;
    Map<String, String> m = new LinkedHashMap<>();
    m.put("jobmanager.rpc.address", "localhost");
    m.put("jobmanager.rpc.port", String.valueOf(settings.rpcPort()));
    m.put("jobmanager.bind-host", "localhost");
    m.put("jobmanager.memory.process.size", settings.jobManagerMemory());
    m.put("taskmanager.host", "localhost");
    m.put("taskmanager.bind-host", "localhost");
    m.put("taskmanager.numberOfTaskSlots", String.valueOf(settings.slots()));
    m.put("taskmanager.memory.process.size", settings.taskManagerMemory());
    // Beam's batch translation runs many shuffles at once, and each blocking (sort-merge) result partition
    // reserves taskmanager.network.sort-shuffle.min-buffers (512 by default): the nightly job ran out of
    // network buffers with Flink's defaults. A larger network share and 64 buffers per partition fit it.
    m.put("taskmanager.memory.network.fraction", "0.2");
    m.put("taskmanager.network.sort-shuffle.min-buffers", "64");
    m.put("taskmanager.memory.managed.fraction", "0.3");
    m.put("parallelism.default", String.valueOf(settings.slots()));
    m.put("rest.address", "localhost");
    m.put("rest.bind-address", "localhost");
    m.put("rest.port", String.valueOf(settings.restPort()));
    m.put("io.tmp.dirs", stateDir.resolve("tmp").toAbsolutePath().toString());
    // Beam jobs keep threads in user-code class loaders after they finish; Flink would only warn.
    m.put("classloader.check-leaked-classloader", "false");
    this.entries = m;
  }

  public Settings settings() {
    return settings;
  }

  /** {@code config.yaml} in Flink 1.19's standard YAML (flat keys are valid there). */
  public String yaml() {
    StringBuilder sb = new StringBuilder("# Written by `meetscope flink-cluster start`; rewritten on every start.\n");
    entries.forEach((k, v) -> sb.append(k).append(": '").append(v.replace("'", "''")).append("'\n"));
    return sb.toString();
  }

  /** Reads {@code rest.port} back from a {@code config.yaml} this class wrote. */
  public static int restPortOf(String yaml) {
    for (String line : yaml.split("\n")) {
      if (line.startsWith("rest.port:")) {
        return Integer.parseInt(line.substring("rest.port:".length()).strip().replace("'", ""));
      }
    }
    return FlinkCluster.DEFAULT_REST_PORT;
  }

  private Configuration flinkConfiguration() {
    return Configuration.fromMap(entries);
  }

  /** Heap, direct and metaspace flags of the JobManager JVM. */
  public List<String> jobManagerJvmFlags() {
    JobManagerProcessSpec spec = JobManagerProcessUtils.processSpecFromConfigWithNewOptionToInterpretLegacyHeap(
        flinkConfiguration(), JobManagerOptions.TOTAL_PROCESS_MEMORY);
    return split(JobManagerProcessUtils.generateJvmParametersStr(spec, flinkConfiguration()));
  }

  /** {@code -D key=value} pairs that pin the JobManager's derived memory sizes. */
  public List<String> jobManagerDynamicProperties() {
    JobManagerProcessSpec spec = JobManagerProcessUtils.processSpecFromConfigWithNewOptionToInterpretLegacyHeap(
        flinkConfiguration(), JobManagerOptions.TOTAL_PROCESS_MEMORY);
    return split(JobManagerProcessUtils.generateDynamicConfigsStr(spec));
  }

  private TaskExecutorProcessSpec taskManagerSpec() {
    return TaskExecutorProcessUtils.processSpecFromConfig(
        TaskExecutorProcessUtils.getConfigurationMapLegacyTaskManagerHeapSizeToConfigOption(
            flinkConfiguration(), TaskManagerOptions.TOTAL_PROCESS_MEMORY));
  }

  /** Heap, direct and metaspace flags of the TaskManager JVM. */
  public List<String> taskManagerJvmFlags() {
    return split(ProcessMemoryUtils.generateJvmParametersStr(taskManagerSpec()));
  }

  /**
   * {@code -D key=value} pairs with every TaskManager memory size and {@code taskmanager.cpu.cores}: the
   * TaskManager refuses to start without them.
   */
  public List<String> taskManagerDynamicProperties() {
    return split(TaskExecutorProcessUtils.generateDynamicConfigsStr(taskManagerSpec()));
  }

  private static List<String> split(String s) {
    return new ArrayList<>(Arrays.stream(s.strip().split("\\s+")).filter(t -> !t.isEmpty()).toList());
  }
}
