package dev.meetscope.runners;

import dev.meetscope.runners.bench.BenchCommand;
import dev.meetscope.runners.cli.Command;
import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.runners.cli.MissingInputException;
import dev.meetscope.runners.bench.BenchStreamCommand;
import dev.meetscope.runners.cli.PullCommand;
import dev.meetscope.runners.cli.RelayCommand;
import dev.meetscope.runners.cli.ReplayCommand;
import dev.meetscope.runners.cli.UsageException;
import dev.meetscope.runners.flink.FlinkClusterCommand;
import dev.meetscope.runners.generate.GenerateCommand;
import dev.meetscope.runners.nightly.NightlyCommand;
import dev.meetscope.runners.purge.PurgeCommand;
import dev.meetscope.runners.stream.StreamCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** The {@code meetscope} command line: {@code meetscope <command> [--option=value ...]}. */
public final class Meetscope {
  private final List<Command> commands;

  public Meetscope() {
    this(List.of(new NightlyCommand(), new GenerateCommand(), new PullCommand(), new RelayCommand(),
        new FlinkClusterCommand(), new BenchCommand(), new StreamCommand(), new ReplayCommand(),
        new BenchStreamCommand(), new PurgeCommand()));
  }

  Meetscope(List<Command> commands) {
    this.commands = commands;
  }

  public static void main(String[] args) {
    System.exit(new Meetscope().run(args, System.out, System.err));
  }

  /** Runs one command and returns its exit code; never exits the JVM. */
  public int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      printHelp(out);
      return args.length == 0 ? ExitCodes.BAD_OPTIONS : ExitCodes.OK;
    }
    Command command = commands.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
    if (command == null) {
      err.println("meetscope: unknown command '" + args[0] + "'. Run `meetscope --help` for the list.");
      return ExitCodes.BAD_OPTIONS;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      return command.run(rest, out, err);
    } catch (UsageException e) {
      err.println(prefixed(command, e.getMessage()));
      err.println("Run `meetscope " + command.name() + " --help` for every option.");
      return ExitCodes.BAD_OPTIONS;
    } catch (MissingInputException e) {
      err.println(prefixed(command, e.getMessage()));
      return ExitCodes.MISSING_INPUT;
    } catch (Exception e) {
      err.println("meetscope " + command.name() + ": internal error: " + e);
      e.printStackTrace(err);
      return ExitCodes.INTERNAL_ERROR;
    }
  }

  private void printHelp(PrintStream out) {
    out.println("Usage: meetscope <command> [--option=value ...]");
    out.println();
    out.println("Commands:");
    for (Command c : commands) {
      out.printf("  %-14s %s%n", c.name(), c.summary());
    }
    out.println();
    out.println("`meetscope <command> --help` describes every option of a command.");
    out.println("Exit codes: 0 ok, 1 internal error, 2 bad options, 3 missing input, 4 pipeline failed.");
  }

  /** "meetscope <command>: message", once: many commands already start their messages so. */
  private static String prefixed(Command command, String message) {
    String prefix = "meetscope " + command.name() + ": ";
    return message != null && message.startsWith(prefix) ? message : prefix + message;
  }
}
