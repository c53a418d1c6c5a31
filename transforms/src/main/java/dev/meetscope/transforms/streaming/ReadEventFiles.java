package dev.meetscope.transforms.streaming;

import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/** The files source: NDJSON delivery files watched continuously ({@link NdjsonFolderSource}). */
public final class ReadEventFiles extends PTransform<PBegin, PCollection<ParsedDelivery>> {
  private final NdjsonFolderSource source;

  private ReadEventFiles(NdjsonFolderSource source) {
    this.source = source;
  }

  /**
   * @param input a folder (every {@code *.ndjson} in it) or a file pattern
   * @param maxIdleMs finish after this long without new data, 0 = run until cancelled
   */
  public static ReadEventFiles of(String input, long pollMs, long maxIdleMs, long watermarkLagMs,
      long idleAdvanceMs) {
    return new ReadEventFiles(new NdjsonFolderSource(filePattern(input), pollMs, maxIdleMs, watermarkLagMs,
        idleAdvanceMs));
  }

  static ReadEventFiles of(NdjsonFolderSource source) {
    return new ReadEventFiles(source);
  }

  /** A folder becomes {@code folder/*.ndjson}; a pattern or a file is used as it is. */
  public static String filePattern(String input) {
    String in = input.strip();
    if (in.endsWith(".ndjson") || in.contains("*") || in.contains("?") || in.contains("[")) {
      return in;
    }
    return (in.endsWith("/") ? in : in + "/") + "*.ndjson";
  }

  @Override
  public PCollection<ParsedDelivery> expand(PBegin begin) {
    return begin.apply("ReadNdjsonFolder", Read.from(source));
  }
}
