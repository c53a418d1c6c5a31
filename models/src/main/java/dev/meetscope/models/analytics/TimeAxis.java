package dev.meetscope.models.analytics;

import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.TimeBase;
import dev.meetscope.models.record.Utterance;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Puts transcript cues and chat messages on one UTC clock (epoch ms), reconciling the three time bases:
 *
 * <ul>
 *   <li>a record's own {@code wallTime} wins when the reader could compute it;
 *   <li>recording offsets (cloud transcript, cloud chat) + the recording start: the manifest's
 *       {@code recordingStart}, else one derived from any record that has both a wall time and an offset,
 *       else the meeting start (flag {@code recording_start_assumed});
 *   <li>local wall-clock times (local saved chat and captions): the record's date, else the meeting's date,
 *       in the manifest zone, else the configured zone, else UTC (flag {@code zone_assumed_utc}); a chat time
 *       more than 12 h before the meeting start belongs to the next day (midnight wrap).
 * </ul>
 *
 * With no absolute time anywhere (e.g. a transcript alone) the axis is synthetic: offsets count from the
 * epoch, local times from 1970-01-01 UTC ({@link #synthetic()} true, flag {@code synthetic_clock}).
 */
public final class TimeAxis {
  private static final long TWELVE_HOURS_MS = 12L * 3600 * 1000;
  private static final long DAY_MS = 24L * 3600 * 1000;

  private final Long recordingStartMs;
  private final ZoneId zone;
  private final LocalDate meetingDate;
  private final Long referenceMs;
  private final boolean synthetic;
  private final Set<String> flags;

  private TimeAxis(Long recordingStartMs, ZoneId zone, LocalDate meetingDate, Long referenceMs,
      boolean synthetic, Set<String> flags) {
    this.recordingStartMs = recordingStartMs;
    this.zone = zone;
    this.meetingDate = meetingDate;
    this.referenceMs = referenceMs;
    this.synthetic = synthetic;
    this.flags = flags;
  }

  /**
   * @param knownStartMs the meeting start from metadata ({@link SpanResolver#start}), or null
   */
  public static TimeAxis build(MeetingManifest manifest, List<Utterance> utterances,
      List<ChatMessage> chats, Long knownStartMs, AnalyticsSettings settings) {
    Set<String> flags = new TreeSet<>();
    Long recordingStart = manifest != null && manifest.recordingStart() != null
        ? manifest.recordingStart().toEpochMilli() : null;
    boolean anyWall = false;
    boolean needsRecordingStart = false;
    boolean needsLocal = false;
    for (Utterance u : utterances) {
      anyWall |= u.wallTime() != null;
      boolean offset = TimeBase.RECORDING_OFFSET.equals(u.timeBase());
      if (offset && u.wallTime() != null && recordingStart == null) {
        recordingStart = u.wallTime().toEpochMilli() - u.startMs();
      }
      needsRecordingStart |= offset && u.wallTime() == null;
      needsLocal |= TimeBase.LOCAL_WALL_CLOCK.equals(u.timeBase()) && u.wallTime() == null;
    }
    for (ChatMessage c : chats) {
      anyWall |= c.wallTime() != null;
      if (c.offsetMs() != null && c.wallTime() != null && recordingStart == null) {
        recordingStart = c.wallTime().toEpochMilli() - c.offsetMs();
      }
      needsRecordingStart |= c.offsetMs() != null && c.wallTime() == null;
      needsLocal |= c.localTime() != null && c.wallTime() == null;
    }
    ZoneId zone = parseZone(manifest == null ? null : manifest.timeZone());
    if (zone == null) {
      zone = settings.zone();
    }
    if (zone == null) {
      zone = ZoneOffset.UTC;
      if (needsLocal) {
        flags.add("zone_assumed_utc");
      }
    }
    if (recordingStart == null && knownStartMs != null && needsRecordingStart) {
      recordingStart = knownStartMs;
      flags.add("recording_start_assumed");
    }
    LocalDate date = null;
    if (manifest != null && manifest.scheduledStart() != null) {
      date = manifest.scheduledStart().atZone(zone).toLocalDate();
    } else if (knownStartMs != null) {
      date = java.time.Instant.ofEpochMilli(knownStartMs).atZone(zone).toLocalDate();
    } else if (recordingStart != null) {
      date = java.time.Instant.ofEpochMilli(recordingStart).atZone(zone).toLocalDate();
    }
    boolean synthetic = knownStartMs == null && recordingStart == null && date == null && !anyWall
        && chats.stream().noneMatch(c -> c.localDate() != null);
    if (synthetic) {
      flags.add("synthetic_clock");
      flags.remove("zone_assumed_utc");
      return new TimeAxis(0L, ZoneOffset.UTC, LocalDate.EPOCH, null, true, flags);
    }
    Long reference = knownStartMs != null ? knownStartMs : recordingStart;
    return new TimeAxis(recordingStart, zone, date, reference, false, flags);
  }

  public boolean synthetic() {
    return synthetic;
  }

  public Set<String> flags() {
    return flags;
  }

  /** Cue start in epoch ms, or null when its time base cannot be placed. */
  public Long cueStartMs(Utterance u) {
    if (u.wallTime() != null) {
      return u.wallTime().toEpochMilli();
    }
    if (TimeBase.LOCAL_WALL_CLOCK.equals(u.timeBase())) {
      return meetingDate == null ? null
          : meetingDate.atStartOfDay(zone).toInstant().toEpochMilli() + u.startMs();
    }
    return recordingStartMs == null ? null : recordingStartMs + u.startMs();
  }

  /** Cue end in epoch ms, or null when the cue has no end (local captions) or cannot be placed. */
  public Long cueEndMs(Utterance u) {
    Long start = cueStartMs(u);
    if (start == null || u.endMs() == null) {
      return null;
    }
    return start + Math.max(0, u.endMs() - u.startMs());
  }

  /** Chat time in epoch ms, or null when it cannot be placed. */
  public Long chatMs(ChatMessage c) {
    if (c.wallTime() != null) {
      return c.wallTime().toEpochMilli();
    }
    if (c.offsetMs() != null) {
      return recordingStartMs == null ? null : recordingStartMs + c.offsetMs();
    }
    if (c.localTime() == null) {
      return null;
    }
    LocalTime time;
    LocalDate date;
    try {
      time = LocalTime.parse(c.localTime());
      date = c.localDate() != null ? LocalDate.parse(c.localDate()) : meetingDate;
    } catch (DateTimeException e) {
      return null;
    }
    if (date == null) {
      return null;
    }
    long ms = date.atTime(time).atZone(zone).toInstant().toEpochMilli();
    if (c.localDate() == null && referenceMs != null && ms < referenceMs - TWELVE_HOURS_MS) {
      ms += DAY_MS;
    }
    return ms;
  }

  private static ZoneId parseZone(String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(id.strip());
    } catch (DateTimeException e) {
      return null;
    }
  }
}
