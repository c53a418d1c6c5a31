package dev.meetscope.runners.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meetscope.runners.Meetscope;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Main class of one measured run in its own JVM: runs a {@code meetscope} command and then prints one
 * {@value #MARKER} line with the JVM's own measurements (wall and CPU time of the command, peak resident
 * memory, peak heap, GC time), so every run starts cold and its memory is its own.
 */
public final class BenchChild {
  static final String MARKER = "BENCH_RESULT ";

  private BenchChild() {}

  public static void main(String[] args) throws IOException {
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    int exit = new Meetscope().run(args, System.out, System.err);
    long wall = System.nanoTime() - start;
    long cpu = processCpuNanos() - cpuStart;
    ObjectNode r = new ObjectMapper().createObjectNode();
    r.put("exit", exit);
    r.put("wall_seconds", wall / 1e9);
    r.put("cpu_seconds", cpu / 1e9);
    r.put("peak_rss_bytes", peakRssBytes());
    long heap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        heap += pool.getPeakUsage().getUsed();
      }
    }
    r.put("peak_heap_bytes", heap);
    long gcMillis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcMillis += Math.max(0, gc.getCollectionTime());
    }
    r.put("gc_seconds", gcMillis / 1e3);
    System.out.println(MARKER + r);
    System.out.flush();
    System.exit(exit);
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** Peak resident set size (VmHWM) on Linux; -1 elsewhere. */
  static long peakRssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
