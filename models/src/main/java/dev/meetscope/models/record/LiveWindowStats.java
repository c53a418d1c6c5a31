package dev.meetscope.models.record;

import java.time.Instant;

/**
 * One pane of one sliding event-time window of one meeting, as the streaming job emits it for live widgets
 * ({@code live_window} table, docs/streaming.md). A window is updated several times: early panes while it
 * is open, one on-time pane when the watermark passes its end, late panes for late events within the
 * allowed lateness. Panes accumulate: each one holds every event of the window seen so far.
 *
 * @param paneTiming {@code EARLY}, {@code ON_TIME} or {@code LATE}
 * @param paneIndex 0 for the window's first pane, then 1, 2, …; a reader keeps the highest per window
 * @param present people in the meeting at the window end (joins minus leaves since the stream began)
 * @param presentAtStart people in the meeting just before the window start
 * @param joins {@code meeting.participant_joined} events in the window
 * @param leaves {@code meeting.participant_left} events in the window
 * @param departures leaves that are not the host ending the meeting nor a move to a breakout room
 * @param chatMessages public chat messages that are not emoji only
 * @param questions public chat messages that are questions (decided when parsing; text is never kept)
 * @param reactions public chat messages of emoji only (webhooks carry no other reaction)
 * @param activeChatters distinct people who sent a public chat message in the window
 * @param chatSentiment mean chat sentiment; null until the NLP stage feeds the stream
 * @param engagementIndex 100 × activeChatters / present, at most 100; null when nobody is present
 * @param events accepted events of the meeting in the window (every kind)
 * @param maxEventTime the newest event time in the pane, for measuring output lag
 * @param massDropoff the window meets the mass drop-off rule (a {@code dropoff_alert} was or is raised)
 */
public record LiveWindowStats(
    String meetingKey,
    String meetingId,
    Instant windowStart,
    Instant windowEnd,
    String paneTiming,
    Long paneIndex,
    Integer present,
    Integer presentAtStart,
    Integer joins,
    Integer leaves,
    Integer departures,
    Integer chatMessages,
    Integer questions,
    Integer reactions,
    Integer activeChatters,
    Double chatSentiment,
    Double engagementIndex,
    Long events,
    Instant maxEventTime,
    Boolean massDropoff,
    String metricsVersion) {}
