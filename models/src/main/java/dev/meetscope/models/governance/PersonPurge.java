package dev.meetscope.models.governance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code meetscope purge --person=…}: the rule for removing everything about one person from outputs that
 * were already written. Plain row logic; reading and rewriting files (and the BigQuery DML that mirrors
 * these rules, {@code BigQueryPurgeSql}) live in the IO layer.
 *
 * <p>Per row:
 * <ul>
 *   <li>{@code run_audit} is never touched (it holds no identity by construction);
 *   <li>in the per-person tables ({@link #PERSON_TABLES}) a row whose {@code participant_key}, or one of
 *       whose {@code alias_keys}, is the person's is deleted;
 *   <li>in every other row, a string equal to one of the person's keys becomes null, list elements equal to
 *       one are removed (e.g. topic contributors, crosstalk speakers), and free text loses the person's
 *       names, emails and ids ({@link Redactor}); a changed row is rewritten.
 * </ul>
 * Per file ({@link #planFile}): unchanged when no row changes; deleted when every row is deleted; otherwise
 * rewritten under the same name (write a temporary sibling, then replace), so file names stay deterministic
 * and a purge that is interrupted can simply be run again.
 */
public final class PersonPurge {
  public static final String OPTION = "--person";
  public static final Set<String> PERSON_TABLES = Set.of("participant_meeting", "participant_week",
      "participant_identity", "utterance", "roster", "participant_session", "meeting_event", "chat_message");
  /** Columns whose value, when it is one of the person's keys, makes the row theirs. */
  public static final Set<String> KEY_COLUMNS = Set.of("participant_key", "participant_id",
      "participant_user_id", "customer_key", "registrant_id", "speaker_label", "sender_label");
  /** Columns holding a name (with {@code --includeIdentities}); a row naming the person is theirs. */
  public static final Set<String> NAME_COLUMNS = Set.of("display_name", "original_name", "speaker_label",
      "sender_label");
  public static final Set<String> UNTOUCHED_TABLES = Set.of("run_audit");

  private final Set<String> keys;
  private final Redactor redactor;
  private final Set<String> names;
  private final Set<String> emails;
  private final Set<String> ids;

  public PersonPurge(Set<String> participantKeys, Redactor redactor) {
    this(participantKeys, redactor, Set.of(), Set.of(), Set.of());
  }

  private PersonPurge(Set<String> participantKeys, Redactor redactor, Set<String> names, Set<String> emails,
      Set<String> ids) {
    // Not Set.copyOf: its contains(null) throws, and rows have null cells.
    this.keys = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(participantKeys));
    this.redactor = redactor == null ? Redactor.none() : redactor;
    this.names = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(names));
    this.emails = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(emails));
    this.ids = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(ids));
  }

  /**
   * The purge for a person named one or more ways. Each ref gives its stable identity's key; a name (or a
   * bare value that may be one) gives one key per meeting, {@code name:<meetingKey>:<normalised>}, since
   * name identities are per meeting — so the meeting keys present in the outputs are needed.
   */
  public static PersonPurge of(Pseudonymizer pseudonymizer, Collection<PersonRef> refs,
      Collection<String> meetingKeys) {
    Set<String> keys = new LinkedHashSet<>();
    List<String> names = new ArrayList<>();
    List<String> emails = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (PersonRef ref : refs) {
      String stable = ref.stableIdentity();
      if (stable != null) {
        keys.add(pseudonymizer.participantKey(stable));
      }
      for (String meetingKey : meetingKeys) {
        String nameIdentity = ref.nameIdentity(meetingKey);
        if (nameIdentity != null) {
          keys.add(pseudonymizer.participantKey(nameIdentity));
        }
      }
      switch (ref.kind()) {
        case EMAIL -> emails.add(ref.value());
        case NAME -> names.add(ref.value());
        case NAME_OR_KEY -> {
          names.add(ref.value());
          ids.add(ref.value());
        }
        default -> ids.add(ref.value());
      }
    }
    Set<String> normalisedNames = new LinkedHashSet<>();
    for (String n : names) {
      String norm = dev.meetscope.models.identity.NameNormalizer.normalize(n);
      if (norm != null && !norm.isEmpty()) {
        normalisedNames.add(norm);
      }
    }
    Set<String> lowerEmails = new LinkedHashSet<>();
    emails.forEach(e -> lowerEmails.add(e.strip().toLowerCase(java.util.Locale.ROOT)));
    return new PersonPurge(keys, Redactor.of(names, emails, ids), normalisedNames, lowerEmails,
        new LinkedHashSet<>(ids));
  }

  /**
   * True when the row is about the person: one of their keys in a {@link #KEY_COLUMNS} column or in
   * {@code alias_keys}, their email in {@code email}, or their name in a {@link #NAME_COLUMNS} column. The
   * purge command uses it to learn the names a person used (from the rows an email or key finds) before
   * the final pass, as the opt-out list does.
   */
  public boolean matches(Map<String, Object> row) {
    return isPersonRow(row);
  }

  /**
   * True when free text (a report page's visible text, say) mentions the person: one of their keys, names
   * or emails, matched as the redactor matches them in chat and transcript text.
   */
  public boolean mentions(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    for (String key : keys) {
      if (key != null && text.contains(key)) {
        return true;
      }
    }
    return !text.equals(redactor.redact(text));
  }

  /** The participant keys looked for (to pass as the {@code @keys} parameter of the BigQuery DML). */
  public Set<String> participantKeys() {
    return keys;
  }

  /** The person's names, normalised ({@code NameNormalizer}): the {@code @names} parameter of the DML. */
  public Set<String> names() {
    return names;
  }

  /** The person's emails, lowercased: the {@code @emails} parameter of the DML. */
  public Set<String> emails() {
    return emails;
  }

  /** Ids and customer keys searched in free text as written (the redactor's keys). */
  public Set<String> ids() {
    return ids;
  }

  public RowDecision decide(String table, Map<String, Object> row) {
    if (UNTOUCHED_TABLES.contains(table)) {
      return RowDecision.keep(row);
    }
    if (PERSON_TABLES.contains(table) && isPersonRow(row)) {
      return RowDecision.delete();
    }
    Object scrubbed = scrub(row);
    return scrubbed.equals(row) ? RowDecision.keep(row)
        : new RowDecision(RowAction.REWRITE, castMap(scrubbed));
  }

  /** What to do with a file given the decisions for all its rows. */
  public static FileAction planFile(List<RowDecision> decisions) {
    boolean anyChange = false;
    boolean allDeleted = !decisions.isEmpty();
    for (RowDecision d : decisions) {
      anyChange |= d.action() != RowAction.KEEP;
      allDeleted &= d.action() == RowAction.DELETE;
    }
    return allDeleted ? FileAction.DELETE : anyChange ? FileAction.REWRITE : FileAction.UNCHANGED;
  }

  private boolean isPersonRow(Map<String, Object> row) {
    for (String column : KEY_COLUMNS) {
      if (keys.contains(row.get(column))) {
        return true;
      }
    }
    if (row.get("email") instanceof String e && emails.contains(e.strip().toLowerCase(java.util.Locale.ROOT))) {
      return true;
    }
    for (String column : NAME_COLUMNS) {
      if (row.get(column) instanceof String n && !names.isEmpty()
          && names.contains(dev.meetscope.models.identity.NameNormalizer.normalize(n))) {
        return true;
      }
    }
    if (row.get("alias_keys") instanceof Collection<?> aliases) {
      for (Object a : aliases) {
        if (keys.contains(a)) {
          return true;
        }
      }
    }
    return false;
  }

  private Object scrub(Object value) {
    if (value instanceof String s) {
      return keys.contains(s) ? null : redactor.redact(s);
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, scrub(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object o : list) {
        if (!(o instanceof String s && keys.contains(s))) {
          out.add(scrub(o));
        }
      }
      return out;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object o) {
    return (Map<String, Object>) o;
  }

  @Override
  public String toString() {
    return "PersonPurge[" + keys.size() + " keys]";
  }

  public enum RowAction { KEEP, DELETE, REWRITE }

  public enum FileAction { UNCHANGED, REWRITE, DELETE }

  /** @param row the row to write (the original for KEEP, the scrubbed one for REWRITE, null for DELETE) */
  public record RowDecision(RowAction action, Map<String, Object> row) {
    static RowDecision keep(Map<String, Object> row) {
      return new RowDecision(RowAction.KEEP, row);
    }

    static RowDecision delete() {
      return new RowDecision(RowAction.DELETE, null);
    }

    public RowDecision {
      Objects.requireNonNull(action, "action");
    }
  }
}
