package dev.meetscope.runners.nightly;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One console progress line of a running job: elapsed time and, per stage, the Beam counters so far. A
 * stage is a counter namespace up to its first dot ({@code parse.cloud_transcript} → {@code parse}); values
 * of the same counter name are added across a stage, and every {@code <table>.rows} counts as {@code rows}.
 */
final class ProgressLine {
  private ProgressLine() {}

  /** @param counters {@code namespace/name → value}; null when the runner has no live counters */
  static String format(String job, Duration elapsed, Map<String, Long> counters, String runner) {
    StringBuilder sb = new StringBuilder("meetscope ").append(job).append(": ").append(clock(elapsed))
        .append(" elapsed");
    if (counters == null) {
      return sb.append(", running on ").append(runner).append(" (its counters arrive when the job ends)")
          .toString();
    }
    Map<String, Map<String, Long>> stages = new TreeMap<>();
    counters.forEach((key, value) -> {
      int slash = key.indexOf('/');
      String namespace = slash < 0 ? key : key.substring(0, slash);
      String name = slash < 0 ? key : key.substring(slash + 1);
      String stage = namespace.contains(".") ? namespace.substring(0, namespace.indexOf('.')) : namespace;
      String counter = name.endsWith(".rows") ? "rows" : name;
      stages.computeIfAbsent(stage, s -> new TreeMap<>()).merge(counter, value, Long::sum);
    });
    if (stages.isEmpty()) {
      return sb.append(", starting").toString();
    }
    stages.forEach((stage, values) -> {
      sb.append(" | ").append(stage).append(':');
      values.forEach((name, v) -> sb.append(' ').append(name).append('=').append(String.format(Locale.ROOT, "%,d", v)));
    });
    return sb.toString();
  }

  /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
  static String clock(Duration d) {
    long s = d.getSeconds();
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
