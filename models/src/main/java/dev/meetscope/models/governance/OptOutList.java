package dev.meetscope.models.governance;

import dev.meetscope.models.parse.Line;
import dev.meetscope.models.parse.SourceText;
import dev.meetscope.models.parse.TextDecoding;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.ParticipantSession;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The people who opted out ({@code --optOut=FILE}): one email, customer key or display name per line
 * (prefixes as in {@link PersonRef}). Blank lines are skipped; {@code #} starts a comment only as the first
 * non-blank character of a line, because display names and customer keys may contain {@code #}. A BOM, CRLF
 * or CR line ends and surrounding whitespace (including U+3000 and U+00A0) are ignored.
 *
 * <p>A person matches by email (case-insensitive), customer key or Zoom user / registrant id (exact), or
 * normalised display name ({@link dev.meetscope.models.identity.NameNormalizer}), tolerating trailing
 * parenthesised parts such as {@code (she/her)}, {@code (Host)} and the {@code (Original Name)} of a rename
 * (see {@link NameVariants}). Names are matched exactly after normalisation, never fuzzily: list
 * {@code Example, Ada} separately if people write it that way.
 *
 * <p>Because transcripts and chats carry only display names, {@link #expandedFor} widens the list for one
 * meeting with every name, email and id seen on a session or event that matched, so a person who opted out
 * by email also disappears from the transcript under the name they used. Someone else with the very same
 * display name in that meeting is removed too: the files cannot tell them apart, and privacy wins.
 */
public final class OptOutList {
  public static final String OPTION = "--optOut";

  private final List<PersonRef> entries;
  private final Set<String> emails;
  private final Set<String> customerKeys;
  private final Set<String> userIds;
  private final Set<String> registrantIds;
  private final Set<String> names;

  private OptOutList(List<PersonRef> entries, Set<String> emails, Set<String> customerKeys,
      Set<String> userIds, Set<String> registrantIds, Set<String> names) {
    this.entries = List.copyOf(entries);
    this.emails = Collections.unmodifiableSet(emails);
    this.customerKeys = Collections.unmodifiableSet(customerKeys);
    this.userIds = Collections.unmodifiableSet(userIds);
    this.registrantIds = Collections.unmodifiableSet(registrantIds);
    this.names = Collections.unmodifiableSet(names);
  }

  public static OptOutList empty() {
    return of(List.of());
  }

  public static OptOutList of(Collection<PersonRef> refs) {
    Builder b = new Builder();
    refs.forEach(b::add);
    return b.build(new ArrayList<>(refs));
  }

  /** Parses file bytes: strict UTF-8 (an opt-out list is never guessed). */
  public static OptOutList parse(byte[] bytes) {
    TextDecoding.Decoded decoded = TextDecoding.decodeUtf8(bytes);
    if (!decoded.ok()) {
      throw new InvalidOptionException(OPTION, "the file is not valid UTF-8 (first bad byte at offset "
          + decoded.invalidByteOffset() + "); save it as UTF-8");
    }
    return parse(decoded.text());
  }

  /**
   * Parses the file text. An unusable line fails the whole list: an opt-out that is silently ignored is a
   * privacy failure, so the run must not start.
   */
  public static OptOutList parse(String text) {
    List<PersonRef> refs = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Line line : new SourceText(OPTION, text).lines()) {
      String entry = trim(line.text());
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      try {
        refs.add(PersonRef.parse(entry));
      } catch (IllegalArgumentException e) {
        problems.add("line " + line.number() + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidOptionException(OPTION, String.join("; ", problems));
    }
    return of(refs);
  }

  /** The entries as listed (for counting; never logged with their values). */
  public List<PersonRef> entries() {
    return entries;
  }

  public boolean isEmpty() {
    return emails.isEmpty() && customerKeys.isEmpty() && userIds.isEmpty() && registrantIds.isEmpty()
        && names.isEmpty();
  }

  public boolean matchesEmail(String email) {
    return email != null && emails.contains(email.strip().toLowerCase(Locale.ROOT));
  }

  public boolean matchesCustomerKey(String key) {
    return key != null && customerKeys.contains(key.strip());
  }

  /** A Zoom user id: {@code participant_user_id}, the participant {@code id}, or a host id. */
  public boolean matchesUserId(String id) {
    return id != null && userIds.contains(id.strip());
  }

  public boolean matchesRegistrantId(String id) {
    return id != null && registrantIds.contains(id.strip());
  }

  /** A display name, transcript speaker label or chat sender/recipient label. */
  public boolean matchesName(String displayName) {
    if (displayName == null || names.isEmpty()) {
      return false;
    }
    for (String v : NameVariants.lookedUp(displayName)) {
      if (names.contains(v)) {
        return true;
      }
    }
    return false;
  }

  public boolean matches(ParticipantSession s) {
    return matchesEmail(s.email()) || matchesCustomerKey(s.customerKey())
        || matchesUserId(s.participantId()) || matchesUserId(s.participantUserId())
        || matchesRegistrantId(s.registrantId()) || matchesName(s.displayName())
        || matchesName(s.originalName());
  }

  public boolean matches(MeetingEvent e) {
    return matchesEmail(e.email()) || matchesCustomerKey(e.customerKey())
        || matchesUserId(e.participantId()) || matchesUserId(e.participantUserId())
        || matchesRegistrantId(e.registrantId()) || matchesName(e.displayName());
  }

  /**
   * This list widened, for one meeting, with the identifiers of every session and event that matches it,
   * repeated until nothing new is learned (a name-matched session may bring an email that matches a
   * webhook event, which brings a user id...).
   */
  public OptOutList expandedFor(List<ParticipantSession> sessions, List<MeetingEvent> events) {
    if (isEmpty()) {
      return this;
    }
    Builder b = new Builder(this);
    boolean changed = true;
    while (changed) {
      changed = false;
      OptOutList current = b.build(entries);
      for (ParticipantSession s : sessions) {
        if (current.matches(s)) {
          changed |= b.addEmail(s.email()) | b.addKey(s.customerKey()) | b.addUserId(s.participantId())
              | b.addUserId(s.participantUserId()) | b.addRegistrantId(s.registrantId())
              | b.addName(s.displayName()) | b.addName(s.originalName());
        }
      }
      for (MeetingEvent e : events) {
        if (current.matches(e)) {
          changed |= b.addEmail(e.email()) | b.addKey(e.customerKey()) | b.addUserId(e.participantId())
              | b.addUserId(e.participantUserId()) | b.addRegistrantId(e.registrantId())
              | b.addName(e.displayName());
        }
      }
    }
    return b.build(entries);
  }

  /**
   * Every email, key, id and name this list matches, as entries: after {@link #expandedFor} it includes what
   * was learned in that meeting (the {@link #entries()} stay the file's own lines).
   */
  public List<PersonRef> allTerms() {
    List<PersonRef> out = new ArrayList<>();
    emails.forEach(v -> out.add(new PersonRef(PersonRef.Kind.EMAIL, v)));
    customerKeys.forEach(v -> out.add(new PersonRef(PersonRef.Kind.CUSTOMER_KEY, v)));
    userIds.forEach(v -> out.add(new PersonRef(PersonRef.Kind.USER_ID, v)));
    registrantIds.forEach(v -> out.add(new PersonRef(PersonRef.Kind.REGISTRANT_ID, v)));
    names.forEach(v -> out.add(new PersonRef(PersonRef.Kind.NAME, v)));
    return out;
  }

  /** Redacts these people's names, emails and ids from free text. */
  public Redactor redactor() {
    List<String> keys = new ArrayList<>(customerKeys);
    keys.addAll(userIds);
    keys.addAll(registrantIds);
    return Redactor.of(names, emails, keys);
  }

  @Override
  public String toString() {
    // Counts only: the values are exactly what must not reach a log.
    return "OptOutList[" + entries.size() + " entries]";
  }

  /** Trims whitespace, U+3000, U+00A0 and a stray U+FEFF at both ends. */
  static String trim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
  }

  private static final class Builder {
    final Set<String> emails = new LinkedHashSet<>();
    final Set<String> customerKeys = new LinkedHashSet<>();
    final Set<String> userIds = new LinkedHashSet<>();
    final Set<String> registrantIds = new LinkedHashSet<>();
    final Set<String> names = new LinkedHashSet<>();

    Builder() {}

    Builder(OptOutList from) {
      emails.addAll(from.emails);
      customerKeys.addAll(from.customerKeys);
      userIds.addAll(from.userIds);
      registrantIds.addAll(from.registrantIds);
      names.addAll(from.names);
    }

    void add(PersonRef ref) {
      switch (ref.kind()) {
        case EMAIL -> addEmail(ref.value());
        case CUSTOMER_KEY -> addKey(ref.value());
        case USER_ID -> addUserId(ref.value());
        case REGISTRANT_ID -> addRegistrantId(ref.value());
        case NAME -> addName(ref.value());
        case NAME_OR_KEY -> {
          addKey(ref.value());
          addName(ref.value());
        }
      }
    }

    boolean addEmail(String v) {
      return v != null && !v.isBlank() && emails.add(v.strip().toLowerCase(Locale.ROOT));
    }

    boolean addKey(String v) {
      return v != null && !v.isBlank() && customerKeys.add(v.strip());
    }

    boolean addUserId(String v) {
      return v != null && !v.isBlank() && userIds.add(v.strip());
    }

    boolean addRegistrantId(String v) {
      return v != null && !v.isBlank() && registrantIds.add(v.strip());
    }

    boolean addName(String v) {
      return v != null && names.addAll(NameVariants.listed(v));
    }

    OptOutList build(List<PersonRef> entries) {
      return new OptOutList(entries, new LinkedHashSet<>(emails), new LinkedHashSet<>(customerKeys),
          new LinkedHashSet<>(userIds), new LinkedHashSet<>(registrantIds), new LinkedHashSet<>(names));
    }
  }
}
