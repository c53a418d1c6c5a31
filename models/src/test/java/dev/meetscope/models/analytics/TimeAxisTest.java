package dev.meetscope.models.analytics;

import static dev.meetscope.models.analytics.TestRecords.MEETING;
import static dev.meetscope.models.analytics.TestRecords.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.TimeBase;
import dev.meetscope.models.record.Utterance;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimeAxisTest {
  private static final AnalyticsSettings SETTINGS = AnalyticsSettings.defaults();

  private static ChatMessage localChat(String time, String date) {
    return new ChatMessage(MEETING, "meeting_saved_chat.txt", 1, "local_saved_chat", "C", "Ada Example",
        null, "message", false, "hi", null, TimeBase.LOCAL_WALL_CLOCK, null, time, date, null, List.of());
  }

  private static MeetingManifest zoned(Instant scheduled, String zone, Instant recordingStart) {
    return new MeetingManifest(null, MEETING, null, null, null, null, scheduled, null, zone, recordingStart,
        null);
  }

  private static long ms(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void localChatTimesUseTheManifestZoneAndWrapPastMidnight() {
    // 23:30 in New York on 1 March (EST, UTC−5) is 04:30Z on 2 March.
    Instant start = Instant.parse("2026-03-02T04:30:00Z");
    List<ChatMessage> chats = List.of(localChat("23:45:00", null), localChat("00:10:00", null));
    TimeAxis axis = TimeAxis.build(zoned(start, "America/New_York", null), List.of(), chats,
        start.toEpochMilli(), SETTINGS);
    assertEquals(ms("2026-03-02T04:45:00Z"), axis.chatMs(chats.get(0)));
    assertEquals(ms("2026-03-02T05:10:00Z"), axis.chatMs(chats.get(1)));
    assertEquals(Set.of(), axis.flags());
  }

  @Test
  void aDatedLocalChatLineUsesItsDateAndTheConfiguredZone() {
    ChatMessage c = localChat("09:00:00", "2026-03-02");
    TimeAxis axis = TimeAxis.build(MeetingManifest.empty(), List.of(), List.of(c), null,
        SETTINGS.withZone(ZoneId.of("Europe/Berlin")));
    assertEquals(ms("2026-03-02T08:00:00Z"), axis.chatMs(c));
    assertFalse(axis.synthetic());
  }

  @Test
  void localCaptionsCountFromLocalMidnightOfTheMeetingDate() {
    Utterance u = new Utterance(MEETING, "meeting_saved_closed_caption.txt", 1, "local_saved_captions", null,
        "Dana Host", false, TimeBase.LOCAL_WALL_CLOCK, (19 * 3600 + 25) * 1000L, null, null, "Hello!",
        List.of());
    Instant start = Instant.parse("2026-03-02T10:00:00Z");   // 19:00 in Tokyo
    TimeAxis axis = TimeAxis.build(zoned(start, "Asia/Tokyo", null), List.of(u), List.of(),
        start.toEpochMilli(), SETTINGS);
    assertEquals(ms("2026-03-02T10:00:25Z"), axis.cueStartMs(u));
    assertNull(axis.cueEndMs(u));
  }

  @Test
  void theRecordingStartIsDerivedFromARecordWithBothTimes() {
    Utterance anchored = new Utterance(MEETING, "t.vtt", 1, "cloud_transcript", 1, "Ada Example", false,
        TimeBase.RECORDING_OFFSET, 5_000, 7_000L, T0.plusSeconds(5), "a", List.of());
    Utterance bare = new Utterance(MEETING, "t.vtt", 5, "cloud_transcript", 2, "Ada Example", false,
        TimeBase.RECORDING_OFFSET, 65_000, 66_500L, null, "b", List.of());
    TimeAxis axis = TimeAxis.build(MeetingManifest.empty(), List.of(anchored, bare), List.of(), null,
        SETTINGS);
    assertEquals(T0.toEpochMilli() + 65_000, axis.cueStartMs(bare));
    assertEquals(T0.toEpochMilli() + 66_500, axis.cueEndMs(bare));
    assertEquals(Set.of(), axis.flags());
  }

  @Test
  void withoutAZoneLocalTimesAreUtcAndFlagged() {
    ChatMessage c = localChat("15:30:00", null);
    TimeAxis axis = TimeAxis.build(MeetingManifest.empty(), List.of(), List.of(c), T0.toEpochMilli(),
        SETTINGS);
    assertEquals(T0.toEpochMilli() + 30 * 60_000, axis.chatMs(c));
    assertTrue(axis.flags().contains("zone_assumed_utc"));
  }

  @Test
  void withNothingAbsoluteTheClockIsSynthetic() {
    Utterance u = TestRecords.cue("Ada Example", 4_859, 7_410, "Okay.");
    TimeAxis axis = TimeAxis.build(MeetingManifest.empty(), List.of(u), List.of(), null, SETTINGS);
    assertTrue(axis.synthetic());
    assertEquals(4_859L, axis.cueStartMs(u));
    assertEquals(Set.of("synthetic_clock"), axis.flags());
  }
}
