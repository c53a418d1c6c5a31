package dev.meetscope.runners.cli;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Prints {@code --name=<default>  description} for every getter of the given options interfaces. */
public final class OptionsHelp {
  private OptionsHelp() {}

  public static void print(PrintStream out, Class<?> optionsInterface) {
    Method[] methods = optionsInterface.getDeclaredMethods();
    Arrays.sort(methods, Comparator.comparing(Method::getName));
    for (Method m : methods) {
      String name = m.getName();
      if (!name.startsWith("get") || m.getParameterCount() != 0) {
        continue;
      }
      String option = Character.toLowerCase(name.charAt(3)) + name.substring(4);
      Description d = m.getAnnotation(Description.class);
      out.printf("  --%s=%s%n      %s%n", option, defaultOf(m), d == null ? "" : d.value());
    }
  }

  private static String defaultOf(Method m) {
    if (m.getAnnotation(Default.String.class) != null) {
      return m.getAnnotation(Default.String.class).value();
    }
    if (m.getAnnotation(Default.Boolean.class) != null) {
      return String.valueOf(m.getAnnotation(Default.Boolean.class).value());
    }
    if (m.getAnnotation(Default.Integer.class) != null) {
      return String.valueOf(m.getAnnotation(Default.Integer.class).value());
    }
    if (m.getAnnotation(Default.Long.class) != null) {
      return String.valueOf(m.getAnnotation(Default.Long.class).value());
    }
    if (m.getAnnotation(Default.Double.class) != null) {
      return String.valueOf(m.getAnnotation(Default.Double.class).value());
    }
    return "<value>";
  }

  /** True when the arguments ask for help. */
  public static boolean wantsHelp(String[] args) {
    return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h") || a.equals("help"));
  }
}
