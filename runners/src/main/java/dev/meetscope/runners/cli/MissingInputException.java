package dev.meetscope.runners.cli;

/** The input matched nothing. Maps to {@link ExitCodes#MISSING_INPUT}. */
public class MissingInputException extends RuntimeException {
  public MissingInputException(String message) {
    super(message);
  }
}
