package dev.meetscope.runners.nightly;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code meetscope nightly --pull}: the nightly arguments split into the job's own and those of the Zoom pull
 * that runs first. The pull fills the day's input partition ({@code --input} after {@code --date}), so one
 * command fetches yesterday from Zoom and processes it. {@code --date} and {@code --timeZone} serve both.
 *
 * @param enabled whether {@code --pull} (or {@code --pull=true}) was given
 * @param nightlyArgs the arguments for the nightly job's options
 * @param pullOnlyArgs the arguments only {@code meetscope pull} understands
 */
record ChainedPull(boolean enabled, String[] nightlyArgs, List<String> pullOnlyArgs) {
  /** Options of {@code meetscope pull} that {@code nightly --pull} passes on as they are. */
  static final Set<String> PULL_ONLY = Set.of("credentialsFile", "apiBase", "oauthBase", "fileTypes",
      "maxRetries", "maxRateLimitWaitSeconds");

  static ChainedPull split(String[] args) {
    boolean enabled = false;
    List<String> nightly = new ArrayList<>();
    List<String> pullOnly = new ArrayList<>();
    for (String arg : args) {
      String name = arg.startsWith("--") ? arg.substring(2).split("=", 2)[0] : "";
      if (name.equals("pull")) {
        String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1).toLowerCase(Locale.ROOT) : "true";
        if (!value.equals("true") && !value.equals("false")) {
          throw new IllegalArgumentException("--pull takes true or false, got '" + value + "'");
        }
        enabled = value.equals("true");
      } else if (PULL_ONLY.contains(name)) {
        pullOnly.add(arg);
      } else {
        nightly.add(arg);
      }
    }
    if (!enabled && !pullOnly.isEmpty()) {
      throw new IllegalArgumentException(pullOnly.get(0).split("=", 2)[0] + " is an option of the Zoom pull:"
          + " add --pull to fetch the day from Zoom before the run");
    }
    return new ChainedPull(enabled, nightly.toArray(String[]::new), List.copyOf(pullOnly));
  }

  /** The arguments of the pull into {@code landing}, the day's input partition. */
  String[] pullArgs(String date, String timeZone, String landing) {
    List<String> args = new ArrayList<>(List.of("--date=" + date, "--timeZone=" + timeZone, "--output=" + landing));
    args.addAll(pullOnlyArgs);
    return args.toArray(String[]::new);
  }
}
