package dev.meetscope.models.governance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * Small-group suppression for the manager and people-ops views: an aggregate over fewer than
 * {@link #threshold()} distinct people is not reported, because with 2–4 people an average is close to a
 * per-person value. The threshold is configurable ({@code --minGroupSize}) but never below
 * {@value #MIN_THRESHOLD}.
 */
public final class GroupSuppression {
  public static final String OPTION = "--minGroupSize";
  public static final int MIN_THRESHOLD = 5;

  private final int threshold;

  public GroupSuppression(int threshold) {
    if (threshold < MIN_THRESHOLD) {
      throw new InvalidOptionException(OPTION, "must be at least " + MIN_THRESHOLD + ", got " + threshold);
    }
    this.threshold = threshold;
  }

  public static GroupSuppression defaults() {
    return new GroupSuppression(MIN_THRESHOLD);
  }

  public int threshold() {
    return threshold;
  }

  /** True when a group of this many distinct people may be reported. */
  public boolean reportable(long distinctPeople) {
    return distinctPeople >= threshold;
  }

  /** True when these person keys (nulls and repeats ignored) form a reportable group. */
  public boolean reportable(Collection<String> personKeys) {
    return reportable(personKeys.stream().filter(Objects::nonNull).distinct().count());
  }

  /** The reportable groups, in input order, and how many were suppressed. */
  public <T> Result<T> apply(List<T> groups, ToLongFunction<T> distinctPeople) {
    List<T> kept = new ArrayList<>();
    int suppressed = 0;
    for (T g : groups) {
      if (reportable(distinctPeople.applyAsLong(g))) {
        kept.add(g);
      } else {
        suppressed++;
      }
    }
    return new Result<>(List.copyOf(kept), suppressed);
  }

  /**
   * Suppression for disjoint sibling groups whose parent total is also reported (departments of one
   * organisation-week): besides every small group, the smallest reported siblings are suppressed as well
   * until the suppressed groups together hold at least {@link #threshold()} people, because
   * "parent minus reported siblings" would otherwise reveal the small groups' aggregate. Ties go to the
   * earlier group in input order. Kept groups stay in input order.
   */
  public <T> Result<T> applyWithComplement(List<T> siblings, ToLongFunction<T> distinctPeople) {
    boolean[] suppressed = new boolean[siblings.size()];
    long suppressedPeople = 0;
    for (int i = 0; i < siblings.size(); i++) {
      long n = distinctPeople.applyAsLong(siblings.get(i));
      if (!reportable(n)) {
        suppressed[i] = true;
        suppressedPeople += n;
      }
    }
    while (suppressedPeople > 0 && suppressedPeople < threshold) {
      int smallest = -1;
      for (int i = 0; i < siblings.size(); i++) {
        if (!suppressed[i] && (smallest < 0 || distinctPeople.applyAsLong(siblings.get(i))
            < distinctPeople.applyAsLong(siblings.get(smallest)))) {
          smallest = i;
        }
      }
      if (smallest < 0) {
        break;
      }
      suppressed[smallest] = true;
      suppressedPeople += distinctPeople.applyAsLong(siblings.get(smallest));
    }
    List<T> kept = new ArrayList<>();
    int count = 0;
    for (int i = 0; i < siblings.size(); i++) {
      if (suppressed[i]) {
        count++;
      } else {
        kept.add(siblings.get(i));
      }
    }
    return new Result<>(List.copyOf(kept), count);
  }

  public record Result<T>(List<T> kept, int suppressed) {}
}
