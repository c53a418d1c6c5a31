package dev.meetscope.models.parse.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the name part of a local saved-chat header ({@code Sender to Everyone}, {@code Sender to
 * Recipient(Privately)}, or just {@code Sender}) into sender and recipient (zoom-formats.md §2.2, §6 #19).
 *
 * <p>Names may themselves contain {@code " to "}, so the split anchors on the last {@code to Everyone} or
 * private token, never on the first {@code " to "}. A private header's {@code Sender to Recipient} part may
 * still split several ways: in double-space dialects only {@code "␣␣to␣␣"} separators are tried when one
 * exists; of several splits the one whose names are known wins; otherwise the last split is taken and
 * flagged ambiguous.
 */
final class NameSplitter {
  private static final Pattern PRIVATE_TOKEN = Pattern.compile(
      "\\s*\\((?:Privately|Direct\\s+Message)\\)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern TO_EVERYONE =
      Pattern.compile("^(?:(.*)\\s)?to\\s+Everyone$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern TO = Pattern.compile("\\s+to\\s+", Pattern.CASE_INSENSITIVE);
  private static final Pattern DOUBLE_SPACED_TO = Pattern.compile("^ {2,}to {2,}$", Pattern.CASE_INSENSITIVE);

  /**
   * @param sender never null, may be empty when the header has no name
   * @param recipient null for messages to everyone (or when a private header names no recipient)
   */
  record Split(String sender, String recipient, boolean isPrivate, boolean ambiguous) {}

  private NameSplitter() {}

  /**
   * @param names the header between the keyword and the message separator
   * @param doubleSpaced the header uses the double-space dialect ({@code From␣␣Name␣␣to␣␣…})
   * @param knownKeys {@link NameKey} forms of the meeting's known display names
   */
  static Split split(String names, boolean doubleSpaced, Set<String> knownKeys) {
    String h = names.strip();
    Matcher priv = PRIVATE_TOKEN.matcher(h);
    if (priv.find()) {
      return splitPrivate(h.substring(0, priv.start()), doubleSpaced, knownKeys);
    }
    Matcher everyone = TO_EVERYONE.matcher(h);
    if (everyone.matches()) {
      String sender = everyone.group(1) == null ? "" : everyone.group(1).strip();
      return new Split(sender, null, false, false);
    }
    return new Split(h, null, false, false);
  }

  private record Candidate(String sender, String recipient, boolean doubleSpaced) {}

  private static Split splitPrivate(String body, boolean doubleSpaced, Set<String> knownKeys) {
    List<Candidate> all = new ArrayList<>();
    Matcher m = TO.matcher(body);
    while (m.find()) {
      String sender = body.substring(0, m.start()).strip();
      String recipient = body.substring(m.end()).strip();
      if (!sender.isEmpty() && !recipient.isEmpty()) {
        all.add(new Candidate(sender, recipient, DOUBLE_SPACED_TO.matcher(m.group()).matches()));
      }
    }
    List<Candidate> candidates = all;
    if (doubleSpaced) {
      List<Candidate> wide = all.stream().filter(Candidate::doubleSpaced).toList();
      if (!wide.isEmpty()) {
        candidates = wide;
      }
    }
    if (candidates.isEmpty()) {
      return new Split(body.strip(), null, true, true);
    }
    if (candidates.size() == 1) {
      Candidate c = candidates.get(0);
      return new Split(c.sender(), c.recipient(), true, false);
    }
    Candidate best = null;
    int bestScore = 0;
    boolean tie = false;
    for (Candidate c : candidates) {
      int score = (knownKeys.contains(NameKey.of(c.sender())) ? 1 : 0)
          + (knownKeys.contains(NameKey.of(c.recipient())) ? 1 : 0);
      if (score > bestScore) {
        best = c;
        bestScore = score;
        tie = false;
      } else if (score == bestScore && score > 0) {
        best = c; // keep the later of equally good splits
        tie = true;
      }
    }
    if (best != null && !tie) {
      return new Split(best.sender(), best.recipient(), true, false);
    }
    Candidate fallback = best != null ? best : candidates.get(candidates.size() - 1);
    return new Split(fallback.sender(), fallback.recipient(), true, true);
  }
}
