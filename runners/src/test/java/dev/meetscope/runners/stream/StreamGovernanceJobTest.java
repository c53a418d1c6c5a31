package dev.meetscope.runners.stream;

import static dev.meetscope.runners.stream.StreamJobTest.KEY_HEX;
import static dev.meetscope.runners.stream.StreamJobTest.args;
import static dev.meetscope.runners.stream.StreamJobTest.batchAnalysis;
import static dev.meetscope.runners.stream.StreamJobTest.meetscope;
import static dev.meetscope.runners.stream.StreamJobTest.rows;
import static dev.meetscope.runners.stream.StreamJobTest.writeEvents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meetscope.fixtures.TownHall;
import dev.meetscope.fixtures.TownHallEventGenerator;
import dev.meetscope.fixtures.TownHallSpec;
import dev.meetscope.models.governance.Pseudonymizer;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.runners.cli.ExitCodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code meetscope stream} applies the batch governance policy to every file it writes: keyed
 * participant_key (the batch key of the same stable identity under the same {@code --pseudonymKey}), no
 * names or emails unless {@code --includeIdentities=true}, opted-out people in no file, dead letters redacted.
 */
class StreamGovernanceJobTest {
  private static final Pseudonymizer KEYS = new Pseudonymizer(KEY_HEX.getBytes(StandardCharsets.US_ASCII));

  /** A 12-person, 5-minute town hall: tiny, so a run takes seconds. */
  private static TownHall townHall() {
    return new TownHallEventGenerator().generate(TownHallSpec.of(12, 5, 7).inOrder());
  }

  /** Every output file's text (all tables and _METRICS.json), for "appears nowhere" checks. */
  private static String everything(Path out) throws Exception {
    StringBuilder b = new StringBuilder();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        b.append(f).append('\n').append(Files.readString(f)).append('\n');
      }
    }
    return b.toString();
  }

  private static Path keyFile(Path dir) throws Exception {
    Path key = dir.resolve("key");
    Files.writeString(key, KEY_HEX);
    return key;
  }

  /** A delivery the parser cannot read, naming a person: it must reach dead_letter redacted. */
  private static void writeBrokenDelivery(Path events, ParticipantMeeting p) throws Exception {
    Files.writeString(events.resolve("zz-broken.ndjson"), "{\"event\":\"meeting.participant_joined\",\"payload\":"
        + "{\"object\":{\"participant\":{\"user_name\":\"" + p.displayName() + "\",\"email\":\"" + p.email()
        + "\"}}\n");
  }

  private static Set<String> keys(Path out) throws Exception {
    Set<String> keys = new TreeSet<>();
    for (String line : rows(out, "participant_meeting")) {
      keys.add(StreamJobTest.JSON.readTree(line).get("participant_key").asText());
    }
    return keys;
  }

  @Test
  void byDefaultNoNameOrEmailIsWrittenAndKeysAreTheBatchKeys(@TempDir Path dir) throws Exception {
    TownHall th = townHall();
    Path events = dir.resolve("events");
    writeEvents(th, events);
    List<ParticipantMeeting> people = batchAnalysis(th).participants();
    ParticipantMeeting withEmail = people.stream().filter(p -> p.email() != null).findFirst().orElseThrow();
    writeBrokenDelivery(events, withEmail);
    Path out = dir.resolve("out");
    StreamJobTest.Run run = meetscope(args(events, out, "--pseudonymKey=file:" + keyFile(dir)));
    assertEquals(ExitCodes.OK, run.exit(), run.err());

    String all = everything(out);
    for (ParticipantMeeting p : people) {
      assertFalse(p.displayName() != null && all.contains(p.displayName()), p.displayName() + " in " + all);
      assertFalse(p.email() != null && all.contains(p.email()), p.email());
      assertFalse(all.contains(p.participantKey()), "an unkeyed identity is written: " + p.participantKey());
    }
    assertFalse(all.matches("(?s).*\"(display_name|email)\":\"[^\"]+\".*"), all);
    // participant_key = the batch job's HMAC of the same stable identity (IdentityResolver's choice).
    assertEquals(people.stream().map(p -> KEYS.participantKey(p.participantKey())).collect(Collectors.toSet()),
        keys(out));
    List<String> dead = rows(out, "dead_letter");
    assertEquals(1, dead.size(), dead.toString());
    assertTrue(dead.get(0).contains("[redacted]"), dead.get(0));
  }

  @Test
  void aMeetingIsAnalysedOnlyWithConsentFromTheAllowList(@TempDir Path dir) throws Exception {
    TownHall th = townHall();
    Path events = dir.resolve("events");
    writeEvents(th, events);

    // The default (manifest mode): webhooks carry no manifest, so without an allow-list entry nothing is
    // analysed; every event is counted as skipped, nothing is written about the meeting.
    Path none = dir.resolve("none");
    StreamJobTest.Run run = meetscope(args(events, none, "--consentMode=manifest"));
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertTrue(run.err().contains("no meeting will be analysed"), run.err());
    assertTrue(run.out().contains(th.distinctEvents() + " skipped without consent"), run.out());
    assertEquals(List.of(), rows(none, "participant_meeting"));
    assertEquals(List.of(), rows(none, "meeting"));
    assertEquals(List.of(), rows(none, "live_window"));
    assertEquals(List.of(), rows(none, "dead_letter"));
    com.fasterxml.jackson.databind.JsonNode counters = StreamJobTest.JSON.readTree(
        none.resolve("_METRICS.json").toFile()).get("beam_counters");
    assertEquals(th.distinctEvents(), counters.get("governance/stream_events_skipped").asLong(), counters.toString());
    assertEquals(th.distinctEvents(), counters.get("governance/stream_events_skipped.NO_CONSENT").asLong());
    assertEquals(0, counters.path("stream/accepted").asLong());

    // The meeting id on the allow list: analysed, all of it (chat too), under the same keys as pilot mode.
    Path allow = Files.writeString(dir.resolve("allow.txt"), "# hosts and meetings\nmeeting:" + th.meetingId() + "\n");
    Path allowed = dir.resolve("allowed");
    run = meetscope(args(events, allowed, "--consentMode=allowlist", "--consentAllowList=" + allow,
        "--pseudonymKey=file:" + keyFile(dir)));
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertFalse(run.err().contains("no meeting will be analysed"), run.err());
    assertTrue(run.out().contains(" 0 skipped without consent"), run.out());
    Path pilot = dir.resolve("pilot");
    run = meetscope(args(events, pilot, "--consentMode=all", "--pseudonymKey=file:" + keyFile(dir)));
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertEquals(th.participants(), rows(allowed, "participant_meeting").size());
    assertEquals(rows(pilot, "participant_meeting"), rows(allowed, "participant_meeting"));
    assertEquals(rows(pilot, "meeting"), rows(allowed, "meeting"));
    counters = StreamJobTest.JSON.readTree(allowed.resolve("_METRICS.json").toFile()).get("beam_counters");
    assertEquals(th.distinctEvents(), counters.get("stream/accepted").asLong());
    assertEquals(0, counters.path("governance/stream_events_skipped").asLong());

    // Every stream run appends its run_audit row, as the nightly job does: consent outcome included.
    com.fasterxml.jackson.databind.JsonNode skippedRun = auditRow(none);
    assertEquals("stream", skippedRun.get("command").asText());
    assertEquals("succeeded", skippedRun.get("status").asText());
    assertEquals("manifest", skippedRun.get("consent_mode").asText());
    assertEquals(0, skippedRun.get("meetings_analysed").asLong());
    assertEquals("NO_CONSENT", skippedRun.get("meetings_skipped").get(0).get("name").asText());
    assertEquals(th.distinctEvents(), skippedRun.get("meetings_skipped").get(0).get("value").asLong());
    com.fasterxml.jackson.databind.JsonNode allowedRun = auditRow(allowed);
    assertEquals("allowlist", allowedRun.get("consent_mode").asText());
    assertEquals(1, allowedRun.get("meetings_analysed").asLong());
    assertEquals(0, allowedRun.get("meetings_skipped").size());
    assertEquals(new dev.meetscope.models.governance.Pseudonymizer(
        KEY_HEX.getBytes(StandardCharsets.US_ASCII)).keyId(), allowedRun.get("pseudonym_key_id").asText());
  }

  /** The one run_audit row a run wrote into {@code out}. */
  private static com.fasterxml.jackson.databind.JsonNode auditRow(Path out) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(out.resolve("run_audit"))) {
      files = s.filter(f -> f.toString().endsWith(".jsonl")).toList();
    }
    assertEquals(1, files.size(), files.toString());
    List<String> lines = Files.readAllLines(files.get(0)).stream().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size());
    return StreamJobTest.JSON.readTree(lines.get(0));
  }

  @Test
  void withIdentitiesNamesAppearAndAnOptedOutPersonAppearsNowhere(@TempDir Path dir) throws Exception {
    TownHall th = townHall();
    Path events = dir.resolve("events");
    writeEvents(th, events);
    List<ParticipantMeeting> people = batchAnalysis(th).participants();
    ParticipantMeeting out1 = people.stream().filter(p -> p.email() != null && !p.isHost()).findFirst()
        .orElseThrow();
    writeBrokenDelivery(events, out1);
    Path optOut = dir.resolve("opt-out.txt");
    Files.writeString(optOut, "# people who said no\n" + out1.email() + "\n");
    Path out = dir.resolve("out");
    StreamJobTest.Run run = meetscope(args(events, out, "--pseudonymKey=file:" + keyFile(dir),
        "--includeIdentities=true", "--optOut=" + optOut));
    assertEquals(ExitCodes.OK, run.exit(), run.err());

    String all = everything(out);
    assertFalse(all.contains(out1.email()), "opted-out email written");
    assertFalse(all.contains(out1.displayName()), "opted-out name written");
    assertFalse(all.contains(KEYS.participantKey(out1.participantKey())), "opted-out key written");
    List<String> names = new ArrayList<>();
    for (String line : rows(out, "participant_meeting")) {
      JsonNode n = StreamJobTest.JSON.readTree(line);
      names.add(n.path("display_name").asText(null));
    }
    assertEquals(people.size() - 1, names.size());
    for (ParticipantMeeting p : people) {
      if (p != out1 && p.displayName() != null) {
        assertTrue(names.contains(p.displayName()), p.displayName() + " missing from " + names);
      }
    }
    // They still count in the meeting's totals.
    JsonNode meeting = StreamJobTest.JSON.readTree(rows(out, "meeting").get(0));
    assertEquals(batchAnalysis(th).meeting().participants().intValue(), meeting.get("participants").asInt());
  }

  @Test
  void badGovernanceOptionsStopTheRunWithExitCode2(@TempDir Path dir) throws Exception {
    Path events = Files.createDirectories(dir.resolve("events"));
    StreamJobTest.Run noFile = meetscope(args(events, dir.resolve("o1"), "--optOut=" + dir.resolve("missing.txt")));
    assertEquals(ExitCodes.BAD_OPTIONS, noFile.exit(), noFile.err());
    assertTrue(noFile.err().contains("--optOut"), noFile.err());
    Path bad = dir.resolve("bad.txt");
    Files.writeString(bad, "email:\n");
    StreamJobTest.Run badLine = meetscope(args(events, dir.resolve("o2"), "--optOut=" + bad));
    assertEquals(ExitCodes.BAD_OPTIONS, badLine.exit(), badLine.err());
    StreamJobTest.Run noKey = meetscope(args(events, dir.resolve("o3"), "--pseudonymKey=file:" + dir.resolve("k")));
    assertEquals(ExitCodes.BAD_OPTIONS, noKey.exit(), noKey.err());
    assertTrue(noKey.err().contains("--pseudonymKey"), noKey.err());
    StreamJobTest.Run pasted = meetscope(args(events, dir.resolve("o4"), "--pseudonymKey=" + KEY_HEX));
    assertEquals(ExitCodes.BAD_OPTIONS, pasted.exit(), pasted.err());
    assertFalse(pasted.err().contains(KEY_HEX), "a pasted key is echoed");
  }
}
