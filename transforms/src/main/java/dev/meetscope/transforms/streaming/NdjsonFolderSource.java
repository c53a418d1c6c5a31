package dev.meetscope.transforms.streaming;

import dev.meetscope.models.parse.InputFormat;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.transforms.schema.RecordCoders;
import java.io.IOException;
import java.io.Serializable;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * Watches a folder (local or {@code gs://}) for NDJSON files of webhook deliveries, as the relay's files sink
 * writes them (complete files appear by atomic rename), and reads every new file once, line by line, in
 * name order. Each line becomes events timestamped by their event time, or a dead letter.
 *
 * <p><b>Watermark</b> from event time, not arrival, so recorded meetings can be backfilled: the newest event
 * time read minus {@code watermarkLag} (bounded out-of-orderness). While no new data arrives for longer than
 * {@code idleAdvance}, the watermark moves on with the wall clock, so a live meeting's last windows and
 * final rows still fire. With {@code maxIdle} set, the source finishes once nothing new arrived for that
 * long: the watermark jumps to the end of time, every window and timer fires, and the pipeline drains.
 *
 * <p>A checkpoint names the files done and the byte offset of the next line of the open file, so a resumed
 * reader neither skips nor repeats a delivery.
 */
public final class NdjsonFolderSource extends UnboundedSource<ParsedDelivery, NdjsonFolderSource.Checkpoint> {
  private static final long serialVersionUID = 1L;

  private final String filePattern;
  private final long pollMs;
  private final long maxIdleMs;
  private final long watermarkLagMs;
  private final long idleAdvanceMs;
  private final WallClock clock;

  /** Wall clock for polling and idleness, replaceable in tests. */
  public interface WallClock extends LongSupplier, Serializable {}

  private static final WallClock SYSTEM = System::currentTimeMillis;

  /**
   * @param filePattern e.g. {@code /var/lib/meetscope/events/*.ndjson}
   * @param maxIdleMs finish after this long without new data; 0 = never
   * @param idleAdvanceMs advance the watermark with the wall clock after this long without data; 0 = never
   */
  public NdjsonFolderSource(String filePattern, long pollMs, long maxIdleMs, long watermarkLagMs,
      long idleAdvanceMs) {
    this(filePattern, pollMs, maxIdleMs, watermarkLagMs, idleAdvanceMs, SYSTEM);
  }

  NdjsonFolderSource(String filePattern, long pollMs, long maxIdleMs, long watermarkLagMs, long idleAdvanceMs,
      WallClock clock) {
    if (pollMs <= 0 || maxIdleMs < 0 || watermarkLagMs < 0 || idleAdvanceMs < 0) {
      throw new IllegalArgumentException("poll interval must be positive and durations not negative");
    }
    this.filePattern = filePattern;
    this.pollMs = pollMs;
    this.maxIdleMs = maxIdleMs;
    this.watermarkLagMs = watermarkLagMs;
    this.idleAdvanceMs = idleAdvanceMs;
    this.clock = clock;
  }

  public String filePattern() {
    return filePattern;
  }

  @Override
  public List<NdjsonFolderSource> split(int desiredNumSplits, PipelineOptions options) {
    // One reader: files are read in name order, and the watermark is that of one ordered stream.
    return List.of(this);
  }

  @Override
  public UnboundedReader<ParsedDelivery> createReader(PipelineOptions options, @Nullable Checkpoint checkpoint) {
    return new Reader(this, checkpoint == null ? Checkpoint.initial(clock.getAsLong()) : checkpoint);
  }

  @Override
  public Coder<Checkpoint> getCheckpointMarkCoder() {
    return SerializableCoder.of(Checkpoint.class);
  }

  @Override
  public Coder<ParsedDelivery> getOutputCoder() {
    return RecordCoders.of(ParsedDelivery.class);
  }

  /**
   * Where a reader is: files done, the open file with the byte offset and number of its next line (and how
   * many outputs of that line were emitted already), the newest event time, the watermark, when data last
   * arrived (wall clock) and whether the source finished.
   */
  public static final class Checkpoint implements UnboundedSource.CheckpointMark, Serializable {
    private static final long serialVersionUID = 1L;
    final TreeSet<String> done;
    final @Nullable String file;
    final long lineOffset;
    final long lineNumber;
    final int emittedFromLine;
    final long maxEventMs;
    final long watermarkMs;
    final long lastDataWallMs;
    final boolean finished;

    Checkpoint(TreeSet<String> done, @Nullable String file, long lineOffset, long lineNumber,
        int emittedFromLine, long maxEventMs, long watermarkMs, long lastDataWallMs, boolean finished) {
      this.done = done;
      this.file = file;
      this.lineOffset = lineOffset;
      this.lineNumber = lineNumber;
      this.emittedFromLine = emittedFromLine;
      this.maxEventMs = maxEventMs;
      this.watermarkMs = watermarkMs;
      this.lastDataWallMs = lastDataWallMs;
      this.finished = finished;
    }

    static Checkpoint initial(long nowWallMs) {
      long min = BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis();
      return new Checkpoint(new TreeSet<>(), null, 0, 1, 0, min, min, nowWallMs, false);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Checkpoint c && c.done.equals(done) && java.util.Objects.equals(c.file, file)
          && c.lineOffset == lineOffset && c.lineNumber == lineNumber && c.emittedFromLine == emittedFromLine
          && c.maxEventMs == maxEventMs && c.watermarkMs == watermarkMs && c.lastDataWallMs == lastDataWallMs
          && c.finished == finished;
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(done, file, lineOffset, lineNumber, emittedFromLine, maxEventMs);
    }

    @Override
    public void finalizeCheckpoint() {
      // Files are never deleted or moved: nothing to acknowledge.
    }
  }

  private static final class Reader extends UnboundedReader<ParsedDelivery> {
    private static final long MIN = BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis();
    private static final long MAX = BoundedWindow.TIMESTAMP_MAX_VALUE.getMillis();

    private final NdjsonFolderSource source;
    private final DeliveryParser parser = new DeliveryParser();
    private final TreeSet<String> done;
    private final Deque<String> pending = new ArrayDeque<>();
    private final Deque<DeliveryParser.Timed> lineOutputs = new ArrayDeque<>();
    private @Nullable String file;
    private @Nullable ChannelLines lines;
    /** Start offset and number of the line whose outputs are being emitted (or of the next line). */
    private long lineOffset;
    private long lineNumber;
    private int emittedFromLine;
    private int skipOnResume;
    private long maxEventMs;
    private long watermarkMs;
    private long lastDataWallMs;
    private long lastPollWallMs = Long.MIN_VALUE;
    private boolean finished;
    private @Nullable ParsedDelivery current;
    private @Nullable Instant currentTimestamp;

    Reader(NdjsonFolderSource source, Checkpoint cp) {
      this.source = source;
      this.done = new TreeSet<>(cp.done);
      this.file = cp.file;
      this.lineOffset = cp.lineOffset;
      this.lineNumber = cp.lineNumber;
      this.skipOnResume = cp.emittedFromLine;
      this.maxEventMs = cp.maxEventMs;
      this.watermarkMs = cp.watermarkMs;
      this.lastDataWallMs = cp.lastDataWallMs;
      this.finished = cp.finished;
    }

    @Override
    public boolean start() throws IOException {
      if (file != null) {
        open(file, lineOffset);
      }
      return advance();
    }

    @Override
    public boolean advance() throws IOException {
      while (true) {
        if (!lineOutputs.isEmpty()) {
          DeliveryParser.Timed next = lineOutputs.poll();
          emittedFromLine++;
          current = next.delivery();
          if (next.eventTime() != null) {
            long t = next.eventTime().toEpochMilli();
            currentTimestamp = new Instant(Math.max(MIN, Math.min(MAX - 1, t)));
          } else {
            currentTimestamp = new Instant(Math.max(MIN, watermarkMs));
          }
          lastDataWallMs = source.clock.getAsLong();
          return true;
        }
        if (lines != null) {
          ChannelLines.Line line = lines.next();
          if (line != null) {
            readLine(line);
            continue;
          }
          lines.close();
          lines = null;
          done.add(file);
          file = null;
          lineOffset = 0;
          lineNumber = 1;
          emittedFromLine = 0;
          continue;
        }
        if (!pending.isEmpty()) {
          open(pending.poll(), 0);
          continue;
        }
        if (finished) {
          return false;
        }
        long now = source.clock.getAsLong();
        if (lastPollWallMs == Long.MIN_VALUE || now - lastPollWallMs >= source.pollMs) {
          lastPollWallMs = now;
          poll();
          if (!pending.isEmpty()) {
            continue;
          }
        }
        if (source.maxIdleMs > 0 && now - lastDataWallMs >= source.maxIdleMs) {
          finished = true;
        }
        current = null;
        return false;
      }
    }

    /** Parses one line into its outputs; on resume, skips the outputs emitted before the checkpoint. */
    private void readLine(ChannelLines.Line line) {
      lineOffset = line.startOffset();
      long number = lineNumber;
      lineNumber++;
      emittedFromLine = 0;
      List<DeliveryParser.Timed> outs;
      if (line.text() == null) {
        String raw = new String(line.raw(), StandardCharsets.UTF_8);
        outs = List.of(new DeliveryParser.Timed(ParsedDelivery.of(new DeadLetter(null, DeliveryParser.STAGE,
            InputFormat.WEBHOOK_EVENTS.id(), file, number, null, "INVALID_UTF8",
            "The line is not valid UTF-8.", dev.meetscope.models.parse.webhook.WebhookEventReader.redacted(raw))),
            null));
      } else if (line.text().isBlank()) {
        outs = List.of();
      } else {
        outs = parser.parse(line.text(), file, number, null);
      }
      for (DeliveryParser.Timed t : outs) {
        if (t.eventTime() != null) {
          maxEventMs = Math.max(maxEventMs, t.eventTime().toEpochMilli());
        }
      }
      int skip = skipOnResume;
      skipOnResume = 0;
      for (int i = 0; i < outs.size(); i++) {
        if (i < skip) {
          emittedFromLine++;
        } else {
          lineOutputs.add(outs.get(i));
        }
      }
      if (lineOutputs.isEmpty()) {
        // Nothing to emit from this line (blank, or all emitted before): the next line starts after it.
        emittedFromLine = 0;
      }
    }

    private void open(String name, long offset) throws IOException {
      file = name;
      ReadableByteChannel ch = FileSystems.open(FileSystems.matchNewResource(name, false));
      if (offset > 0) {
        if (ch instanceof SeekableByteChannel seekable) {
          seekable.position(offset);
        } else {
          skip(ch, offset);
        }
      }
      lines = new ChannelLines(ch, offset);
      if (offset == 0) {
        lineNumber = 1;
        emittedFromLine = 0;
      }
    }

    private static void skip(ReadableByteChannel ch, long bytes) throws IOException {
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 16);
      long left = bytes;
      while (left > 0) {
        buf.clear();
        buf.limit((int) Math.min(buf.capacity(), left));
        int n = ch.read(buf);
        if (n < 0) {
          throw new IOException("file shorter than its checkpoint offset " + bytes);
        }
        left -= n;
      }
    }

    /** Lists the pattern and queues the files not read yet, in name order. */
    private void poll() throws IOException {
      MatchResult match = FileSystems.match(source.filePattern, EmptyMatchTreatment.ALLOW);
      if (match.status() != MatchResult.Status.OK && match.status() != MatchResult.Status.NOT_FOUND) {
        throw new IOException("Cannot list " + source.filePattern + ": " + match.status());
      }
      List<String> names = new ArrayList<>();
      if (match.status() == MatchResult.Status.OK) {
        for (MatchResult.Metadata m : match.metadata()) {
          String name = m.resourceId().toString();
          String base = m.resourceId().getFilename();
          if (base != null && !base.startsWith(".") && !done.contains(name) && !name.equals(file)
              && !pending.contains(name)) {
            names.add(name);
          }
        }
      }
      names.sort(null);
      pending.addAll(names);
    }

    @Override
    public Instant getWatermark() {
      if (finished && lineOutputs.isEmpty() && lines == null && pending.isEmpty()) {
        return BoundedWindow.TIMESTAMP_MAX_VALUE;
      }
      if (maxEventMs == MIN) {
        return new Instant(watermarkMs);
      }
      long wm = maxEventMs - source.watermarkLagMs;
      if (source.idleAdvanceMs > 0) {
        long idleFor = source.clock.getAsLong() - lastDataWallMs - source.idleAdvanceMs;
        if (idleFor > 0) {
          wm += idleFor;
        }
      }
      watermarkMs = Math.max(watermarkMs, Math.min(wm, MAX - 1));
      return new Instant(watermarkMs);
    }

    @Override
    public CheckpointMark getCheckpointMark() {
      // Mid-line: resume at the line's start and skip what was emitted. Else: resume at the next line.
      boolean midLine = !lineOutputs.isEmpty();
      long offset = midLine ? lineOffset : lines != null ? lines.offset() : 0;
      long number = midLine ? lineNumber - 1 : lineNumber;
      return new Checkpoint(new TreeSet<>(done), file, offset, number, midLine ? emittedFromLine : 0,
          maxEventMs, watermarkMs, lastDataWallMs, finished);
    }

    @Override
    public ParsedDelivery getCurrent() {
      if (current == null) {
        throw new NoSuchElementException();
      }
      return current;
    }

    @Override
    public Instant getCurrentTimestamp() {
      if (currentTimestamp == null) {
        throw new NoSuchElementException();
      }
      return currentTimestamp;
    }

    @Override
    public UnboundedSource<ParsedDelivery, ?> getCurrentSource() {
      return source;
    }

    @Override
    public void close() throws IOException {
      if (lines != null) {
        lines.close();
        lines = null;
      }
    }
  }
}
