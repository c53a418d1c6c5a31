package dev.meetscope.models.governance;

/**
 * The three audiences of Meetscope outputs. Files go to one folder per view ({@code <output>/<folder>/…});
 * BigQuery gets one dataset of authorized views per view (docs/governance.md).
 */
public enum OutputView {
  /** The host: their own meetings, per-person detail. */
  HOST("host", true),
  /** A manager: their direct reports from the roster, aggregated, small groups suppressed. */
  MANAGER("manager", false),
  /** People operations: organisation and department aggregates only, small groups suppressed. */
  PEOPLE_OPS("people_ops", false);

  private final String folder;
  private final boolean perPerson;

  OutputView(String folder, boolean perPerson) {
    this.folder = folder;
    this.perPerson = perPerson;
  }

  /** The folder under {@code <output>}, and the suffix of the BigQuery views dataset. */
  public String folder() {
    return folder;
  }

  /** Whether rows about single people may appear in this view. */
  public boolean perPerson() {
    return perPerson;
  }

  /**
   * Whether names and emails may be written: only in the host view and only with
   * {@code --includeIdentities=true}. Every other output carries participant_key alone.
   */
  public boolean mayCarryIdentities(boolean includeIdentities) {
    return this == HOST && includeIdentities;
  }
}
