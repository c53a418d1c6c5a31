package dev.meetscope.runners.nightly;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * Prints a {@link ProgressLine} to stderr every few seconds while a job runs, so a long local run shows it is
 * alive and how far it got. Counters are the attempted values the runner reports while running (the Direct
 * runner does; runners that block in {@code run()} report nothing until the end).
 */
final class ProgressReporter implements AutoCloseable {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "meetscope-progress");
    t.setDaemon(true);
    return t;
  });
  private final AtomicReference<PipelineResult> result = new AtomicReference<>();
  private final long startNanos = System.nanoTime();

  ProgressReporter(String job, String runner, Duration every, PrintStream err) {
    timer.scheduleAtFixedRate(() -> {
      Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
      err.println(ProgressLine.format(job, elapsed, liveCounters(result.get()), runner));
    }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Hands over the running job's result once {@code run()} returned, so its counters can be read. */
  void running(PipelineResult r) {
    result.set(r);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  private static Map<String, Long> liveCounters(PipelineResult r) {
    if (r == null) {
      return null;
    }
    try {
      Map<String, Long> out = new TreeMap<>();
      for (MetricResult<Long> c : r.metrics().queryMetrics(MetricsFilter.builder().build()).getCounters()) {
        Long v = c.getAttempted();
        out.merge(c.getName().getNamespace() + "/" + c.getName().getName(), v == null ? 0L : v, Long::sum);
      }
      return out;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
