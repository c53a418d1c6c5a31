package dev.meetscope.models.governance;

/**
 * A governance option or the file it names is unusable. The message starts with the option name
 * ({@code --pseudonymKey: ...}) and never contains secret material; the CLI maps it to BAD_OPTIONS.
 */
public class InvalidOptionException extends IllegalArgumentException {
  private final String option;

  public InvalidOptionException(String option, String problem) {
    super(option + ": " + problem);
    this.option = option;
  }

  /** The option as typed on the command line, e.g. {@code --pseudonymKey}. */
  public String option() {
    return option;
  }
}
