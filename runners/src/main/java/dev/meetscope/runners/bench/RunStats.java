package dev.meetscope.runners.bench;

/**
 * The measurements of one benchmark run.
 *
 * @param runner label, e.g. {@code direct} or {@code flink-local}
 * @param meetings meetings processed
 * @param recordsRead records read by the job (from its _METRICS.json)
 * @param wallSeconds time of the whole {@code meetscope nightly} command in its JVM
 * @param cpuSeconds CPU time of the JVM during the command, all threads
 * @param peakRssBytes the JVM's peak resident memory (whole process lifetime), -1 if unknown
 * @param peakHeapBytes sum of the heap pools' peak usage
 * @param gcSeconds time spent in garbage collection
 */
public record RunStats(String runner, int meetings, long recordsRead, double wallSeconds, double cpuSeconds,
    long peakRssBytes, long peakHeapBytes, double gcSeconds) {

  public double meetingsPerMinute() {
    return meetings / (wallSeconds / 60.0);
  }

  public double cpuSecondsPerMeeting() {
    return cpuSeconds / meetings;
  }

  public double wallSecondsPerMeeting() {
    return wallSeconds / meetings;
  }
}
