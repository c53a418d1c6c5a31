package dev.meetscope.runners.flink;

import dev.meetscope.runners.cli.Command;
import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.runners.cli.OptionArgs;
import dev.meetscope.runners.cli.OptionArgs.Option;
import dev.meetscope.runners.cli.UsageException;
import dev.meetscope.runners.flink.FlinkCluster.ClusterException;
import dev.meetscope.runners.flink.FlinkCluster.Status;
import dev.meetscope.runners.flink.FlinkRest.Overview;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code meetscope flink-cluster start|stop|status}: a Flink 1.19 session cluster on loopback (JobManager and
 * TaskManager as separate processes from the runnable jar) for {@code nightly --runner=FlinkRunner
 * --flinkMaster=localhost:8081}. See docs/runners.md.
 */
public final class FlinkClusterCommand implements Command {
  private static final String NAME = "flink-cluster";
  private static final List<Option> OPTIONS = List.of(
      new Option("port", String.valueOf(FlinkCluster.DEFAULT_REST_PORT), "start: REST API and web UI port on"
          + " localhost (submit with --flinkMaster=localhost:<port>)."),
      new Option("rpcPort", String.valueOf(FlinkCluster.DEFAULT_RPC_PORT), "start: JobManager RPC port on"
          + " localhost."),
      new Option("slots", "2", "start: task slots of the TaskManager (also the default parallelism)."),
      new Option("taskManagerMemory", "4096m", "start: total process memory of the TaskManager"
          + " (taskmanager.memory.process.size)."),
      new Option("jobManagerMemory", "1024m", "start: total process memory of the JobManager"
          + " (jobmanager.memory.process.size)."),
      new Option("startTimeoutSeconds", "120", "start: how long to wait for each process to become ready."),
      new Option("stopTimeoutSeconds", "30", "stop: how long to wait after SIGTERM before killing."),
      new Option("stateDir", null, "Folder for config, pid files and logs (default: .flink-cluster in the"
          + " Meetscope folder, else in the current folder)."));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String summary() {
    return "Start, stop or inspect a local Flink 1.19 session cluster (REST and web UI on :8081)";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("Usage: meetscope flink-cluster start|stop|status [--option=value ...]");
    out.println();
    out.println("start   runs a Flink JobManager and TaskManager as two background java processes on localhost,");
    out.println("        from Flink's jars inside meetscope.jar, and waits until the TaskManager has registered.");
    out.println("status  says whether they run and what GET /overview reports (exit 0 running, 4 not running).");
    out.println("stop    terminates both by their recorded pids and waits for them to exit.");
    out.println("Submit jobs with: meetscope nightly --runner=FlinkRunner --flinkMaster=localhost:<port>");
    out.println();
    out.println("Options:");
    new OptionArgs(OPTIONS).printOptions(out);
    out.println();
    out.println("Exit codes: 0 ok, 2 bad options, 4 the cluster failed to start (e.g. port in use) or is not running.");
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (args.length == 0 || args[0].startsWith("-")) {
      if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
        printHelp(out);
        return ExitCodes.OK;
      }
      throw new UsageException("say what to do: meetscope flink-cluster start|stop|status");
    }
    String action = args[0];
    OptionArgs options = new OptionArgs(OPTIONS).parse(NAME, Arrays.copyOfRange(args, 1, args.length));
    if (options.help()) {
      printHelp(out);
      return ExitCodes.OK;
    }
    FlinkCluster cluster = new FlinkCluster(stateDir(options.get("stateDir")));
    return switch (action) {
      case "start" -> start(cluster, options, out, err);
      case "stop" -> stop(cluster, options, out);
      case "status" -> status(cluster, out);
      default -> throw new UsageException("unknown action '" + action + "': use start, stop or status");
    };
  }

  private int start(FlinkCluster cluster, OptionArgs options, PrintStream out, PrintStream err) throws Exception {
    ClusterConfig.Settings settings = new ClusterConfig.Settings(
        (int) options.getLong(NAME, "port", 1, 65_535),
        (int) options.getLong(NAME, "rpcPort", 1, 65_535),
        (int) options.getLong(NAME, "slots", 1, 256),
        memory(options, "taskManagerMemory"),
        memory(options, "jobManagerMemory"));
    Duration timeout = Duration.ofSeconds(options.getLong(NAME, "startTimeoutSeconds", 5, 3600));
    out.println("meetscope flink-cluster: starting a Flink session cluster on localhost (state and logs in "
        + cluster.stateDir() + ")");
    Overview up;
    try {
      up = cluster.start(new ClusterConfig(settings, cluster.stateDir()), timeout, out);
    } catch (ClusterException e) {
      err.println("meetscope flink-cluster: " + e.getMessage());
      return ExitCodes.PIPELINE_FAILED;
    }
    out.printf("meetscope flink-cluster: running — REST API and web UI http://localhost:%d (%s)%n",
        settings.restPort(), up.describe());
    out.printf("  submit: ./meetscope nightly --runner=FlinkRunner --flinkMaster=localhost:%d%n", settings.restPort());
    out.printf("  logs:   %s%n  stop:   ./meetscope flink-cluster stop%s%n", cluster.logDir(),
        options.has("stateDir") ? " --stateDir=" + options.get("stateDir") : "");
    return ExitCodes.OK;
  }

  private int stop(FlinkCluster cluster, OptionArgs options, PrintStream out) throws Exception {
    Duration timeout = Duration.ofSeconds(options.getLong(NAME, "stopTimeoutSeconds", 1, 3600));
    for (String line : cluster.stop(timeout)) {
      out.println("meetscope flink-cluster: " + line);
    }
    return ExitCodes.OK;
  }

  private int status(FlinkCluster cluster, PrintStream out) throws Exception {
    Status s = cluster.status();
    out.printf("meetscope flink-cluster: jobmanager %s, taskmanager %s%n",
        s.jobManagerPid() == null ? "not running" : "pid " + s.jobManagerPid(),
        s.taskManagerPid() == null ? "not running" : "pid " + s.taskManagerPid());
    if (s.overview().isPresent()) {
      out.printf("meetscope flink-cluster: http://localhost:%d answers: %s%n", s.restPort(),
          s.overview().get().describe());
    } else {
      out.printf("meetscope flink-cluster: nothing answers at http://localhost:%d/overview%n", s.restPort());
    }
    return s.running() ? ExitCodes.OK : ExitCodes.PIPELINE_FAILED;
  }

  private static String memory(OptionArgs options, String name) {
    String v = options.get(name).strip().toLowerCase(java.util.Locale.ROOT);
    if (!v.matches("\\d+(m|g|mb|gb)")) {
      throw new UsageException("--" + name + " must be a size such as 1024m or 2g, got '" + v + "'");
    }
    return v;
  }

  /** The default state folder: next to the launcher (MEETSCOPE_HOME) so start, status and stop agree. */
  static Path stateDir(String option) {
    if (option != null && !option.isBlank()) {
      return Path.of(option);
    }
    String home = System.getenv("MEETSCOPE_HOME");
    return home != null ? Path.of(home, ".flink-cluster") : Path.of(".flink-cluster");
  }
}
