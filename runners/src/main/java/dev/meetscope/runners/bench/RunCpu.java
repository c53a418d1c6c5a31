package dev.meetscope.runners.bench;

import java.lang.management.ManagementFactory;

/** CPU time of this JVM, all threads. */
final class RunCpu {
  private RunCpu() {}

  /** Process CPU nanoseconds, or -1 where the JVM cannot tell. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
