package dev.meetscope.runners.flink;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** JVM flags for the Java processes Meetscope starts itself (Flink cluster processes, benchmark runs). */
public final class JvmFlags {
  /** Packages Flink (Kryo) and Beam reflect into on Java 17; the same list as the ./meetscope launcher's. */
  public static final List<String> OPENED_PACKAGES = List.of("java.util", "java.lang", "java.lang.reflect",
      "java.io", "java.net", "java.nio", "sun.nio.ch", "java.util.concurrent", "java.util.concurrent.atomic",
      "java.time", "java.text", "java.math");

  private JvmFlags() {}

  /** {@code --add-opens java.base/<p>=ALL-UNNAMED} for every package above. */
  public static List<String> addOpens() {
    List<String> flags = new ArrayList<>();
    for (String p : OPENED_PACKAGES) {
      flags.add("--add-opens");
      flags.add("java.base/" + p + "=ALL-UNNAMED");
    }
    return flags;
  }

  /** The {@code java} binary of the running JVM, so child processes use the same Java. */
  public static Path javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** This JVM's class path with every entry absolute (child processes may run in another folder). */
  public static String absoluteClassPath() {
    String sep = System.getProperty("path.separator");
    List<String> entries = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(java.util.regex.Pattern.quote(sep))) {
      if (!e.isBlank()) {
        entries.add(Path.of(e).toAbsolutePath().normalize().toString());
      }
    }
    return String.join(sep, entries);
  }

  /** The runnable jar this JVM was started from ({@code java -jar meetscope.jar}), or null. */
  public static Path runnableJar() {
    String cp = System.getProperty("java.class.path");
    if (cp != null && !cp.contains(System.getProperty("path.separator")) && cp.endsWith(".jar")) {
      return Path.of(cp).toAbsolutePath().normalize();
    }
    return null;
  }

  /**
   * A Java argument file ({@code java @file}) holding {@code -cp <classpath>}: a Maven test class path can
   * exceed the kernel's limit for one command-line argument.
   */
  public static String argFileClassPath(String classpath) {
    return "-cp\n\"" + classpath.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n";
  }
}
