package dev.meetscope.models.identity;

import java.io.Serializable;
import java.util.List;

/**
 * One resolved person of a meeting occurrence.
 *
 * @param identity the stable identity string: {@code ck:<customer_key>}, {@code uid:<participant_user_id
 *     or id>}, {@code reg:<registrant_id>}, {@code email:<lower-case email>} or
 *     {@code name:<meetingKey>:<normalised name>} (governance turns it into {@code participant_key})
 * @param displayName the name of the first session, or the first label for people known only from a
 *     transcript or chat
 * @param aliases every display name and original name the person used (labels are matched against them)
 * @param fromRoster true for people of a participant report or webhook events; false for people known only
 *     from transcript or chat labels
 */
public record PersonIdentity(
    String identity,
    String displayName,
    String email,
    boolean host,
    List<String> aliases,
    boolean fromRoster,
    List<String> flags) implements Serializable {

  public PersonIdentity {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    flags = flags == null ? List.of() : List.copyOf(flags);
  }
}
