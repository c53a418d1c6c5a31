package dev.meetscope.models.identity;

import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.ParticipantSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns webhook join/leave events (main meeting and breakout rooms) into sessions, for meetings without a
 * participant report. Events are de-duplicated (request id, else the full tuple: Zoom retries deliveries),
 * ordered by time and paired per session ({@code user_id}, else {@code participant_uuid}, else the name):
 * a join opens a session, the next leave closes it. A leave without a join becomes a session from the
 * leave event's own {@code join_time} when it has one (else flag {@code join_missing}, join null); a join
 * never closed gets a null leave and flag {@code leave_missing} (attendance clips it to the meeting end).
 * Events of opted-out people (flag {@code opted_out}, set by the governance gate) are paired by the gate's
 * meeting-local token and their sessions keep the flag.
 */
public final class EventSessions {
  private static final Set<String> JOINS =
      Set.of("meeting.participant_joined", "meeting.participant_joined_breakout_room");
  private static final Set<String> LEAVES =
      Set.of("meeting.participant_left", "meeting.participant_left_breakout_room");

  private EventSessions() {}

  public static List<ParticipantSession> fromEvents(String meetingKey, List<MeetingEvent> events) {
    List<MeetingEvent> presence = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (MeetingEvent e : events) {
      if (!JOINS.contains(e.event()) && !LEAVES.contains(e.event())) {
        continue;
      }
      String dedup = e.requestId() != null ? "rid:" + e.requestId()
          : String.join("|", e.event(), String.valueOf(e.userId()), String.valueOf(e.participantUuid()),
              String.valueOf(e.displayName()), String.valueOf(e.joinTime()),
              String.valueOf(e.leaveTime()), String.valueOf(e.eventTime()));
      if (seen.add(dedup)) {
        presence.add(e);
      }
    }
    Map<String, List<MeetingEvent>> bySession = new TreeMap<>();
    for (MeetingEvent e : presence) {
      bySession.computeIfAbsent(sessionKey(e), k -> new ArrayList<>()).add(e);
    }
    List<ParticipantSession> sessions = new ArrayList<>();
    for (List<MeetingEvent> list : bySession.values()) {
      list.sort(Comparator.comparing(EventSessions::time, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(e -> LEAVES.contains(e.event()) ? 1 : 0));
      MeetingEvent open = null;
      for (MeetingEvent e : list) {
        if (JOINS.contains(e.event())) {
          if (open == null) {
            open = e;
          }
        } else if (open != null) {
          sessions.add(session(meetingKey, open, e, List.of()));
          open = null;
        } else {
          sessions.add(session(meetingKey, e, e,
              e.joinTime() == null ? List.of("join_missing") : List.of()));
        }
      }
      if (open != null) {
        sessions.add(session(meetingKey, open, null, List.of("leave_missing")));
      }
    }
    return sessions;
  }

  private static String sessionKey(MeetingEvent e) {
    if (e.flags().contains(IdentityResolver.OPTED_OUT_FLAG) && e.participantId() != null) {
      return "o:" + e.participantId(); // the gate's meeting-local token: ids and names are gone
    }
    if (e.userId() != null && !e.userId().isBlank()) {
      return "u:" + e.userId();
    }
    if (e.participantUuid() != null && !e.participantUuid().isBlank()) {
      return "p:" + e.participantUuid();
    }
    return "n:" + NameKeys.strict(e.displayName());
  }

  private static Instant time(MeetingEvent e) {
    if (JOINS.contains(e.event()) && e.joinTime() != null) {
      return e.joinTime();
    }
    if (LEAVES.contains(e.event()) && e.leaveTime() != null) {
      return e.leaveTime();
    }
    return e.eventTime();
  }

  private static ParticipantSession session(String meetingKey, MeetingEvent join, MeetingEvent leave,
      List<String> flags) {
    Instant joinTime = join == leave ? join.joinTime() : time(join);
    Instant leaveTime = leave == null ? null : time(leave);
    Long duration = joinTime != null && leaveTime != null && !leaveTime.isBefore(joinTime)
        ? Duration.between(joinTime, leaveTime).getSeconds() : null;
    MeetingEvent who = join;
    if (join.flags().contains(IdentityResolver.OPTED_OUT_FLAG)
        || (leave != null && leave.flags().contains(IdentityResolver.OPTED_OUT_FLAG))) {
      List<String> withFlag = new ArrayList<>(flags);
      withFlag.add(IdentityResolver.OPTED_OUT_FLAG); // counts in totals, never gets a row of its own
      flags = withFlag;
    }
    String breakout = join.event().endsWith("breakout_room") ? "breakout" : null;
    return new ParticipantSession(meetingKey, join.sourceFile(), join.sourceLine(), join.format(),
        join.meetingId(), join.meetingUuid(), who.displayName(), null, who.email(), who.participantId(),
        who.participantUserId(), who.userId(), who.customerKey(), who.registrantId(), joinTime, leaveTime,
        duration, null, null, null, null, breakout, flags);
  }
}
