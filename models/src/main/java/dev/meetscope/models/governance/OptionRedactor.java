package dev.meetscope.models.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Makes user-visible options safe to log and to store in run_audit.
 * <ul>
 *   <li>An option whose name contains {@code key}, {@code secret}, {@code token}, {@code password},
 *       {@code passwd} or {@code credential} (any case) keeps its value only when the value is a reference —
 *       {@code env:VAR}, {@code file:PATH} or a Secret Manager name {@code projects/…/secrets/…} — because a
 *       reference says where the secret is, not what it is (file contents are never read here). Any other
 *       value becomes {@value #MASK}, whatever its length.
 *   <li>Options that name a person ({@code person}, {@code email}) become {@value Redactor#MARK}: the audit
 *       of {@code meetscope purge --person=…} must not itself keep the person it erased.
 *   <li>In every value, credentials in URLs ({@code https://user:pw@host}) and query parameters whose name
 *       looks secret ({@code ?token=…}, {@code &sig=…}) are masked.
 * </ul>
 * Idempotent: redacting a redacted map changes nothing.
 */
public final class OptionRedactor {
  public static final String MASK = "***";

  private static final List<String> SECRET_WORDS =
      List.of("key", "secret", "token", "password", "passwd", "credential");
  private static final List<String> PERSON_OPTIONS = List.of("person", "email");
  private static final Pattern REFERENCE = Pattern.compile(
      "env:[A-Za-z_][A-Za-z0-9_]*|file:\\S+|projects/[^/\\s]+/secrets/[^/\\s]+(/versions/[^/\\s]+)?");
  private static final Pattern URL_USERINFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]+@");
  private static final Pattern SECRET_QUERY_PARAM = Pattern.compile(
      "(?i)([?&][^=&#\\s]*(?:key|secret|token|password|passwd|credential|sig|signature)[^=&#\\s]*=)"
          + "[^&#\\s]*");

  private OptionRedactor() {}

  /** Redacted copy, sorted by option name for a stable audit row. */
  public static SortedMap<String, String> redact(Map<String, String> options) {
    SortedMap<String, String> out = new TreeMap<>();
    if (options == null) {
      return out;
    }
    options.forEach((name, value) -> out.put(name, redactValue(name, value)));
    return out;
  }

  /**
   * Redacts command-line arguments in order: {@code --name=value} has its value redacted, a bare
   * {@code --flag} is kept, and any other word (a sub-command) is kept.
   */
  public static List<String> redactArgs(List<String> args) {
    List<String> out = new ArrayList<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 2) {
        String name = arg.substring(2, eq);
        out.add("--" + name + "=" + redactValue(name, arg.substring(eq + 1)));
      } else {
        out.add(arg);
      }
    }
    return out;
  }

  /** The value as it may be shown for an option of this name (without leading dashes). */
  public static String redactValue(String name, String value) {
    if (value == null) {
      return null;
    }
    String n = name == null ? "" : name.replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
    if (PERSON_OPTIONS.contains(n)) {
      return Redactor.MARK;
    }
    if (isSecretName(n)) {
      return REFERENCE.matcher(value.strip()).matches() ? value.strip() : MASK;
    }
    String v = URL_USERINFO.matcher(value).replaceAll("$1" + MASK + "@");
    return SECRET_QUERY_PARAM.matcher(v).replaceAll("$1" + MASK);
  }

  /** True for option names that hold secrets. */
  public static boolean isSecretName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (String w : SECRET_WORDS) {
      if (n.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
