package dev.meetscope.models.parse.chat;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies one line of a local saved-chat file (zoom-formats.md §2.2): a header of one of the dialects, a
 * header-shaped line that cannot be used (unknown keyword, missing separator, impossible time), or a
 * continuation line ({@link #parse} returns null).
 */
final class LocalChatLine {
  /** Optional 2025+ date, wall-clock time, TAB(+spaces) or spaces, a keyword, spaces, the rest. */
  private static final Pattern TIMESTAMPED = Pattern.compile(
      "^(?:(\\d{4})-(\\d{2})-(\\d{2}) )?(\\d{2}):(\\d{2}):(\\d{2})(\\t *| +)(\\S+)( +)(.*)$",
      Pattern.DOTALL);
  /** C–E: the header ends with a recipient token and a glued colon; the message is on the next lines. */
  private static final Pattern TWO_LINE_HEADER = Pattern.compile(
      "^(.*?(?:(?:^|\\s)to\\s+Everyone|\\((?:Privately|Direct\\s+Message)\\))):[ \\t]*$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  /** A, A′, A-loc, B: {@code " : "} (or {@code " :"} at the end); B′: {@code ":\t"}. The first wins. */
  private static final Pattern INLINE_SEPARATOR = Pattern.compile(" :(?: |\\t|$)|:\\t");
  private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

  enum Problem { UNKNOWN_KEYWORD, BAD_HEADER, BAD_TIME }

  /** Header layout families; the dialect id is derived from the family and the record's details. */
  enum Family { A, B, C, E }

  /**
   * A parsed header line, or a header-shaped line with a {@link #problem}.
   *
   * @param date the 2025+ date prefix, else null
   * @param time the wall-clock time
   * @param localTime the time as written, {@code HH:MM:SS}
   * @param keyword the localised "From" keyword as written
   * @param doubleSpaced two or more spaces follow the keyword ({@code From␣␣Name}: A, C)
   * @param inlineMessage the text after the separator on the header line; null for two-line headers
   * @param inlineTabSeparator the separator was {@code ":\t"} (B′)
   */
  record Header(
      Problem problem,
      String problemMessage,
      LocalDate date,
      LocalTime time,
      String localTime,
      Family family,
      String keyword,
      boolean doubleSpaced,
      NameSplitter.Split names,
      String inlineMessage,
      boolean inlineTabSeparator) {

    boolean twoLine() {
      return inlineMessage == null;
    }

    /** The §2.2 dialect id of a good record of this header with the given kind. */
    String dialect(String kind) {
      boolean priv = names.isPrivate();
      return switch (family) {
        case E -> priv ? "E-dm" : "E";
        case A -> priv ? "A-dm"
            : !keyword.equalsIgnoreCase("From") ? "A-loc"
            : doubleSpaced ? "A" : "A'";
        case B -> priv ? "B-dm" : inlineTabSeparator ? "B'" : "B";
        case C -> priv ? "C-dm"
            : !"message".equals(kind) ? "D"
            : doubleSpaced ? "C" : "C'";
      };
    }
  }

  private final List<String> keywords;
  private final Set<String> knownKeys;

  LocalChatLine(List<String> keywords, Set<String> knownKeys) {
    this.keywords = keywords;
    this.knownKeys = knownKeys;
  }

  /** Null when the line is not a header (it continues the previous message). */
  Header parse(String line) {
    Matcher m = TIMESTAMPED.matcher(line);
    if (!m.matches()) {
      return null;
    }
    String keyword = m.group(8);
    String rest = m.group(10);
    if (!isKeyword(keyword)) {
      // Only a line shaped like a header is a header with a foreign keyword; "10:30:00 works for me"
      // pasted into a message stays a continuation.
      if (LETTERS.matcher(keyword).matches() && hasSeparator(rest)) {
        return problem(Problem.UNKNOWN_KEYWORD, "Timestamped chat header with keyword '" + keyword
            + "' not in the configured keyword list " + keywords + "; add it and re-run.");
      }
      return null;
    }
    String localTime = m.group(4) + ":" + m.group(5) + ":" + m.group(6);
    LocalDate date;
    LocalTime time;
    try {
      time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
          Integer.parseInt(m.group(6)));
      date = m.group(1) == null ? null : LocalDate.of(Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      return problem(Problem.BAD_TIME, "Chat header has an impossible date or time: " + e.getMessage());
    }
    Family family = m.group(1) != null ? Family.E
        : m.group(7).startsWith("\t") ? Family.A : null;
    boolean doubleSpaced = m.group(9).length() >= 2;

    String names;
    String inline;
    boolean tabSeparator = false;
    Matcher twoLine = TWO_LINE_HEADER.matcher(rest);
    Matcher sep = INLINE_SEPARATOR.matcher(rest);
    if (twoLine.matches()) {
      names = twoLine.group(1);
      inline = null;
    } else if (sep.find()) {
      names = rest.substring(0, sep.start());
      inline = rest.substring(sep.end());
      tabSeparator = sep.group().startsWith(":");
    } else if (rest.stripTrailing().endsWith(":")) {
      String r = rest.stripTrailing();
      names = r.substring(0, r.length() - 1);
      inline = null;
    } else {
      return problem(Problem.BAD_HEADER, "Chat header has no ' : ' or ':' separating the name from the"
          + " message.");
    }
    NameSplitter.Split split = NameSplitter.split(names, doubleSpaced, knownKeys);
    if (split.sender().isEmpty()) {
      return problem(Problem.BAD_HEADER, "Chat header has no sender name.");
    }
    if (family == null) {
      family = inline == null ? Family.C : Family.B;
    }
    return new Header(null, null, date, time, localTime, family, keyword, doubleSpaced, split, inline,
        tabSeparator);
  }

  private boolean isKeyword(String word) {
    for (String k : keywords) {
      if (k.toLowerCase(Locale.ROOT).equals(word.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasSeparator(String rest) {
    return INLINE_SEPARATOR.matcher(rest).find() || rest.stripTrailing().endsWith(":");
  }

  private static Header problem(Problem problem, String message) {
    return new Header(problem, message, null, null, null, null, null, false, null, null, false);
  }
}
