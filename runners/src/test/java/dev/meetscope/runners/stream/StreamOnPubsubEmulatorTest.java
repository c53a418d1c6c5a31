package dev.meetscope.runners.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.client.http.javanet.NetHttpTransport;
import dev.meetscope.fixtures.TownHall;
import dev.meetscope.models.analytics.MeetingAnalysis;
import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.runners.replay.Replayer;
import dev.meetscope.transforms.http.Sleeper;
import dev.meetscope.transforms.relay.PubsubRestSink;
import dev.meetscope.transforms.schema.RecordSchemaProvider;
import dev.meetscope.transforms.sink.RowJson;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Pub/Sub path end to end against a real Pub/Sub endpoint, Google's emulator (installed on this kind of
 * machine; the test is skipped where it is not): the relay's Pub/Sub publisher puts a town hall (with Zoom's
 * retries) on a topic, {@code meetscope stream --source=pubsub} reads the subscription with Beam's own Pub/Sub
 * client, finishes on {@code --maxIdle}, writes the batch job's final rows, and publishes every live pane and
 * alert on the live topic.
 */
@Tag("slow")
class StreamOnPubsubEmulatorTest {
  private static final String PROJECT = "meetscope-test";

  @Test
  void aTownHallFromPubSubGivesTheBatchRowsAndLiveMessages(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(PubsubEmulator.installed(), "no Pub/Sub emulator at " + PubsubEmulator.binary());
    TownHall th = StreamJobTest.townHall();
    try (PubsubEmulator emulator = PubsubEmulator.start(PROJECT)) {
      emulator.createTopic("zoom-events");
      emulator.createSubscription("meetscope-stream", "zoom-events");
      emulator.createTopic("live");
      emulator.createSubscription("widget", "live");
      try (PubsubRestSink sink = new PubsubRestSink(new NetHttpTransport(), emulator.rootUrl(),
          emulator.topic("zoom-events"), null, Sleeper.SYSTEM, 3, 10_000)) {
        Replayer.Report report = new Replayer(Clock.systemUTC(), Sleeper.SYSTEM).replay(Replayer.of(th), sink, 0);
        assertEquals(th.deliveries().size(), report.published());
      }

      Path out = dir.resolve("out");
      Path key = java.nio.file.Files.writeString(dir.resolve("key"), StreamJobTest.KEY_HEX);
      StreamJobTest.Run run = StreamJobTest.meetscope("stream", "--source=pubsub", "--pseudonymKey=file:" + key,
          "--includeIdentities=true",
          "--subscription=" + emulator.subscription("meetscope-stream"), "--liveTopic=" + emulator.topic("live"),
          "--pubsubRootUrl=" + emulator.rootUrl(),
          "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory",
          "--output=" + out, "--sink=jsonl", "--maxIdle=3s", "--flushInterval=3s");
      assertEquals(ExitCodes.OK, run.exit(), run.err());

      // The batch analytics through the batch output policy, under the same key (as StreamJobTest).
      MeetingAnalysis expected = StreamJobTest.batchAnalysis(th);
      dev.meetscope.models.governance.IdentityPolicy policy = new dev.meetscope.models.governance.IdentityPolicy(
          new dev.meetscope.models.governance.Pseudonymizer(
              StreamJobTest.KEY_HEX.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), true);
      assertEquals(List.of(RowJson.toJson(RecordSchemaProvider.toRow(policy.protect(expected.meeting(), t -> t)))),
          StreamJobTest.rows(out, "meeting"));
      List<String> people = new ArrayList<>();
      expected.participants().forEach(p -> people.add(RowJson.toJson(RecordSchemaProvider.toRow(policy.protect(p)))));
      people.sort(null);
      assertEquals(people, StreamJobTest.rows(out, "participant_meeting"));
      assertEquals(List.of(), StreamJobTest.rows(out, "dead_letter"));
      JsonNode counters = StreamJobTest.JSON.readTree(out.resolve("_METRICS.json").toFile()).get("beam_counters");
      // Each distinct event counted once, whether the source or DropDuplicates removed the retries.
      assertEquals(th.distinctEvents(), counters.get("stream/accepted").asLong());

      List<PubsubEmulator.Message> live = emulator.drain("widget");
      List<String> liveRows = new ArrayList<>();
      int alerts = 0;
      for (PubsubEmulator.Message m : live) {
        assertEquals(th.uuid(), m.attributes().get("meeting_key"), m.toString());
        if (m.attributes().get("type").equals("live_window")) {
          liveRows.add(m.data());
        } else {
          assertEquals("dropoff_alert", m.attributes().get("type"));
          alerts++;
        }
      }
      liveRows.sort(null);
      assertEquals(StreamJobTest.rows(out, "live_window"), liveRows);
      assertEquals(StreamJobTest.rows(out, "dropoff_alert").size(), alerts);
      assertTrue(alerts > 0, "the generated mass drop-off raises an alert");
      assertFalse(liveRows.isEmpty());
    }
  }
}
