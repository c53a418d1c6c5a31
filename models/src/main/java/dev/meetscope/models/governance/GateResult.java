package dev.meetscope.models.governance;

import dev.meetscope.models.parse.ParsedMeeting;

/**
 * What the governance gate made of one parsed meeting.
 *
 * @param meeting the meeting to analyse, opt-outs applied; null when consent skipped it
 */
public record GateResult(ConsentDecision decision, ParsedMeeting meeting, Counts counts) {

  /**
   * Per-meeting counts for metrics and run_audit (numbers only: no identity).
   *
   * @param optedOutPeople distinct opted-out people present in the meeting (sessions or events)
   * @param textsRedacted utterance, chat, topic and snippet texts in which a name or email was replaced
   */
  public record Counts(
      int optedOutPeople,
      int sessionsAnonymised,
      int eventsAnonymised,
      int utterancesRemoved,
      int chatMessagesRemoved,
      int textsRedacted,
      int deadLettersRedacted) {

    public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);
  }

  public static GateResult skipped(ConsentDecision decision) {
    return new GateResult(decision, null, Counts.NONE);
  }

  public boolean analysed() {
    return meeting != null;
  }
}
