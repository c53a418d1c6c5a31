package dev.meetscope.runners.cli;

import java.io.PrintStream;

/**
 * One {@code meetscope <name>} sub-command. Options are Beam-style {@code --name=value}. {@link #run}
 * returns an {@link ExitCodes} value and never calls {@code System.exit} (tests call it directly).
 */
public interface Command {
  /** The sub-command word, e.g. {@code nightly}. */
  String name();

  /** One line for {@code meetscope --help}. */
  String summary();

  /** Full help: every option with its default, for {@code meetscope <name> --help}. */
  void printHelp(PrintStream out);

  int run(String[] args, PrintStream out, PrintStream err) throws Exception;
}
