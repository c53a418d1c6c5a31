package dev.meetscope.models.governance;

import dev.meetscope.models.governance.ConsentDecision.Reason;
import dev.meetscope.models.parse.ParsedMeeting;

/**
 * Decides per meeting whether analytics may run. An explicit {@code analytics_enabled: false} in the
 * manifest always wins — over the allow list and over {@code --consentMode=all} — because it is the host's
 * own, specific refusal; the allow list and {@code all} only stand in for consent that was not stated.
 */
public final class ConsentPolicy {
  private final ConsentMode mode;
  private final AllowList allowList;

  public ConsentPolicy(ConsentMode mode, AllowList allowList) {
    this.mode = mode;
    this.allowList = allowList == null ? AllowList.empty() : allowList;
  }

  public static ConsentPolicy defaults() {
    return new ConsentPolicy(ConsentMode.MANIFEST, AllowList.empty());
  }

  public ConsentMode mode() {
    return mode;
  }

  public ConsentDecision decide(ParsedMeeting meeting) {
    return decide(ConsentSubject.of(meeting));
  }

  public ConsentDecision decide(ConsentSubject s) {
    if (Boolean.FALSE.equals(s.analyticsEnabled())) {
      return ConsentDecision.of(s.meetingKey(), Reason.HOST_DISABLED);
    }
    if (mode == ConsentMode.ALL) {
      return ConsentDecision.of(s.meetingKey(), Reason.ALL_MODE);
    }
    if (mode == ConsentMode.MANIFEST && Boolean.TRUE.equals(s.analyticsEnabled())) {
      return ConsentDecision.of(s.meetingKey(), Reason.MANIFEST_ENABLED);
    }
    if (allowList.containsHost(s.hostEmail(), s.hostId())) {
      return ConsentDecision.of(s.meetingKey(), Reason.ALLOWLISTED_HOST);
    }
    if (allowList.containsMeeting(s.meetingId(), s.meetingUuid())) {
      return ConsentDecision.of(s.meetingKey(), Reason.ALLOWLISTED_MEETING);
    }
    return ConsentDecision.of(s.meetingKey(),
        mode == ConsentMode.ALLOWLIST ? Reason.NOT_ALLOWLISTED : Reason.NO_CONSENT);
  }

  @Override
  public String toString() {
    return "ConsentPolicy[" + mode.optionValue() + ", " + allowList + "]";
  }
}
