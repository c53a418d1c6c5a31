package dev.meetscope.runners.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Beam-style {@code --name=value} options of one command, checked against the command's declared options
 * (each with its default and help line) so that {@code --help} can list them all.
 */
public final class OptionArgs {
  /** One declared option; a null default means required (or optional without default, see help). */
  public record Option(String name, String defaultValue, String help) {}

  private final Map<String, Option> declared = new LinkedHashMap<>();
  private final Map<String, String> values = new LinkedHashMap<>();
  private boolean help;

  public OptionArgs(List<Option> options) {
    options.forEach(o -> declared.put(o.name(), o));
  }

  /** Parses {@code args}; unknown or malformed options raise a {@link UsageException} naming them. */
  public OptionArgs parse(String command, String[] args) {
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      if (!arg.startsWith("--") || arg.indexOf('=') < 3) {
        throw new UsageException("meetscope " + command + ": options look like --name=value, got '" + arg
            + "' (see meetscope " + command + " --help)");
      }
      String name = arg.substring(2, arg.indexOf('='));
      if (!declared.containsKey(name)) {
        throw new UsageException("meetscope " + command + ": unknown option --" + name + " (see meetscope "
            + command + " --help)");
      }
      values.put(name, arg.substring(arg.indexOf('=') + 1));
    }
    return this;
  }

  public boolean help() {
    return help;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The given value, else the declared default (may be null). */
  public String get(String name) {
    check(name);
    return values.containsKey(name) ? values.get(name) : declared.get(name).defaultValue();
  }

  public String required(String command, String name) {
    String v = get(name);
    if (v == null || v.isBlank()) {
      throw new UsageException("meetscope " + command + ": --" + name + " is required: "
          + declared.get(name).help());
    }
    return v;
  }

  public long getLong(String command, String name, long min, long max) {
    String v = get(name);
    try {
      long n = Long.parseLong(v.strip());
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException | NullPointerException e) {
      throw new UsageException("meetscope " + command + ": --" + name + " must be a whole number from " + min
          + " to " + max + ", got '" + v + "'");
    }
  }

  public boolean getBoolean(String command, String name) {
    String v = get(name);
    if ("true".equalsIgnoreCase(v) || "false".equalsIgnoreCase(v)) {
      return Boolean.parseBoolean(v);
    }
    throw new UsageException("meetscope " + command + ": --" + name + " must be true or false, got '" + v + "'");
  }

  public void printOptions(PrintStream out) {
    for (Option o : declared.values()) {
      out.printf("  --%s=%s%n      %s%n", o.name(), o.defaultValue() == null ? "<value>" : o.defaultValue(),
          o.help());
    }
    out.println("  --help\n      Print this help.");
  }

  private void check(String name) {
    if (!declared.containsKey(name)) {
      throw new IllegalArgumentException("undeclared option " + name);
    }
  }
}
