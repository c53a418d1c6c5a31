package dev.meetscope.runners.bench;

import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * The floor of the nightly job's cost: seconds the NLP stage alone needs for the same meetings' text, outside
 * Beam. The nightly benchmark reports whole-job time divided by this. Until the NLP stage is in the build
 * there is nothing to measure; the NLP benchmark supplies the real one (a single constructor argument of
 * {@link BenchNightly}).
 */
@FunctionalInterface
public interface NlpFloor {
  NlpFloor UNAVAILABLE = generated -> OptionalDouble.empty();

  /** Seconds of NLP-only work over the meetings generated in {@code generated}, or empty. */
  OptionalDouble seconds(Path generated) throws Exception;
}
