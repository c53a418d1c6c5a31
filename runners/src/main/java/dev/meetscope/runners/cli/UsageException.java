package dev.meetscope.runners.cli;

/** Bad options: the message says which option and what to fix. Maps to {@link ExitCodes#BAD_OPTIONS}. */
public class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
