package dev.meetscope.models.record;

import java.time.Instant;

/**
 * A time range of a topic, on the meeting's clock.
 *
 * @param startSeconds seconds from the start of the meeting (the timeline's minute 0)
 * @param start UTC start; null when the meeting has no absolute time
 */
public record TopicRange(Double startSeconds, Double endSeconds, Instant start, Instant end) {}
