package dev.meetscope.transforms.streaming;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Lines of a byte channel with the byte offset where each starts, so a reader can checkpoint at a line and
 * resume by seeking there. A line ends at {@code \n} (a {@code \r} before it is dropped); the last line
 * may lack it. Invalid UTF-8 is reported per line, never replaced.
 */
final class ChannelLines implements Closeable {
  /** One line: its text (null when not valid UTF-8), raw bytes for the dead letter, and where it starts. */
  record Line(String text, byte[] raw, long startOffset) {}

  private final ReadableByteChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
  private long offset;
  private boolean eof;

  ChannelLines(ReadableByteChannel channel, long startOffset) {
    this.channel = channel;
    this.offset = startOffset;
    buffer.flip();
  }

  /** Byte offset of the next line. */
  long offset() {
    return offset;
  }

  /** The next line, or null at the end of the channel. */
  Line next() throws IOException {
    ByteArrayOutputStream line = null;
    long start = offset;
    while (true) {
      if (!buffer.hasRemaining()) {
        if (eof) {
          break;
        }
        buffer.clear();
        int n = channel.read(buffer);
        buffer.flip();
        if (n < 0) {
          eof = true;
          break;
        }
        continue;
      }
      int from = buffer.position();
      int to = buffer.limit();
      byte[] array = buffer.array();
      int nl = -1;
      for (int i = from; i < to; i++) {
        if (array[i] == '\n') {
          nl = i;
          break;
        }
      }
      int end = nl < 0 ? to : nl;
      if (line == null) {
        line = new ByteArrayOutputStream(Math.max(256, end - from));
      }
      line.write(array, from, end - from);
      offset += end - from;
      if (nl >= 0) {
        buffer.position(nl + 1);
        offset++;
        return toLine(line.toByteArray(), start);
      }
      buffer.position(to);
    }
    return line == null || line.size() == 0 ? null : toLine(line.toByteArray(), start);
  }

  private static Line toLine(byte[] bytes, long start) {
    int len = bytes.length;
    if (len > 0 && bytes[len - 1] == '\r') {
      len--;
    }
    byte[] raw = len == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, len);
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw)).toString();
      return new Line(text, raw, start);
    } catch (CharacterCodingException e) {
      return new Line(null, raw, start);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
