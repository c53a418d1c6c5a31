package dev.meetscope.models.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * What a reader may know about the meeting beyond the file itself. Every field but {@code meetingKey}
 * may be null or empty, and readers must work without them.
 *
 * @param zone zone of local times (CSV, local chat and captions): the manifest's, else {@code --timeZone}
 * @param meetingDate local date of the meeting, for anchoring wall-clock times without a date
 * @param recordingStart UTC recording start, for turning recording offsets into wall time
 * @param knownNames display names known from the participant report, to split ambiguous labels
 * @param chatKeywords localised "From" keywords of local saved chat (zoom-formats.md §2.2)
 */
public record ParseContext(
    String meetingKey,
    ZoneId zone,
    LocalDate meetingDate,
    Instant recordingStart,
    Set<String> knownNames,
    List<String> chatKeywords) {

  public static final List<String> DEFAULT_CHAT_KEYWORDS = List.of("From", "De");

  public ParseContext {
    knownNames = knownNames == null ? Set.of() : Set.copyOf(knownNames);
    chatKeywords = chatKeywords == null || chatKeywords.isEmpty()
        ? DEFAULT_CHAT_KEYWORDS : List.copyOf(chatKeywords);
  }

  /** A context that knows nothing but the meeting key. */
  public static ParseContext minimal(String meetingKey) {
    return new ParseContext(meetingKey, null, null, null, Set.of(), List.of());
  }

  public ParseContext withKnownNames(Set<String> names) {
    return new ParseContext(meetingKey, zone, meetingDate, recordingStart, names, chatKeywords);
  }
}
