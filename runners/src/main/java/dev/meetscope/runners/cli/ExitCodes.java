package dev.meetscope.runners.cli;

/** Process exit codes of every {@code meetscope} command, as documented in the README. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;
  /** An unexpected internal error (a bug): the message and stack trace say where. */
  public static final int INTERNAL_ERROR = 1;
  /** Bad or missing options: the message names the option and what it accepts. */
  public static final int BAD_OPTIONS = 2;
  /** The input path or glob matched nothing, or a required file is missing. */
  public static final int MISSING_INPUT = 3;
  /** The pipeline (or a remote service it needs) failed while running. */
  public static final int PIPELINE_FAILED = 4;

  private ExitCodes() {}
}
