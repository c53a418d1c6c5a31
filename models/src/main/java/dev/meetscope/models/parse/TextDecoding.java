package dev.meetscope.models.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: Zoom writes UTF-8 everywhere, and a re-saved Windows-1252 file is never guessed. */
public final class TextDecoding {
  private TextDecoding() {}

  /** The decoded text, or the byte offset of the first invalid sequence. */
  public record Decoded(String text, long invalidByteOffset) {
    public boolean ok() {
      return text != null;
    }
  }

  public static Decoded decodeUtf8(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      return new Decoded(null, in.position());
    }
    result = decoder.flush(out);
    if (result.isError()) {
      return new Decoded(null, in.position());
    }
    out.flip();
    return new Decoded(out.toString(), -1);
  }

  /** Convenience for tests: decode or throw. */
  public static String decodeOrThrow(byte[] bytes) throws CharacterCodingException {
    Decoded d = decodeUtf8(bytes);
    if (!d.ok()) {
      throw new CharacterCodingException();
    }
    return d.text();
  }

  /** True when the text holds control characters that no Zoom text format contains (binary junk). */
  public static boolean looksBinary(String text) {
    int controls = 0;
    int limit = Math.min(text.length(), 4096);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return true;
      }
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        controls++;
      }
    }
    return controls > 0 && controls * 100 > limit; // >1 % control characters
  }
}
