package dev.meetscope.models.governance;

/**
 * One roster row: a person and their manager.
 *
 * @param person an email (lowercased) or a key as written; see {@link #stableIdentity()}
 * @param managerEmail lowercased; the manager's Google identity, matched against {@code SESSION_USER()}
 * @param department null when the roster has no department column or the cell is blank
 * @param sourceLine 1-based line in the roster file
 */
public record RosterEntry(String person, String managerEmail, String department, long sourceLine) {

  /**
   * The stable identity the pipeline keys this person on: {@code email:…} for an email, the value itself
   * when it already carries a prefix ({@code ck:}, {@code uid:}, {@code reg:}), else {@code ck:…}.
   */
  public String stableIdentity() {
    PersonRef ref = PersonRef.parse(person);
    return ref.stableIdentity();
  }
}
