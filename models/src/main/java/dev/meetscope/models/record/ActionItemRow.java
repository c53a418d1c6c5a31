package dev.meetscope.models.record;

import java.time.Instant;

/**
 * One row of {@code action_item}: a commitment to future work found in an utterance or public chat message
 * (docs/nlp.md, "Action items").
 *
 * @param source {@code utterance} or {@code chat}
 * @param speakerLabel who said it
 * @param text the sentence that holds the commitment
 * @param task what is to be done, e.g. "send the deck"
 * @param ownerName the owner as spoken: the speaker's label for "I'll …", the name addressed ("Dana, can you
 *     …", "Action item: Dana to …"); null when a request names nobody ("Can you follow up with legal?")
 * @param ownerIsSpeaker true when the speaker committed themself
 * @param duePhrase the deadline as spoken ("by Friday", "end of day"), or null
 * @param clear owner, task and due phrase all present
 * @param rule which pattern matched: {@code explicit} ("Action item: …"), {@code self} ("I'll …"),
 *     {@code request} ("Can you …"), {@code assignment} ("Dana will …")
 * @param offsetMs recording offset (cloud transcript and chat), when the source has one
 */
public record ActionItemRow(
    String meetingKey,
    String source,
    String sourceFile,
    long sourceLine,
    String speakerLabel,
    Instant wallTime,
    Long offsetMs,
    String text,
    String task,
    String ownerName,
    Boolean ownerIsSpeaker,
    String duePhrase,
    Boolean clear,
    String rule,
    String metricsVersion) {

  /** The entry of {@code meeting.action_items}; {@code ownerKey} is filled once the owner is resolved. */
  public ActionItem toActionItem(String ownerKey) {
    return new ActionItem(text, ownerKey, ownerName, duePhrase, clear, wallTime);
  }
}
