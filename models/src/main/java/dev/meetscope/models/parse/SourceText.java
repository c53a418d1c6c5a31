package dev.meetscope.models.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * A decoded input file: its name (the source for lineage), its text with any BOM removed, and its lines.
 * Line ends follow zoom-formats.md §0: {@code \r\n}, {@code \n}, a lone {@code \r}, and any {@code \r+\n}
 * (e.g. a stray {@code \r\r\n}) each end one line; a last line without a line end is kept.
 */
public final class SourceText {
  private final String sourceFile;
  private final String text;
  private List<Line> lines;

  public SourceText(String sourceFile, String text) {
    this.sourceFile = sourceFile;
    this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  public String sourceFile() {
    return sourceFile;
  }

  /** The whole text, BOM removed, line ends as in the file. */
  public String text() {
    return text;
  }

  public List<Line> lines() {
    if (lines == null) {
      lines = splitLines(text);
    }
    return lines;
  }

  static List<Line> splitLines(String text) {
    List<Line> out = new ArrayList<>();
    int n = text.length();
    int start = 0;
    int number = 1;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(new Line(number++, text.substring(start, i)));
        // A run of \r followed by \n is one line end; a lone \r (or a \r run) is one too.
        int j = i;
        while (j < n && text.charAt(j) == '\r') {
          j++;
        }
        if (j < n && text.charAt(j) == '\n') {
          j++;
        } else if (c == '\n') {
          j = i + 1;
        } else if (j > i + 1) {
          // "\r\r" without \n: treat each \r as its own line end, as a classic Mac file would.
          j = i + 1;
        }
        i = j;
        start = i;
      } else {
        i++;
      }
    }
    if (start < n) {
      out.add(new Line(number, text.substring(start)));
    }
    return out;
  }
}
