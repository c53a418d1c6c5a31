package dev.meetscope.runners.cli;

import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * Turns {@code --input} into a file pattern over meeting-folder files, and checks before the graph is
 * built that it matches something. A folder of meeting folders reads {@code <input>/*}{@code /*}; a single
 * meeting folder (files directly inside) reads {@code <input>/*}; a glob selects meeting folders and reads
 * {@code <glob>/*}.
 */
public final class InputResolver {
  private InputResolver() {}

  public static String filePattern(String input) throws IOException {
    String base = input.endsWith("/") ? input.substring(0, input.length() - 1) : input;
    boolean glob = base.contains("*") || base.contains("?") || base.contains("[") || base.contains("{");
    List<String> candidates = glob ? List.of(base + "/*") : List.of(base + "/*/*", base + "/*");
    for (String pattern : candidates) {
      if (matchesFiles(pattern)) {
        return pattern;
      }
    }
    throw new MissingInputException("--input=" + input + " holds no meeting files: expected a folder of "
        + "meeting folders (each with reports, transcripts, chats or events), one meeting folder, or a "
        + "glob that selects meeting folders. Check the path, or run `meetscope generate` to make sample data.");
  }

  private static boolean matchesFiles(String pattern) throws IOException {
    List<MatchResult> results = FileSystems.match(List.of(pattern), EmptyMatchTreatment.ALLOW);
    for (MatchResult r : results) {
      if (r.status() == MatchResult.Status.OK) {
        for (MatchResult.Metadata m : r.metadata()) {
          if (!m.resourceId().isDirectory()) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
