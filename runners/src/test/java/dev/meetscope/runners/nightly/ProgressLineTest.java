package dev.meetscope.runners.nightly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  @Test
  void countersAreSummedPerStage() {
    Map<String, Long> counters = new TreeMap<>();
    counters.put("parse.cloud_transcript/files", 120L);
    counters.put("parse.cloud_transcript/records_read", 40_000L);
    counters.put("parse.participant_csv/files", 120L);
    counters.put("parse.participant_csv/records_read", 5_210L);
    counters.put("parse.participant_csv/dead_lettered", 3L);
    counters.put("sink/utterance.rows", 30_000L);
    counters.put("sink/participant_session.rows", 112L);
    assertEquals("meetscope nightly: 1:05 elapsed | parse: dead_lettered=3 files=240 records_read=45,210"
        + " | sink: rows=30,112", ProgressLine.format("nightly", Duration.ofSeconds(65), counters, "DirectRunner"));
  }

  @Test
  void runnersWithoutLiveCountersAndTheFirstSecondsSaySo() {
    assertEquals("meetscope nightly: 0:10 elapsed, running on FlinkRunner (its counters arrive when the job ends)",
        ProgressLine.format("nightly", Duration.ofSeconds(10), null, "FlinkRunner"));
    assertEquals("meetscope nightly: 0:05 elapsed, starting",
        ProgressLine.format("nightly", Duration.ofSeconds(5), Map.of(), "DirectRunner"));
    assertEquals("1:01:01", ProgressLine.clock(Duration.ofSeconds(3661)));
  }
}
