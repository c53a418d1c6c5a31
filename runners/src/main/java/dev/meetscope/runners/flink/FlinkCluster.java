package dev.meetscope.runners.flink;

import dev.meetscope.runners.flink.FlinkRest.Overview;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A Flink session cluster on loopback made of a JobManager and a TaskManager, each a separate {@code java}
 * process started from Flink's own jars on our class path (no Flink distribution needed). Everything it
 * writes lives in a state folder: {@code conf/config.yaml}, {@code conf/log4j.properties}, pid files and
 * {@code log/}. Processes are only ever stopped by the pids recorded there, after checking that the pid
 * still runs the Flink class we started.
 */
public final class FlinkCluster {
  public static final int DEFAULT_REST_PORT = 8081;
  public static final int DEFAULT_RPC_PORT = 6123;
  static final String JOBMANAGER_CLASS = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  static final String TASKMANAGER_CLASS = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
  private static final Duration POLL = Duration.ofMillis(300);
  private static final Duration REST_TIMEOUT = Duration.ofSeconds(3);

  /** Cluster start or stop failed; the message says why and where the logs are. */
  public static final class ClusterException extends Exception {
    public ClusterException(String message) {
      super(message);
    }
  }

  /** One of the two processes. */
  public enum Role {
    JOBMANAGER(JOBMANAGER_CLASS), TASKMANAGER(TASKMANAGER_CLASS);

    final String mainClass;

    Role(String mainClass) {
      this.mainClass = mainClass;
    }

    String fileName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What {@code status} found: the recorded pids that still run, and the REST overview if it answers. */
  public record Status(int restPort, Long jobManagerPid, Long taskManagerPid, Optional<Overview> overview) {
    public boolean running() {
      return jobManagerPid != null && taskManagerPid != null && overview.isPresent();
    }
  }

  private final Path stateDir;
  private final String classpath;
  private final Path javaBinary;

  /** A cluster whose processes run this JVM's class path (the runnable jar, or a test class path). */
  public FlinkCluster(Path stateDir) {
    this(stateDir, JvmFlags.absoluteClassPath(), JvmFlags.javaBinary());
  }

  public FlinkCluster(Path stateDir, String classpath, Path java) {
    this.stateDir = stateDir.toAbsolutePath().normalize();
    this.classpath = classpath;
    this.javaBinary = java;
  }

  public Path stateDir() {
    return stateDir;
  }

  public Path logDir() {
    return stateDir.resolve("log");
  }

  /**
   * Starts the JobManager, waits until its REST API answers, starts the TaskManager and waits until it has
   * registered. On any failure both processes are stopped again and the exception carries the log tail.
   */
  public Overview start(ClusterConfig config, Duration timeout, PrintStream progress)
      throws IOException, ClusterException {
    ClusterConfig.Settings s = config.settings();
    Status before = status();
    if (before.jobManagerPid() != null || before.taskManagerPid() != null) {
      throw new ClusterException("a cluster from " + stateDir + " is already running (jobmanager pid "
          + before.jobManagerPid() + ", taskmanager pid " + before.taskManagerPid() + ", REST port "
          + before.restPort() + "); stop it first with `meetscope flink-cluster stop`");
    }
    requireFree(s.restPort(), "REST/web UI port (--port)");
    requireFree(s.rpcPort(), "JobManager RPC port (--rpcPort)");

    Path conf = stateDir.resolve("conf");
    Files.createDirectories(conf);
    Files.createDirectories(logDir());
    Files.createDirectories(stateDir.resolve("tmp"));
    Files.writeString(conf.resolve("config.yaml"), config.yaml());
    Files.writeString(conf.resolve("log4j.properties"), LOG4J);
    Files.writeString(stateDir.resolve("classpath.args"), JvmFlags.argFileClassPath(classpath));

    long started = System.nanoTime();
    Process jm = launch(Role.JOBMANAGER, config.jobManagerJvmFlags(), config.jobManagerDynamicProperties(),
        List.of("--executionMode", "cluster"));
    Process tm = null;
    try {
      progress.printf("meetscope flink-cluster: JobManager started (pid %d), waiting for http://localhost:%d ...%n",
          jm.pid(), s.restPort());
      awaitOverview(jm, Role.JOBMANAGER, s.restPort(), o -> true, timeout);
      tm = launch(Role.TASKMANAGER, config.taskManagerJvmFlags(), config.taskManagerDynamicProperties(), List.of());
      progress.printf("meetscope flink-cluster: TaskManager started (pid %d), waiting for it to register ...%n",
          tm.pid());
      Overview up = awaitOverview(tm, Role.TASKMANAGER, s.restPort(),
          o -> o.taskManagers() >= 1 && o.slotsTotal() >= s.slots(), timeout);
      progress.printf("meetscope flink-cluster: up in %.1f s%n", (System.nanoTime() - started) / 1e9);
      return up;
    } catch (ClusterException | IOException | RuntimeException e) {
      for (Process p : new Process[] {tm, jm}) {
        if (p != null) {
          terminate(p.toHandle(), Duration.ofSeconds(20));
        }
      }
      deletePidFiles();
      throw e;
    }
  }

  /** Stops both processes (TaskManager first); returns a line per process saying what happened. */
  public List<String> stop(Duration timeout) throws IOException {
    List<String> report = new ArrayList<>();
    for (Role role : new Role[] {Role.TASKMANAGER, Role.JOBMANAGER}) {
      Long pid = readPid(role);
      if (pid == null) {
        report.add(role.fileName() + ": not running (no pid file)");
        continue;
      }
      Optional<ProcessHandle> handle = ours(role, pid);
      if (handle.isEmpty()) {
        report.add(role.fileName() + ": pid " + pid + " is no longer running");
      } else if (terminate(handle.get(), timeout)) {
        report.add(role.fileName() + ": stopped pid " + pid);
      } else {
        report.add(role.fileName() + ": pid " + pid + " did not exit within " + timeout.toSeconds()
            + " s after SIGTERM and was killed");
      }
      Files.deleteIfExists(pidFile(role));
    }
    return report;
  }

  /** The recorded processes that still run and, if the JobManager answers, its overview. */
  public Status status() throws IOException {
    Path yaml = stateDir.resolve("conf/config.yaml");
    int port = Files.isRegularFile(yaml) ? ClusterConfig.restPortOf(Files.readString(yaml)) : DEFAULT_REST_PORT;
    Long jm = livePid(Role.JOBMANAGER);
    Long tm = livePid(Role.TASKMANAGER);
    Optional<Overview> overview = jm == null ? Optional.empty() : FlinkRest.overview("localhost", port, REST_TIMEOUT);
    return new Status(port, jm, tm, overview);
  }

  private Process launch(Role role, List<String> memoryFlags, List<String> dynamicProperties, List<String> extra)
      throws IOException {
    Path log = logDir().resolve(role.fileName() + ".log");
    Path out = logDir().resolve(role.fileName() + ".out");
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBinary.toString());
    cmd.addAll(memoryFlags);
    cmd.addAll(JvmFlags.addOpens());
    cmd.add("-Dlog.file=" + log);
    cmd.add("-Dlog4j.configuration=" + stateDir.resolve("conf/log4j.properties").toUri());
    cmd.add("@" + stateDir.resolve("classpath.args"));
    cmd.add(role.mainClass);
    cmd.add("--configDir");
    cmd.add(stateDir.resolve("conf").toString());
    cmd.addAll(extra);
    cmd.addAll(dynamicProperties);
    Process p = new ProcessBuilder(cmd)
        .directory(stateDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
        .start();
    p.getOutputStream().close();
    Files.writeString(pidFile(role), p.pid() + "\n");
    return p;
  }

  private Overview awaitOverview(Process process, Role role, int port,
      Predicate<Overview> ready, Duration timeout) throws ClusterException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new ClusterException("the " + role.fileName() + " exited with code " + process.exitValue()
            + " while starting. Last lines of its log:\n" + tail(role));
      }
      Optional<Overview> o = FlinkRest.overview("localhost", port, REST_TIMEOUT);
      if (o.isPresent() && ready.test(o.get())) {
        return o.get();
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClusterException("interrupted while waiting for the " + role.fileName());
      }
    }
    throw new ClusterException("the " + role.fileName() + " did not become ready within " + timeout.toSeconds()
        + " s. Last lines of its log:\n" + tail(role));
  }

  /** SIGTERM, wait, then SIGKILL; true when the process exited on SIGTERM. */
  private static boolean terminate(ProcessHandle handle, Duration timeout) {
    if (!handle.isAlive()) {
      return true;
    }
    handle.destroy();
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      handle.destroyForcibly();
      try {
        handle.onExit().get(10, TimeUnit.SECONDS);
      } catch (InterruptedException | ExecutionException | TimeoutException ignored) {
        // Reported as killed either way.
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return true;
    }
  }

  /** The process behind a recorded pid, if it is alive and still runs the class we started there. */
  private static Optional<ProcessHandle> ours(Role role, long pid) {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .filter(h -> h.info().commandLine().map(c -> c.contains(role.mainClass)).orElse(true));
  }

  private Long livePid(Role role) throws IOException {
    Long pid = readPid(role);
    return pid != null && ours(role, pid).isPresent() ? pid : null;
  }

  private Long readPid(Role role) throws IOException {
    Path f = pidFile(role);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      return Long.parseLong(Files.readString(f).strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private Path pidFile(Role role) {
    return stateDir.resolve(role.fileName() + ".pid");
  }

  private void deletePidFiles() throws IOException {
    for (Role r : Role.values()) {
      Files.deleteIfExists(pidFile(r));
    }
  }

  /** The last lines of a process's log and console output, for error messages. */
  String tail(Role role) {
    StringBuilder sb = new StringBuilder();
    for (String suffix : new String[] {".out", ".log"}) {
      Path f = logDir().resolve(role.fileName() + suffix);
      sb.append("  --- ").append(f).append('\n');
      for (String line : lastLines(f, 15)) {
        sb.append("  ").append(line).append('\n');
      }
    }
    return sb.toString();
  }

  private static List<String> lastLines(Path f, int n) {
    if (!Files.isRegularFile(f)) {
      return List.of("(missing)");
    }
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "r")) {
      long len = raf.length();
      long from = Math.max(0, len - 16_384);
      byte[] buf = new byte[(int) (len - from)];
      raf.seek(from);
      raf.readFully(buf);
      String[] lines = new String(buf, StandardCharsets.UTF_8).split("\n");
      return List.of(lines).subList(Math.max(0, lines.length - n), lines.length);
    } catch (IOException e) {
      return List.of("(unreadable: " + e.getMessage() + ")");
    }
  }

  private static void requireFree(int port, String what) throws ClusterException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new ClusterException("port " + port + " on localhost, wanted for the " + what + ", is already in"
          + " use: another Flink cluster or program listens there. Check `meetscope flink-cluster status`, or"
          + " choose another port with --port=... / --rpcPort=...");
    }
  }

  private static final String LOG4J = String.join("\n",
      "# Written by `meetscope flink-cluster start`: Flink's own INFO logging into ${log.file}.",
      "log4j.rootLogger=INFO, file",
      "log4j.appender.file=org.apache.log4j.FileAppender",
      "log4j.appender.file.file=${log.file}",
      "log4j.appender.file.append=true",
      "log4j.appender.file.layout=org.apache.log4j.PatternLayout",
      "log4j.appender.file.layout.ConversionPattern=%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n",
      "log4j.logger.org.apache.pekko=WARN",
      "log4j.logger.org.apache.flink.shaded.zookeeper3=WARN",
      "log4j.logger.org.apache.hadoop=WARN",
      "log4j.logger.org.apache.parquet=WARN",
      "");
}
