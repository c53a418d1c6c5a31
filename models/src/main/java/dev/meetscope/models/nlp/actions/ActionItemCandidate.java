package dev.meetscope.models.nlp.actions;

/**
 * A commitment found in one sentence.
 *
 * @param sentence the sentence as written
 * @param task what is to be done
 * @param ownerName the person addressed or named; null for a self-commitment (the speaker owns it) or a request
 *     that names nobody
 * @param ownerIsSpeaker true for "I'll …" and "Action item: I …"
 * @param duePhrase the deadline as written, or null
 * @param rule {@code explicit}, {@code self}, {@code request} or {@code assignment}
 */
public record ActionItemCandidate(String sentence, String task, String ownerName, boolean ownerIsSpeaker,
    String duePhrase, String rule) {

  /** Owner, task and due phrase all present. */
  public boolean clear() {
    return (ownerIsSpeaker || ownerName != null) && task != null && !task.isBlank() && duePhrase != null;
  }
}
