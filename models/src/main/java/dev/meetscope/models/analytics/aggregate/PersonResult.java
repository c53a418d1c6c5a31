package dev.meetscope.models.analytics.aggregate;

import dev.meetscope.models.record.ParticipantMeeting;

/** The output row of one person and what the person adds to the meeting aggregates. */
public record PersonResult(ParticipantMeeting row, PersonContribution contribution) {}
