package dev.meetscope.transforms.zoomapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * {@link LandingStore} over Beam {@link FileSystems}: a local folder or {@code gs://bucket/prefix} (call
 * {@code FileSystems.setDefaultPipelineOptions} first for gs://). Staging files live under
 * {@code <base>/_staging/} and are renamed into place; on GCS the rename is a copy + delete, still never
 * exposing a half-written object under its final name.
 */
public final class BeamLandingStore implements LandingStore {
  static final String STAGING = "_staging";
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final String base;

  public BeamLandingStore(String base) {
    this.base = base.endsWith("/") ? base : base + "/";
  }

  private ResourceId resource(String path) {
    return FileSystems.matchNewResource(base + path, false);
  }

  @Override
  public OptionalLong size(String path) throws IOException {
    MatchResult m = FileSystems.match(List.of(base + path)).get(0);
    if (m.status() != MatchResult.Status.OK) {
      return OptionalLong.empty();
    }
    List<MatchResult.Metadata> metadata = m.metadata();
    return metadata.isEmpty() || metadata.get(0).resourceId().isDirectory()
        ? OptionalLong.empty() : OptionalLong.of(metadata.get(0).sizeBytes());
  }

  @Override
  public byte[] read(String path) throws IOException {
    try (ReadableByteChannel ch = FileSystems.open(resource(path));
        InputStream in = Channels.newInputStream(ch)) {
      return in.readAllBytes();
    }
  }

  @Override
  public void write(String path, byte[] content) throws IOException {
    ResourceId staging = staging(path);
    try (WritableByteChannel ch = FileSystems.create(staging, MimeTypes.BINARY);
        OutputStream out = Channels.newOutputStream(ch)) {
      out.write(content);
    }
    moveIntoPlace(staging, path);
  }

  @Override
  public long write(String path, InputStream content, Long expectedSize) throws IOException {
    ResourceId staging = staging(path);
    long count;
    try (WritableByteChannel ch = FileSystems.create(staging, MimeTypes.BINARY);
        OutputStream out = Channels.newOutputStream(ch)) {
      count = content == null ? 0 : content.transferTo(out);
    } catch (IOException e) {
      FileSystems.delete(List.of(staging), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      throw e;
    }
    if (expectedSize != null && count != expectedSize) {
      FileSystems.delete(List.of(staging), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      throw new IOException("download of " + path + " ended after " + count + " bytes, expected "
          + expectedSize);
    }
    moveIntoPlace(staging, path);
    return count;
  }

  @Override
  public List<String> list(String folder, String prefix) throws IOException {
    String dir = folder.endsWith("/") ? folder : folder + "/";
    MatchResult m = FileSystems.match(List.of(base + dir + prefix + "*")).get(0);
    List<String> out = new ArrayList<>();
    if (m.status() != MatchResult.Status.OK) {
      return out;
    }
    for (MatchResult.Metadata md : m.metadata()) {
      String name = md.resourceId().getFilename();
      if (name != null && name.startsWith(prefix)) {
        out.add(dir + name);
      }
    }
    out.sort(null);
    return out;
  }

  @Override
  public void delete(List<String> paths) throws IOException {
    List<ResourceId> ids = new ArrayList<>();
    for (String p : paths) {
      ids.add(resource(p));
    }
    FileSystems.delete(ids, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  @Override
  public void cleanStaging() throws IOException {
    delete(list(STAGING, ""));
    if (FileSystems.matchNewResource(base, true).getScheme().equals("file")) {
      FileSystems.delete(List.of(FileSystems.matchNewResource(base + STAGING + "/", true)),
          MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }

  @Override
  public String describe() {
    return base;
  }

  private ResourceId staging(String path) {
    String flat = path.replace('/', '~');
    return resource(STAGING + "/" + SEQUENCE.incrementAndGet() + "-" + flat + ".part");
  }

  private void moveIntoPlace(ResourceId staging, String path) throws IOException {
    FileSystems.rename(List.of(staging), List.of(resource(path)));
  }
}
