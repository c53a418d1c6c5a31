package dev.meetscope.models.stream;

import static dev.meetscope.models.stream.StreamEventFixtures.at;
import static dev.meetscope.models.stream.StreamEventFixtures.chat;
import static dev.meetscope.models.stream.StreamEventFixtures.event;
import static dev.meetscope.models.stream.StreamEventFixtures.joined;
import static dev.meetscope.models.stream.StreamEventFixtures.left;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meetscope.models.record.MeetingEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WindowTallyTest {
  private static final long PERIOD = 10_000;

  private static WindowTally tally(MeetingEvent... events) {
    WindowTally t = new WindowTally(PERIOD);
    for (MeetingEvent e : events) {
      t.add(e, StreamEvents.eventTime(e).toEpochMilli());
    }
    return t;
  }

  @Test
  void countsEveryKindAndKeepsJoinsAndLeavesPerSlice() {
    WindowTally t = tally(
        joined("Ada Example", "1", at(0, 1)),
        joined("Grace Sample", "2", at(0, 9)),
        joined("Lee Placeholder", "3", at(0, 12)),
        left("Lee Placeholder", "3", at(0, 15), "left the meeting"),
        left("Grace Sample", "2", at(0, 18), "left the meeting. Reason : Host ended the meeting."),
        chat("Ada Example", "ada@example.com", at(0, 5), "chat_question"),
        chat("Ada Example", "ada@example.com", at(0, 6)),
        chat("José Núñez", null, at(0, 7), "chat_emoji_only"),
        chat("Dana Host", null, at(0, 8), "chat_private"),
        event("meeting.ended", at(0, 19), "e", null, null, null, null, null, null, List.of()));
    assertEquals(10, t.events());
    assertEquals(3, t.joins());
    assertEquals(2, t.leaves());
    assertEquals(1, t.departures());
    assertEquals(2, t.chatMessages());
    assertEquals(1, t.questions());
    assertEquals(1, t.reactions());
    assertEquals(2, t.activeChatters(), "Ada and José; the private message does not count");
    assertEquals(1, t.ended());
    assertEquals(at(0, 19).toEpochMilli(), t.maxEventMs());
    assertEquals("81234567890", t.meetingId());
    TreeMap<Long, long[]> slices = t.slices();
    assertEquals(List.of(at(0, 0).toEpochMilli(), at(0, 10).toEpochMilli()), List.copyOf(slices.keySet()));
    assertArrayEquals(new long[] {2, 0}, slices.get(at(0, 0).toEpochMilli()));
    assertArrayEquals(new long[] {1, 2}, slices.get(at(0, 10).toEpochMilli()));
  }

  @Test
  void partialTalliesMergeToTheSameTotalsAfterSerialisation() throws Exception {
    MeetingEvent[] events = {joined("Ada Example", "1", at(0, 1)), joined("Grace Sample", "2", at(0, 12)),
        chat("Ada Example", "ada@example.com", at(0, 5)), chat("Ada Example", "ada@example.com", at(0, 13)),
        left("Ada Example", "1", at(0, 14), "left")};
    WindowTally whole = tally(events);
    WindowTally a = tally(events[0], events[2]);
    WindowTally b = tally(events[1], events[3], events[4]);
    WindowTally merged = roundTrip(a).merge(roundTrip(b));
    assertEquals(whole.events(), merged.events());
    assertEquals(whole.activeChatters(), merged.activeChatters());
    assertEquals(1, merged.activeChatters());
    assertEquals(whole.chatMessages(), merged.chatMessages());
    assertEquals(whole.departures(), merged.departures());
    assertEquals(whole.maxEventMs(), merged.maxEventMs());
    assertEquals(whole.slices().keySet(), merged.slices().keySet());
    whole.slices().forEach((k, v) -> assertArrayEquals(v, merged.slices().get(k)));
  }

  private static WindowTally roundTrip(WindowTally t) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(t);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (WindowTally) in.readObject();
    }
  }
}
