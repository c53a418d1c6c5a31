package dev.meetscope.runners.nightly;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/** File operations on the output folder through Beam's FileSystems, so local paths and gs:// both work. */
public final class OutputFolder {
  private final String root;

  public OutputFolder(String root) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  public String path(String relative) {
    return root + "/" + relative;
  }

  /** Files directly under {@code relativeFolder} (none if it does not exist). */
  public List<ResourceId> list(String relativeFolder) throws IOException {
    List<ResourceId> out = new ArrayList<>();
    for (MatchResult r : FileSystems.match(List.of(path(relativeFolder) + "/*"), EmptyMatchTreatment.ALLOW)) {
      if (r.status() == MatchResult.Status.OK) {
        for (MatchResult.Metadata m : r.metadata()) {
          if (!m.resourceId().isDirectory()) {
            out.add(m.resourceId());
          }
        }
      }
    }
    return out;
  }

  /** Deletes the files of a folder (a table's previous output); missing files are fine. */
  public void clear(String relativeFolder) throws IOException {
    List<ResourceId> files = list(relativeFolder);
    if (!files.isEmpty()) {
      FileSystems.delete(files, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }

  /** Deletes every file below a folder, at any depth (the role views, one folder per host or manager). */
  public void clearTree(String relativeFolder) throws IOException {
    List<ResourceId> files = new ArrayList<>();
    for (MatchResult r : FileSystems.match(List.of(path(relativeFolder) + "/**"), EmptyMatchTreatment.ALLOW)) {
      if (r.status() == MatchResult.Status.OK) {
        for (MatchResult.Metadata m : r.metadata()) {
          if (!m.resourceId().isDirectory()) {
            files.add(m.resourceId());
          }
        }
      }
    }
    if (!files.isEmpty()) {
      FileSystems.delete(files, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }

  /** Removes an empty folder where the file system has folders (local); object stores have none. */
  public void deleteEmptyFolder(String relative) throws IOException {
    ResourceId id = FileSystems.matchNewResource(path(relative), true);
    try {
      FileSystems.delete(List.of(id), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException e) {
      // Not empty or not a folder: leave it; it is harmless.
    }
  }

  public void deleteFile(String relative) throws IOException {
    ResourceId id = FileSystems.matchNewResource(path(relative), false);
    FileSystems.delete(List.of(id), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  public void writeString(String relative, String content) throws IOException {
    ResourceId id = FileSystems.matchNewResource(path(relative), false);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(id, MimeTypes.TEXT))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  public static String readString(ResourceId id) throws IOException {
    try (InputStream in = Channels.newInputStream(FileSystems.open(id))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
