package dev.meetscope.models.analytics;

/**
 * Which person a transcript speaker label or chat sender label of a meeting was attributed to (identity
 * resolution, docs/metrics.md): the join key between per-label text results (sentiment, topics, action-item
 * owners) and {@code participant_meeting} rows.
 *
 * @param participantKey the person's {@code participant_key} in {@code participant_meeting}
 */
public record LabelPerson(String meetingKey, String speakerLabel, String participantKey) {}
