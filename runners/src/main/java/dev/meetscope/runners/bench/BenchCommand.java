package dev.meetscope.runners.bench;

import dev.meetscope.runners.cli.Command;
import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.runners.cli.UsageException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code meetscope bench <mode>}: reproducible measurements for docs/benchmarks.md. Each mode is a
 * {@link Command} of its own ({@code nightly}, {@code nlp}, {@code models}); adding one is adding it to the list.
 */
public final class BenchCommand implements Command {
  private final List<Command> modes;

  public BenchCommand() {
    this(List.of(new BenchNightly(), new BenchNlp(), new BenchModels()));
  }

  public BenchCommand(List<Command> modes) {
    this.modes = modes;
  }

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "Benchmarks: " + String.join(", ", modes.stream().map(Command::name).toList())
        + " (see docs/benchmarks.md)";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("Usage: meetscope bench <mode> [--option=value ...]");
    out.println();
    out.println("Modes:");
    for (Command m : modes) {
      out.printf("  %-10s %s%n", m.name(), m.summary());
    }
    out.println();
    out.println("`meetscope bench <mode> --help` lists a mode's options.");
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      printHelp(out);
      if (args.length == 0) {
        throw new UsageException("say which benchmark: " + String.join(", ",
            modes.stream().map(Command::name).toList()));
      }
      return ExitCodes.OK;
    }
    Command mode = modes.stream().filter(m -> m.name().equals(args[0])).findFirst()
        .orElseThrow(() -> new UsageException("unknown benchmark '" + args[0] + "'; modes: "
            + String.join(", ", modes.stream().map(Command::name).toList())));
    return mode.run(Arrays.copyOfRange(args, 1, args.length), out, err);
  }
}
