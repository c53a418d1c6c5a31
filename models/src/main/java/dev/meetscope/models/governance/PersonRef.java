package dev.meetscope.models.governance;

import dev.meetscope.models.identity.NameNormalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One way of naming a person in an opt-out line or in {@code meetscope purge --person=…}.
 *
 * <p>Explicit prefixes pick the kind: {@code email:}, {@code ck:} (customer key), {@code uid:} (Zoom user
 * id: {@code participant_user_id} or {@code id}), {@code reg:} (registrant id), {@code name:}. Without a
 * prefix an address-shaped value is an email and anything else is {@link Kind#NAME_OR_KEY}: it matches a
 * customer key exactly or a display name after normalisation, because a bare {@code EMP-1042} and a bare
 * {@code Ada Example} cannot be told apart and matching both errs on the side of the person who opted out.
 */
public record PersonRef(Kind kind, String value) {
  public enum Kind { EMAIL, CUSTOMER_KEY, USER_ID, REGISTRANT_ID, NAME, NAME_OR_KEY }

  private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

  /**
   * Parses one entry (already trimmed, not blank, not a comment). Emails are lowercased, names kept as
   * written (they are normalised when compared), keys kept exactly.
   *
   * @throws IllegalArgumentException when a prefix has no value
   */
  public static PersonRef parse(String entry) {
    String e = entry.strip();
    String lower = e.toLowerCase(Locale.ROOT);
    for (Kind kind : new Kind[] {Kind.EMAIL, Kind.CUSTOMER_KEY, Kind.USER_ID, Kind.REGISTRANT_ID,
        Kind.NAME}) {
      String prefix = prefix(kind);
      if (lower.startsWith(prefix)) {
        String v = e.substring(prefix.length()).strip();
        if (v.isEmpty()) {
          throw new IllegalArgumentException("'" + prefix + "' has no value");
        }
        return new PersonRef(kind, kind == Kind.EMAIL ? v.toLowerCase(Locale.ROOT) : v);
      }
    }
    if (EMAIL.matcher(e).matches()) {
      return new PersonRef(Kind.EMAIL, lower);
    }
    return new PersonRef(Kind.NAME_OR_KEY, e);
  }

  /**
   * The stable identity string of zoom-formats.md §0 that the identity resolver keys on, or null for a
   * name (a name is keyed per meeting: {@code name:<meetingKey>:<normalised>}, see
   * {@link #nameIdentity(String)}).
   */
  public String stableIdentity() {
    return switch (kind) {
      case EMAIL -> "email:" + value;
      case CUSTOMER_KEY -> "ck:" + value;
      case USER_ID -> "uid:" + value;
      case REGISTRANT_ID -> "reg:" + value;
      case NAME -> null;
      case NAME_OR_KEY -> "ck:" + value;
    };
  }

  /** The per-meeting stable identity of a name, or null when this ref cannot be a name. */
  public String nameIdentity(String meetingKey) {
    if (kind != Kind.NAME && kind != Kind.NAME_OR_KEY) {
      return null;
    }
    return "name:" + meetingKey + ":" + NameNormalizer.normalize(value);
  }

  private static String prefix(Kind kind) {
    return switch (kind) {
      case EMAIL -> "email:";
      case CUSTOMER_KEY -> "ck:";
      case USER_ID -> "uid:";
      case REGISTRANT_ID -> "reg:";
      case NAME -> "name:";
      default -> throw new IllegalArgumentException(kind.name());
    };
  }
}
