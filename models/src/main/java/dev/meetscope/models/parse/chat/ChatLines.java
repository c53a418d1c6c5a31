package dev.meetscope.models.parse.chat;

import dev.meetscope.models.parse.Line;
import java.util.ArrayList;
import java.util.List;

/** Small line helpers shared by both chat readers. */
final class ChatLines {
  private ChatLines() {}

  /** Removes blank lines from the end (a message's trailing blank lines are layout, not text). */
  static void trimTrailingBlank(List<String> lines) {
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
  }

  /** The record's raw text for a dead letter: its lines joined with {@code \n}, trailing blanks trimmed. */
  static String raw(List<Line> lines) {
    List<String> texts = new ArrayList<>();
    for (Line l : lines) {
      texts.add(l.text());
    }
    trimTrailingBlank(texts);
    return String.join("\n", texts);
  }

  /** Lines before the first header, without leading and trailing blank lines; empty if all are blank. */
  static List<Line> orphanBlock(List<Line> lines) {
    int from = 0;
    int to = lines.size();
    while (from < to && lines.get(from).isBlank()) {
      from++;
    }
    while (to > from && lines.get(to - 1).isBlank()) {
      to--;
    }
    return lines.subList(from, to);
  }
}
