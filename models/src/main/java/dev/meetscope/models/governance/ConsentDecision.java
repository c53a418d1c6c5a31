package dev.meetscope.models.governance;

/**
 * Whether one meeting is analysed, and why. Skipped meetings emit nothing but this decision, which run_audit
 * counts per {@link Reason#code()}.
 */
public record ConsentDecision(String meetingKey, boolean analyse, Reason reason) {

  /** Stable codes (UPPER_SNAKE, like dead-letter reasons) for counting and audit. */
  public enum Reason {
    MANIFEST_ENABLED(true, "the meeting manifest has analytics_enabled=true"),
    ALLOWLISTED_HOST(true, "the host is on the consent allow list"),
    ALLOWLISTED_MEETING(true, "the meeting is on the consent allow list"),
    ALL_MODE(true, "--consentMode=all analyses every meeting not explicitly disabled"),
    HOST_DISABLED(false, "the meeting manifest has analytics_enabled=false"),
    NO_CONSENT(false, "no analytics_enabled=true in the manifest and not on the allow list"),
    NOT_ALLOWLISTED(false, "--consentMode=allowlist and neither host nor meeting is on the allow list");

    private final boolean analyse;
    private final String description;

    Reason(boolean analyse, String description) {
      this.analyse = analyse;
      this.description = description;
    }

    public boolean analyse() {
      return analyse;
    }

    public String code() {
      return name();
    }

    public String description() {
      return description;
    }
  }

  public static ConsentDecision of(String meetingKey, Reason reason) {
    return new ConsentDecision(meetingKey, reason.analyse(), reason);
  }
}
