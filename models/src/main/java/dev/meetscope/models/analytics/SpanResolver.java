package dev.meetscope.models.analytics;

import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.ParticipantSession;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The meeting span, by precedence (docs/metrics.md, "Meeting span"):
 *
 * <ul>
 *   <li>start: the webhook meeting start ({@code object.start_time} of any event, else the
 *       {@code meeting.started} event time) → the manifest's scheduled start (ignored, flag
 *       {@code manifest_start_ignored}, when it lies after the last leave or more than 12 h before the first
 *       join) → the earliest session join → the earliest transcript or chat time;
 *   <li>end: the webhook {@code end_time} (else the {@code meeting.ended} event time) → the latest session
 *       leave → scheduled start + duration from the manifest → the latest transcript or chat time.
 * </ul>
 *
 * Actual times (webhook, report) beat scheduled ones for the end because a meeting that overruns its
 * schedule must not cut its attendees' presence; the scheduled start is kept for the start because lateness
 * is measured against it.
 */
public final class SpanResolver {
  private static final long TWELVE_HOURS_MS = 12L * 3600 * 1000;

  private SpanResolver() {}

  /** A bound and where it came from; {@code ms} null when unknown. */
  public record Bound(Long ms, String source) {
    static Bound unknown() {
      return new Bound(null, "none");
    }
  }

  public static Bound start(MeetingManifest manifest, List<MeetingEvent> events,
      List<ParticipantSession> sessions, Set<String> flags) {
    Long webhook = null;
    for (MeetingEvent e : events) {
      if (e.meetingStartTime() != null) {
        webhook = min(webhook, e.meetingStartTime().toEpochMilli());
      }
    }
    if (webhook == null) {
      for (MeetingEvent e : events) {
        if ("meeting.started".equals(e.event()) && e.eventTime() != null) {
          webhook = min(webhook, e.eventTime().toEpochMilli());
        }
      }
    }
    if (webhook != null) {
      return new Bound(webhook, "webhook");
    }
    Long firstJoin = null;
    Long lastLeave = null;
    for (ParticipantSession s : sessions) {
      if (s.joinTime() != null) {
        firstJoin = min(firstJoin, s.joinTime().toEpochMilli());
      }
      Long leave = leaveMs(s);
      if (leave != null) {
        lastLeave = max(lastLeave, leave);
      }
    }
    if (manifest != null && manifest.scheduledStart() != null) {
      long scheduled = manifest.scheduledStart().toEpochMilli();
      boolean implausible = (lastLeave != null && scheduled >= lastLeave)
          || (firstJoin != null && scheduled < firstJoin - TWELVE_HOURS_MS);
      if (!implausible) {
        return new Bound(scheduled, "manifest");
      }
      flags.add("manifest_start_ignored");
    }
    return firstJoin != null ? new Bound(firstJoin, "report") : Bound.unknown();
  }

  public static Bound end(MeetingManifest manifest, List<MeetingEvent> events,
      List<ParticipantSession> sessions, Bound start) {
    Long webhook = null;
    for (MeetingEvent e : events) {
      if (e.meetingEndTime() != null) {
        webhook = max(webhook, e.meetingEndTime().toEpochMilli());
      }
    }
    if (webhook == null) {
      for (MeetingEvent e : events) {
        if ("meeting.ended".equals(e.event()) && e.eventTime() != null) {
          webhook = max(webhook, e.eventTime().toEpochMilli());
        }
      }
    }
    if (after(webhook, start)) {
      return new Bound(webhook, "webhook");
    }
    Long lastLeave = null;
    for (ParticipantSession s : sessions) {
      Long leave = leaveMs(s);
      if (leave != null) {
        lastLeave = max(lastLeave, leave);
      }
    }
    if (after(lastLeave, start)) {
      return new Bound(lastLeave, "report");
    }
    if (manifest != null && manifest.scheduledStart() != null && manifest.durationMinutes() != null) {
      long end = manifest.scheduledStart().toEpochMilli() + manifest.durationMinutes() * 60_000L;
      if (after(end, start)) {
        return new Bound(end, "manifest");
      }
    }
    return Bound.unknown();
  }

  /**
   * Completes the span from the data (earliest and latest transcript or chat time) where metadata gave
   * nothing. {@code anchored} is false on a synthetic clock.
   */
  public static MeetingSpan finish(Bound start, Bound end, Long dataMinMs, Long dataMaxMs,
      boolean anchored) {
    Bound s = start.ms() != null ? start : dataMinMs != null ? new Bound(dataMinMs, "data") : new Bound(0L,
        "none");
    Bound e = end.ms() != null && end.ms() > s.ms() ? end
        : dataMaxMs != null && dataMaxMs > s.ms() ? new Bound(dataMaxMs, "data") : new Bound(s.ms(), "none");
    return new MeetingSpan(s.ms(), e.ms(), anchored, s.source(), e.source());
  }

  static Long leaveMs(ParticipantSession s) {
    if (s.leaveTime() != null) {
      return s.leaveTime().toEpochMilli();
    }
    Instant join = s.joinTime();
    if (join != null && s.durationSeconds() != null) {
      return join.toEpochMilli() + s.durationSeconds() * 1000;
    }
    return null;
  }

  private static boolean after(Long candidate, Bound start) {
    return candidate != null && (start.ms() == null || candidate > start.ms());
  }

  private static Long min(Long a, long b) {
    return a == null ? b : Math.min(a, b);
  }

  private static Long max(Long a, long b) {
    return a == null ? b : Math.max(a, b);
  }
}
