package dev.meetscope.models.parse;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Line-end normalisation shared by readers that hand the whole text to a library parser (Commons CSV,
 * Jackson). Those libraries count {@code \r\r\n} as two line ends while {@link SourceText} counts one
 * (zoom-formats.md §0); rewriting every line end to {@code \n} first keeps the libraries' positions and
 * {@link SourceText#lines()} numbering identical.
 */
public final class LineEnds {
  private static final Pattern CR_RUN_LF = Pattern.compile("\r+\n");

  private LineEnds() {}

  /** {@code \r+\n} and a lone {@code \r} become {@code \n}; nothing else changes. */
  public static String normalise(String text) {
    return CR_RUN_LF.matcher(text).replaceAll("\n").replace('\r', '\n');
  }

  /** Maps character offsets of a {@link #normalise normalised} text to 1-based line numbers. */
  public static final class LineIndex {
    private final int[] lineStarts;

    public LineIndex(String normalisedText) {
      int[] starts = new int[16];
      int count = 0;
      starts[count++] = 0;
      for (int i = 0; i < normalisedText.length(); i++) {
        if (normalisedText.charAt(i) == '\n') {
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
          }
          starts[count++] = i + 1;
        }
      }
      this.lineStarts = Arrays.copyOf(starts, count);
    }

    /** The 1-based line holding character {@code offset}. */
    public int lineOf(long offset) {
      int i = Arrays.binarySearch(lineStarts, (int) Math.min(offset, Integer.MAX_VALUE));
      return i >= 0 ? i + 1 : -i - 1;
    }
  }
}
