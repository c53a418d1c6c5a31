package dev.meetscope.transforms.governance;

import dev.meetscope.models.governance.InvalidOptionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;

/** Reads the small governance lists (opt-out, allow list, roster) through Beam FileSystems: local or gs://. */
public final class GovernanceFiles {
  private GovernanceFiles() {}

  /** The file's bytes; a missing or unreadable file is an option error naming the option and the path. */
  public static byte[] read(String option, String path) {
    try {
      MatchResult match = FileSystems.match(List.of(path), EmptyMatchTreatment.DISALLOW).get(0);
      if (match.status() != MatchResult.Status.OK || match.metadata().isEmpty()) {
        throw new InvalidOptionException(option, "no file at " + path);
      }
      if (match.metadata().size() > 1) {
        throw new InvalidOptionException(option, path + " matches " + match.metadata().size()
            + " files; name one file");
      }
      try (InputStream in = Channels.newInputStream(FileSystems.open(match.metadata().get(0).resourceId()))) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new InvalidOptionException(option, "cannot read " + path + " (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
  }
}
