package dev.meetscope.models.governance;

import java.util.Locale;

/** {@code --consentMode}: which meetings may be analysed. */
public enum ConsentMode {
  /** Default: meetings whose manifest says {@code analytics_enabled: true}, or whose host or meeting is allow-listed. */
  MANIFEST,
  /** Only allow-listed hosts and meetings; the manifest flag alone is not enough (manifests are user-written). */
  ALLOWLIST,
  /** Pilots: every meeting, except one whose manifest explicitly says {@code analytics_enabled: false}. */
  ALL;

  public static final String OPTION = "--consentMode";

  public static ConsentMode parse(String value) {
    if (value == null || value.isBlank()) {
      return MANIFEST;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "manifest" -> MANIFEST;
      case "allowlist" -> ALLOWLIST;
      case "all" -> ALL;
      default -> throw new InvalidOptionException(OPTION,
          "expected manifest, allowlist or all, got '" + value.strip() + "'");
    };
  }

  /** The spelling on the command line and in run_audit. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
