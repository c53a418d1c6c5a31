package dev.meetscope.models.parse.chat;

import dev.meetscope.models.record.ChatKind;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a chat message's lines say once threads and reactions are unflattened (zoom-formats.md §2.1, §2.2
 * dialect D, §6 #22): {@code Replying to "<snippet>"} + blank line + reply, {@code Reacted to "<snippet>" with
 * <emoji>}, {@code Removed a <emoji> reaction from "<snippet>"}, or a plain message.
 *
 * @param kind one of {@link ChatKind}
 * @param text reply text, emoji, or the message lines joined with {@code \n}
 * @param targetSnippet the quoted start of the parent without its trailing {@code ...} or {@code …}
 */
record ChatBody(String kind, String text, String targetSnippet) {
  // Straight or curly quotes; the snippet is greedy so quotes inside it survive.
  private static final String OPEN = "[\"\u201C]";
  private static final String CLOSE = "[\"\u201D]";
  private static final Pattern REPLYING =
      Pattern.compile("^Replying to " + OPEN + "(.*)" + CLOSE + "\\s*$");
  private static final Pattern REACTED =
      Pattern.compile("^Reacted to " + OPEN + "(.*)" + CLOSE + " with (\\S.*?)\\s*$");
  private static final Pattern REMOVED =
      Pattern.compile("^Removed a (\\S.*?) reaction from " + OPEN + "(.*)" + CLOSE + "\\s*$");

  /** @param lines the message lines, trailing blank lines already removed */
  static ChatBody classify(List<String> lines) {
    if (lines.isEmpty()) {
      return new ChatBody(ChatKind.MESSAGE, "", null);
    }
    String first = lines.get(0);
    if (lines.size() == 1) {
      Matcher m = REACTED.matcher(first);
      if (m.matches()) {
        return new ChatBody(ChatKind.REACTION, m.group(2), snippet(m.group(1)));
      }
      m = REMOVED.matcher(first);
      if (m.matches()) {
        return new ChatBody(ChatKind.REACTION_REMOVED, m.group(1), snippet(m.group(2)));
      }
    }
    Matcher m = REPLYING.matcher(first);
    if (m.matches()) {
      int i = 1;
      while (i < lines.size() && lines.get(i).isBlank()) {
        i++; // the blank separator line(s) between the quote and the reply
      }
      return new ChatBody(ChatKind.REPLY, String.join("\n", lines.subList(i, lines.size())),
          snippet(m.group(1)));
    }
    return new ChatBody(ChatKind.MESSAGE, String.join("\n", lines), null);
  }

  /** Zoom quotes the parent's first 17–20 characters and appends an ellipsis; the ellipsis is not text. */
  static String snippet(String quoted) {
    if (quoted.endsWith("...")) {
      return quoted.substring(0, quoted.length() - 3);
    }
    if (quoted.endsWith("\u2026")) {
      return quoted.substring(0, quoted.length() - 1);
    }
    return quoted;
  }
}
