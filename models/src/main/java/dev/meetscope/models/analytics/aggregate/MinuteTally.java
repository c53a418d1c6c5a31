package dev.meetscope.models.analytics.aggregate;

import java.io.Serializable;

/** One person's (or, once summed, everyone's) counts in one minute of the timeline. */
public record MinuteTally(
    int minute,
    int present,
    int joins,
    int leaves,
    int speakers,
    long talkMs,
    int chatMessages,
    int reactions,
    int questions) implements Serializable {}
