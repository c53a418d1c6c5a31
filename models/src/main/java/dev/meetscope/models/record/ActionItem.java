package dev.meetscope.models.record;

import java.time.Instant;

/**
 * One entry of {@code action_items} (filled by the NLP stage; null until then).
 *
 * @param ownerKey participant key of the owner when the owner is a participant
 * @param clear owner, task and due phrase all present
 */
public record ActionItem(
    String text, String ownerKey, String ownerName, String duePhrase, Boolean clear, Instant time) {}
