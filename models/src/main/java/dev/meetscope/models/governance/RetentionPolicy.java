package dev.meetscope.models.governance;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --retentionDays=N}: outputs about meetings older than N days are deleted. The rule matches BigQuery's
 * {@code partition_expiration_days = N}, which counts from the end of the partition's UTC day: a partition
 * of date D is gone from day D + N + 1 on. So, relative to {@code today}, a partition is expired when
 * {@code today − D > N} days, i.e. {@code D < today − N}.
 *
 * <p>File outputs are found by their partition folder: the day folder of {@code nightly --date}
 * ({@code <output>/YYYY-MM-DD/<table>/…}, the table being the folder below it), or
 * ({@code <output>/…/<table>/meeting_date=YYYY-MM-DD/…};
 * also {@code run_date=} for dead letters and {@code week_start=} for weekly aggregates, a week counting
 * from its last day, start + 6). Files without such a folder, with an impossible date, or in the
 * {@code run_audit} table are kept and reported: the audit trail outlives the data it describes.
 */
public final class RetentionPolicy {
  public static final String OPTION = "--retentionDays";
  /** The longest retention accepted (about 273 years), by {@code nightly}, {@code stream} and {@code purge}. */
  public static final int MAX_DAYS = 100_000;
  /** One day in milliseconds: the unit of BigQuery's {@code TimePartitioning.expirationMs}. */
  public static final long DAY_MS = 86_400_000L;
  /** Tables never purged by age. */
  public static final Set<String> EXEMPT_TABLES = Set.of("run_audit");

  private static final java.util.regex.Pattern BARE_DATE =
      java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  private final int days;

  public RetentionPolicy(int days) {
    if (days < 1) {
      throw new InvalidOptionException(OPTION, "must be at least 1 day, got " + days);
    }
    if (days > MAX_DAYS) {
      throw new InvalidOptionException(OPTION, "must be at most " + MAX_DAYS + " days, got " + days);
    }
    this.days = days;
  }

  public int days() {
    return days;
  }

  /** The oldest partition date still kept on {@code today}. */
  public LocalDate oldestKept(LocalDate today) {
    return today.minusDays(days);
  }

  /** True when a partition whose last day is {@code lastDay} is past retention on {@code today}. */
  public boolean expired(LocalDate lastDay, LocalDate today) {
    return lastDay.isBefore(oldestKept(today));
  }

  /** BigQuery's {@code TimePartitioning.expirationMs} for this policy: days × 86,400,000. */
  public long expirationMs() {
    return days * DAY_MS;
  }

  /** The BigQuery table option that implements this policy. */
  public String bigQueryOption() {
    return "partition_expiration_days = " + days;
  }

  /** What {@code meetscope purge --olderThanDays=N} does with each path, sorted by path. */
  public List<PathDecision> plan(Collection<String> paths, LocalDate today) {
    List<PathDecision> out = new ArrayList<>();
    for (String p : paths.stream().sorted().toList()) {
      out.add(decide(p, today));
    }
    return out;
  }

  /** Only the paths to delete, sorted. */
  public List<String> toDelete(Collection<String> paths, LocalDate today) {
    return plan(paths, today).stream().filter(d -> d.action() == Action.DELETE)
        .map(PathDecision::path).toList();
  }

  public PathDecision decide(String path, LocalDate today) {
    Optional<Partition> partition;
    try {
      partition = partitionOf(path);
    } catch (DateTimeException e) {
      return new PathDecision(path, Action.KEEP, Reason.BAD_PARTITION_DATE);
    }
    if (partition.isEmpty()) {
      return new PathDecision(path, Action.KEEP, Reason.NO_PARTITION_DATE);
    }
    Partition p = partition.get();
    if (p.table() != null && EXEMPT_TABLES.contains(p.table())) {
      return new PathDecision(path, Action.KEEP, Reason.EXEMPT_TABLE);
    }
    return expired(p.lastDay(), today)
        ? new PathDecision(path, Action.DELETE, Reason.EXPIRED)
        : new PathDecision(path, Action.KEEP, Reason.WITHIN_RETENTION);
  }

  /**
   * The first date partition folder of a path ({@code /} or {@code \} separated; {@code gs://} works).
   *
   * @throws DateTimeException when the folder is there but the date is impossible ({@code 2026-02-30})
   */
  public static Optional<Partition> partitionOf(String path) {
    String[] segments = path.split("[/\\\\]");
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      int eq = s.indexOf('=');
      if (eq < 0 && BARE_DATE.matcher(s).matches() && i < segments.length - 1) {
        // The day folder of `meetscope nightly --date` (<output>/YYYY-MM-DD/<table>/…): a whole day's run.
        LocalDate day = LocalDate.parse(s, DATE);
        String table = null;
        for (int j = i + 1; j < segments.length - 1 && table == null; j++) {
          if (segments[j].indexOf('=') < 0) {
            table = segments[j];
          }
        }
        return Optional.of(new Partition(table, "date", day, day));
      }
      if (eq < 0) {
        continue;
      }
      String column = s.substring(0, eq);
      if (!column.equals("meeting_date") && !column.equals("run_date")
          && !column.equals("week_start")) {
        continue;
      }
      LocalDate first = LocalDate.parse(s.substring(eq + 1), DATE);
      LocalDate last = column.equals("week_start") ? first.plusDays(6) : first;
      String table = null;
      for (int j = i - 1; j >= 0 && table == null; j--) {
        if (segments[j].indexOf('=') < 0) {
          table = segments[j]; // the nearest folder that is not itself a partition key
        }
      }
      return Optional.of(new Partition(table, column, first, last));
    }
    return Optional.empty();
  }

  /** A date partition: the table folder above it, its column, and the days it covers. */
  public record Partition(String table, String column, LocalDate firstDay, LocalDate lastDay) {}

  public enum Action { DELETE, KEEP }

  public enum Reason { EXPIRED, WITHIN_RETENTION, NO_PARTITION_DATE, BAD_PARTITION_DATE, EXEMPT_TABLE }

  public record PathDecision(String path, Action action, Reason reason) {}
}
