package dev.meetscope.models.parse.vtt;

import dev.meetscope.models.parse.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A run of non-blank lines of a VTT file (a cue, a NOTE, or junk). {@code terminated} is false only for the
 * last block when the file ends inside it, without the blank line that closes a cue: that is how a cue cut
 * off at end of file is told apart from a complete cue with empty text.
 */
record VttBlock(List<Line> lines, boolean terminated) {

  long firstLine() {
    return lines.get(0).number();
  }

  String raw() {
    return lines.stream().map(Line::text).collect(Collectors.joining("\n"));
  }

  /** True for WebVTT comment and style blocks, which are not records. Zoom writes none. */
  boolean isCommentOrStyle() {
    String first = lines.get(0).text().strip();
    boolean keyword = first.equals("NOTE") || first.startsWith("NOTE ") || first.startsWith("NOTE\t")
        || first.equals("STYLE") || first.equals("REGION");
    return keyword && lines.stream().noneMatch(l -> l.text().contains("-->"));
  }

  /** Splits {@code lines[from..]} into blocks at blank lines. */
  static List<VttBlock> split(List<Line> lines, int from) {
    List<VttBlock> blocks = new ArrayList<>();
    List<Line> current = new ArrayList<>();
    for (int i = from; i < lines.size(); i++) {
      Line line = lines.get(i);
      if (line.isBlank()) {
        if (!current.isEmpty()) {
          blocks.add(new VttBlock(List.copyOf(current), true));
          current.clear();
        }
      } else {
        current.add(line);
      }
    }
    if (!current.isEmpty()) {
      blocks.add(new VttBlock(List.copyOf(current), false));
    }
    return blocks;
  }
}
