package dev.meetscope.runners.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Formats benchmark runs as the Markdown tables and summary lines of docs/benchmarks.md. */
final class BenchReport {
  private BenchReport() {}

  static String table(List<RunStats> runs) {
    StringBuilder sb = new StringBuilder();
    sb.append("| runner | meetings | records read | wall s | meetings/min | CPU s | CPU s/meeting | peak RSS MiB"
        + " | peak heap MiB | GC s |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (RunStats r : runs) {
      sb.append(String.format(Locale.ROOT, "| %s | %d | %,d | %.1f | %.1f | %.1f | %.3f | %s | %s | %.1f |%n",
          r.runner(), r.meetings(), r.recordsRead(), r.wallSeconds(), r.meetingsPerMinute(), r.cpuSeconds(),
          r.cpuSecondsPerMeeting(), mib(r.peakRssBytes()), mib(r.peakHeapBytes()), r.gcSeconds()));
    }
    return sb.toString();
  }

  /** Per runner, time for each size and per meeting, against the smallest size: linear cost keeps it flat. */
  static List<String> scaling(List<RunStats> runs) {
    Map<String, List<RunStats>> byRunner = new LinkedHashMap<>();
    runs.forEach(r -> byRunner.computeIfAbsent(r.runner(), k -> new ArrayList<>()).add(r));
    List<String> lines = new ArrayList<>();
    byRunner.forEach((runner, list) -> {
      if (list.size() < 2) {
        return;
      }
      RunStats base = list.get(0);
      StringBuilder sb = new StringBuilder("scaling " + runner + ":");
      for (RunStats r : list) {
        sb.append(String.format(Locale.ROOT, " %d meetings %.1f s (%.3f s/meeting, x%.2f time for x%.2f meetings);",
            r.meetings(), r.wallSeconds(), r.wallSecondsPerMeeting(), r.wallSeconds() / base.wallSeconds(),
            (double) r.meetings() / base.meetings()));
      }
      lines.add(sb.substring(0, sb.length() - 1));
    });
    return lines;
  }

  /** Wall-time ratio of each runner to the first one, at each size measured on both. */
  static List<String> ratios(List<RunStats> runs) {
    List<String> lines = new ArrayList<>();
    String first = runs.isEmpty() ? null : runs.get(0).runner();
    for (RunStats r : runs) {
      if (r.runner().equals(first)) {
        continue;
      }
      runs.stream().filter(b -> b.runner().equals(first) && b.meetings() == r.meetings()).findFirst()
          .ifPresent(b -> lines.add(String.format(Locale.ROOT,
              "ratio %s/%s at %d meetings: wall x%.2f, CPU x%.2f, peak RSS x%.2f", r.runner(), first,
              r.meetings(), r.wallSeconds() / b.wallSeconds(), r.cpuSeconds() / b.cpuSeconds(),
              (double) r.peakRssBytes() / b.peakRssBytes())));
    }
    return lines;
  }

  /**
   * The whole job's time over the NLP-only floor for the same text: wall clock (the job may use every core, the
   * floor uses one thread) and CPU seconds (the work the job adds around the NLP).
   */
  static String floor(RunStats whole, Optional<NlpFloor.Measurement> nlp) {
    if (nlp.isEmpty()) {
      return "nlp_floor=unavailable (NLP stage not in this build)";
    }
    NlpFloor.Measurement f = nlp.get();
    return String.format(Locale.ROOT, "nlp_floor=%.1f s wall, %.1f CPU-s for %d meetings (%,d texts, one thread,"
        + " models loaded in %.1f s); whole job on %s %.1f s wall, %.1f CPU-s = x%.2f the floor's wall time,"
        + " x%.2f its CPU time", f.wallSeconds(), f.cpuSeconds(), f.meetings(), f.texts(), f.loadSeconds(),
        whole.runner(), whole.wallSeconds(), whole.cpuSeconds(), whole.wallSeconds() / f.wallSeconds(),
        whole.cpuSeconds() / f.cpuSeconds());
  }

  private static String mib(long bytes) {
    return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,d", Math.round(bytes / 1048576.0));
  }
}
