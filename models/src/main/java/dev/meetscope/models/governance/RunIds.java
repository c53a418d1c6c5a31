package dev.meetscope.models.governance;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Run ids: the UTC start second in ISO 8601 basic form and 8 random hex digits, e.g.
 * {@code 20261128T075158Z-3f9a1c2b}. Unique per run (two runs in the same second differ in 32 random bits)
 * and sorted by start time as plain strings. Audit is the one place where wall clock and randomness are
 * right: output rows and file names stay deterministic and never contain a run id.
 */
public final class RunIds {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Pattern RUN_ID = Pattern.compile("[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunIds() {}

  public static String newRunId(Instant startedAt) {
    return newRunId(startedAt, RANDOM);
  }

  /** With a given random source, for tests. */
  public static String newRunId(Instant startedAt, RandomGenerator random) {
    return STAMP.format(startedAt.truncatedTo(ChronoUnit.SECONDS)) + "-"
        + String.format(Locale.ROOT, "%08x", random.nextInt());
  }

  public static boolean isRunId(String s) {
    return s != null && RUN_ID.matcher(s).matches();
  }

  /** The start second encoded in a run id. */
  public static Instant startOf(String runId) {
    if (!isRunId(runId)) {
      throw new IllegalArgumentException("not a run id: " + runId);
    }
    return STAMP.parse(runId.substring(0, 16), Instant::from);
  }

  /**
   * The run id in the lowercase form that Dataflow job names and BigQuery/GCS labels accept
   * ({@code 20261128t075158z-3f9a1c2b}).
   */
  public static String asLabel(String runId) {
    return runId.toLowerCase(Locale.ROOT);
  }
}
