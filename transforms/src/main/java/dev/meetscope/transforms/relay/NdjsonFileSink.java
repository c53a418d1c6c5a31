package dev.meetscope.transforms.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meetscope.models.webhook.RelayEnvelope;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes envelopes as NDJSON files for {@code meetscope stream} to watch. One writer thread appends each
 * batch to a hidden in-progress file ({@code .events-….ndjson.inprogress}) and completes the batch's futures
 * after the write (and, by default, an fsync). A file is rolled by size or age: closed and atomically
 * renamed to {@code events-<opened UTC>-<instance>-<seq>.ndjson}, so a watcher matching {@code *.ndjson}
 * only ever sees complete files. In-progress files left by a crash are completed (cut to the last full
 * line) and renamed on start.
 */
public final class NdjsonFileSink extends BatchingEnvelopeSink<byte[]> {
  private static final Logger LOG = LoggerFactory.getLogger(NdjsonFileSink.class);
  public static final String SUFFIX = ".ndjson";
  static final String IN_PROGRESS = ".inprogress";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final long POLL_MILLIS = 200;
  private static final int MAX_BATCH = 1000;

  private final Path folder;
  private final String instance;
  private final long rollBytes;
  private final Duration rollInterval;
  private final Clock clock;
  private final boolean fsync;
  private final ObjectMapper json = new ObjectMapper();

  private int sequence;
  private FileChannel current;
  private Path currentPath;
  private String currentFinalName;
  private long currentBytes;
  private Instant openedAt;
  private long filesPublished;

  /**
   * @param instance a short name of this relay, part of every file name (several relays may share a folder)
   * @param rollBytes roll once a file would exceed this size
   * @param rollInterval roll a non-empty file this long after it was opened
   * @param fsync force each batch to disk before acknowledging it
   * @param queueCapacity submissions beyond this fail at once (the relay answers 503, Zoom retries)
   */
  public NdjsonFileSink(Path folder, String instance, long rollBytes, Duration rollInterval, Clock clock,
      boolean fsync, int queueCapacity) throws IOException {
    super("file sink", queueCapacity, POLL_MILLIS, MAX_BATCH, Long.MAX_VALUE);
    if (!instance.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("instance name must be 1-64 of [A-Za-z0-9_-]: " + instance);
    }
    if (rollBytes < 1) {
      throw new IllegalArgumentException("rollBytes must be positive");
    }
    this.folder = Files.createDirectories(folder);
    this.instance = instance;
    this.rollBytes = rollBytes;
    this.rollInterval = rollInterval;
    this.clock = clock;
    this.fsync = fsync;
    recoverLeftovers();
    start("ndjson-sink-" + instance);
  }

  @Override
  protected byte[] prepare(RelayEnvelope envelope) {
    return envelope.toNdjsonLine(json);
  }

  /** Number of files renamed into place so far. */
  public synchronized long filesPublished() {
    return filesPublished;
  }

  @Override
  public String describe() {
    return "files:" + folder;
  }

  @Override
  protected void onTick() throws IOException {
    rollIfOld();
  }

  @Override
  protected void onFailure(Exception e) {
    abandonCurrent();
  }

  @Override
  protected void onStop() {
    try {
      roll();
    } catch (IOException e) {
      LOG.error("Could not publish the last file in {}: {}", folder, e.toString());
    }
  }

  @Override
  protected void persist(List<byte[]> lines) throws IOException {
    writeBatch(lines);
  }

  private void writeBatch(List<byte[]> lines) throws IOException {
    for (byte[] line : lines) {
      if (current != null && currentBytes > 0 && currentBytes + line.length > rollBytes) {
        roll();
      }
      if (current == null) {
        open();
      }
      ByteBuffer buf = ByteBuffer.wrap(line);
      while (buf.hasRemaining()) {
        current.write(buf);
      }
      currentBytes += line.length;
    }
    if (fsync) {
      current.force(false);
    }
  }

  private void rollIfOld() throws IOException {
    if (current != null && !clock.instant().isBefore(openedAt.plus(rollInterval))) {
      roll();
    }
  }

  private void open() throws IOException {
    openedAt = clock.instant();
    String name;
    do {
      sequence++;
      name = "events-" + STAMP.format(openedAt) + "-" + instance + "-" + String.format("%06d", sequence) + SUFFIX;
    } while (Files.exists(folder.resolve(name)) || Files.exists(folder.resolve("." + name + IN_PROGRESS)));
    currentFinalName = name;
    currentPath = folder.resolve("." + name + IN_PROGRESS);
    current = FileChannel.open(currentPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    currentBytes = 0;
  }

  private void roll() throws IOException {
    if (current == null) {
      return;
    }
    FileChannel ch = current;
    current = null;
    ch.force(true);
    ch.close();
    if (currentBytes == 0) {
      Files.deleteIfExists(currentPath);
      return;
    }
    Files.move(currentPath, folder.resolve(currentFinalName), StandardCopyOption.ATOMIC_MOVE);
    synchronized (this) {
      filesPublished++;
    }
    LOG.info("Published {} ({} bytes)", currentFinalName, currentBytes);
  }

  /** After a failed write the file may end in a partial line: publish what is whole, start afresh. */
  private void abandonCurrent() {
    if (current == null) {
      return;
    }
    try {
      current.close();
    } catch (IOException e) {
      // already failing
    }
    current = null;
    try {
      publishRecovered(currentPath);
    } catch (IOException e) {
      LOG.error("Could not recover {}: {}", currentPath, e.toString());
    }
  }

  private void recoverLeftovers() throws IOException {
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, ".events-*" + SUFFIX + IN_PROGRESS)) {
      for (Path p : leftovers) {
        publishRecovered(p);
      }
    }
  }

  private void publishRecovered(Path inProgress) throws IOException {
    long keep;
    try (RandomAccessFile f = new RandomAccessFile(inProgress.toFile(), "rw")) {
      keep = f.length();
      while (keep > 0) {
        f.seek(keep - 1);
        if (f.read() == '\n') {
          break;
        }
        keep--;
      }
      f.setLength(keep);
      f.getFD().sync();
    }
    if (keep == 0) {
      Files.deleteIfExists(inProgress);
      return;
    }
    String hidden = inProgress.getFileName().toString();
    String name = hidden.substring(1, hidden.length() - IN_PROGRESS.length());
    Path target = folder.resolve(name);
    for (int n = 2; Files.exists(target); n++) {
      target = folder.resolve(name.substring(0, name.length() - SUFFIX.length()) + "-recovered" + n + SUFFIX);
    }
    Files.move(inProgress, target, StandardCopyOption.ATOMIC_MOVE);
    LOG.warn("Recovered {} left by an earlier run as {}", hidden, target.getFileName());
  }
}
