package dev.meetscope.runners.cli;

import java.util.List;

/**
 * The CLI runs jobs on Beam's Direct runner with its per-element checks off unless asked for them.
 *
 * <p>{@code enforceImmutability} and {@code enforceEncodability} re-encode every element each step emits to
 * catch DoFns that mutate their input or emit values their coder cannot round-trip. They are test tools: the
 * transforms' own {@code TestPipeline} tests keep them on, and on the full nightly graph they made the
 * bundled demo 4.5x slower (441 s against 97 s side by side, docs/benchmarks.md). Pass
 * {@code --enforceImmutability=true} (or the encodability one) to turn them back on for a run.
 */
public final class DirectRunnerChecks {
  public static final List<String> OFF = List.of("--enforceImmutability=false", "--enforceEncodability=false");

  private DirectRunnerChecks() {}

  /** Adds each check's "off" to {@code args} unless the user set that check or chose another runner. */
  public static void offUnlessGiven(List<String> args) {
    if (args.stream().anyMatch(a -> a.startsWith("--runner=") && !a.equals("--runner=DirectRunner"))) {
      return;
    }
    for (String off : OFF) {
      String name = off.substring(0, off.indexOf('='));
      if (args.stream().noneMatch(a -> a.equals(name) || a.startsWith(name + "="))) {
        args.add(off);
      }
    }
  }
}
