package dev.meetscope.models.parse.chat;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Checks that a reply's or reaction's snippet is the start of a recent message of the same file
 * (zoom-formats.md §6 #22). Only public texts are remembered; comparison is NFC with whitespace runs
 * collapsed, because Zoom's snippet of a multi-line message shows its line break as a space.
 */
final class ParentLookBack {
  /** How many earlier messages a snippet may point back over. */
  static final int WINDOW = 50;

  private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
  private final Deque<String> recent = new ArrayDeque<>();

  void remember(String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    recent.addFirst(comparable(text));
    if (recent.size() > WINDOW) {
      recent.removeLast();
    }
  }

  boolean resolves(String snippet) {
    if (snippet == null) {
      return false;
    }
    String s = comparable(snippet);
    if (s.isEmpty()) {
      return false;
    }
    for (String text : recent) {
      if (text.startsWith(s)) {
        return true;
      }
    }
    return false;
  }

  private static String comparable(String s) {
    return WHITESPACE.matcher(Normalizer.normalize(s, Normalizer.Form.NFC)).replaceAll(" ").strip();
  }
}
