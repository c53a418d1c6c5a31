package dev.meetscope.transforms.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.FileStat;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.Utterance;
import java.util.List;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.junit.jupiter.api.Test;

/** Grouped records in a fixed order, and the dead letter of a meeting whose analysis failed. */
class MeetingRecordsTest {
  private static CoGbkResult group(List<Utterance> cues, List<FileStat> stats, List<MeetingManifest> manifests) {
    return CoGbkResult.of(GroupMeetingRecords.SESSIONS, List.<ParticipantSession>of())
        .and(GroupMeetingRecords.UTTERANCES, cues)
        .and(GroupMeetingRecords.CHAT_MESSAGES, List.of())
        .and(GroupMeetingRecords.EVENTS, List.<MeetingEvent>of())
        .and(GroupMeetingRecords.MANIFESTS, manifests)
        .and(GroupMeetingRecords.FILE_STATS, stats);
  }

  private static Utterance cue(String file, long line, String text) {
    return new Utterance("m1", file, line, "cloud_transcript", null, "Ada Example", false, "recording_offset",
        line * 1000, line * 1000 + 500, null, text, List.of());
  }

  @Test
  void recordsAreSortedByFileAndLineAndTheFullestManifestWins() {
    MeetingManifest bare = new MeetingManifest(null, "m1", null, null, null, null, null, null, null, null,
        null);
    MeetingManifest full = new MeetingManifest("812", "m1", "Weekly Sync", null, null, null, null, null,
        "UTC", null, null);
    MeetingRecords r = MeetingRecords.from("m1", group(List.of(cue("/in/m/b.vtt", 3, "c"),
        cue("/in/m/a.vtt", 9, "b"), cue("/in/m/a.vtt", 2, "a")), List.of(), List.of(bare, full)));
    assertEquals(List.of("a", "b", "c"), r.utterances.stream().map(Utterance::text).toList());
    assertEquals(full, r.manifest);
    assertTrue(r.hasData());
    assertEquals("/in/m", r.folder());
  }

  @Test
  void aFailedAnalysisBecomesOneDeadLetterNamingTheFolderTheFilesAndTheCauseChain() {
    MeetingRecords r = MeetingRecords.from("m1", group(List.of(cue("/in/m/t.vtt", 3, "hi")),
        List.of(new FileStat("m1", "/in/m/chat.txt", "cloud_chat", "no_data", 0, 0, 0, 0)), List.of()));
    IllegalStateException cause = new IllegalStateException("bad interval");
    cause.setStackTrace(new StackTraceElement[] {new StackTraceElement("X", "y", "X.java", 7)});
    RuntimeException e = new RuntimeException("outer", cause);
    e.setStackTrace(new StackTraceElement[] {new StackTraceElement("A", "b", "A.java", 1)});
    assertEquals(new DeadLetter("m1", "analyze", "meeting", "/in/m", null, null, "ANALYSIS_FAILED",
        "Analysis of meeting m1 failed: RuntimeException: outer (at A.b(A.java:1)); caused by"
            + " IllegalStateException: bad interval (at X.y(X.java:7))",
        "sessions=0 utterances=1 chat_messages=0 events=0\n/in/m/t.vtt: 1 records"), r.deadLetter(e));
    // A chat file that was read but held nothing: chat metrics are 0, not null.
    assertEquals(Boolean.TRUE, r.input().chatAvailable());
  }

  @Test
  void aManifestAloneHasNoData() {
    MeetingRecords r = MeetingRecords.from("m1", group(List.of(), List.of(), List.of()));
    assertTrue(!r.hasData());
    assertEquals(MeetingManifest.empty(), r.manifest);
    assertEquals(null, r.input().chatAvailable());
  }
}
