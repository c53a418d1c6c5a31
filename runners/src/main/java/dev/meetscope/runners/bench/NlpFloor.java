package dev.meetscope.runners.bench;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The floor of the nightly job's cost: the time the NLP stage alone needs for the same meetings' text, outside
 * Beam. The nightly benchmark reports whole-job time divided by this ({@link ProjectNlpFloor} measures it).
 */
@FunctionalInterface
public interface NlpFloor {
  NlpFloor UNAVAILABLE = generated -> Optional.empty();

  /**
   * One measurement of NLP-only work.
   *
   * @param wallSeconds wall-clock seconds, model loading included
   * @param cpuSeconds CPU seconds of the JVM over the same time (all threads, GC included)
   * @param loadSeconds of {@code wallSeconds}, loading the CoreNLP models
   * @param texts cues and public chat messages analysed
   */
  record Measurement(double wallSeconds, double cpuSeconds, double loadSeconds, long texts, int meetings) {}

  /** NLP-only work over the meetings generated in {@code generated}, or empty when it cannot be measured. */
  Optional<Measurement> measure(Path generated) throws Exception;
}
