package dev.meetscope.runners.bench;

import dev.meetscope.runners.cli.Command;
import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.runners.cli.OptionsHelp;
import java.io.PrintStream;

/** {@code meetscope bench-stream}: the streaming benchmark ({@link BenchStream}). */
public final class BenchStreamCommand implements Command {
  @Override
  public String name() {
    return "bench-stream";
  }

  @Override
  public String summary() {
    return "Benchmark the streaming job: replay a 10,000-person town hall, print events/s and p50/p99 lag";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("Usage: meetscope bench-stream [--participants=10000] [--minutes=90] [--seed=42] [--speedup=0]"
        + " [--maxIdle=5s; with a speed-up, 5s more than the replay's longest pause]"
        + " [beam options, e.g. --runner=FlinkRunner --flinkMaster=[local]]");
    out.println();
    out.println("Generates a town hall, replays it through the files source while the streaming job runs in this");
    out.println("JVM, and prints the events per second and the event-to-output lag of live panes (p50, p99).");
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (OptionsHelp.wantsHelp(args)) {
      printHelp(out);
      return ExitCodes.OK;
    }
    BenchStream.run(args, out);
    return ExitCodes.OK;
  }
}
