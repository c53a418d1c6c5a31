package dev.meetscope.transforms.governance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import dev.meetscope.models.governance.InvalidOptionException;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.FileStat;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.Utterance;
import dev.meetscope.transforms.parse.ParseMeetingFolders;
import dev.meetscope.transforms.schema.RecordCoders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@link ApplyGovernance} on two meetings: {@code ok} (manifest consent; Ada opted out) and {@code no}
 * (no consent: skipped, its file counted as skipped). Expected values are read off the inputs below.
 */
public class ApplyGovernanceTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  static final Instant T = Instant.parse("2026-03-02T15:00:00Z");

  static ParticipantSession session(String meeting, String name, String email, long line) {
    return new ParticipantSession(meeting, "/in/" + meeting + "/participants.csv", line, "participant_csv",
        null, null, name, null, email, null, null, null, null, null, T, T.plusSeconds(600), 600L, false,
        null, null, null, null, List.of());
  }

  static Utterance cue(String meeting, String speaker, String text, long line) {
    return new Utterance(meeting, "/in/" + meeting + "/t.vtt", line, "cloud_transcript", (int) line, speaker,
        false, "recording_offset", line * 1000, line * 1000 + 500, null, text, List.of());
  }

  static ChatMessage chat(String meeting, String sender, String text, long line) {
    return new ChatMessage(meeting, "/in/" + meeting + "/chat.txt", line, "cloud_chat", "cloud", sender, null,
        "message", false, text, null, "recording_offset", line * 1000, null, null, null, List.of());
  }

  static MeetingManifest manifest(Boolean enabled) {
    return new MeetingManifest("81234567890", null, "Weekly", "Dana Host", "dana@example.com", null, null,
        null, null, null, enabled);
  }

  private PCollectionTuple parsed(String optOut) {
    return PCollectionTuple
        .of(ParseMeetingFolders.SESSIONS, pipeline.apply("S", Create.of(
            session("ok", "Dana Host", "dana@example.com", 2), session("ok", "Ada Example", "ada@example.com", 3),
            session("no", "Grace Sample", "grace@example.com", 2)))
            .setCoder(RecordCoders.of(ParticipantSession.class)))
        .and(ParseMeetingFolders.UTTERANCES, pipeline.apply("U", Create.of(
            cue("ok", "Dana Host", "Ada Example, can you share?", 1), cue("ok", "Ada Example", "Sure.", 2),
            cue("no", "Grace Sample", "Hello.", 1)))
            .setCoder(RecordCoders.of(Utterance.class)))
        .and(ParseMeetingFolders.CHAT_MESSAGES, pipeline.apply("C", Create.of(
            chat("ok", "Ada Example", "my notes", 1), chat("ok", "Dana Host", "thanks ada@example.com", 2)))
            .setCoder(RecordCoders.of(ChatMessage.class)))
        .and(ParseMeetingFolders.EVENTS, pipeline.apply("E", Create.empty(RecordCoders.of(MeetingEvent.class))))
        .and(ParseMeetingFolders.MANIFESTS, pipeline.apply("M", Create.of(
            KV.of("ok", manifest(true)), KV.of("no", manifest(null))))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(MeetingManifest.class))))
        .and(ParseMeetingFolders.DEAD_LETTERS, pipeline.apply("D", Create.of(
            new DeadLetter("ok", "parse", "participant_csv", "/in/ok/participants.csv", 9L, null, "CSV_BAD_TIME",
                "bad time", "Ada Example,ada@example.com,99:99"),
            new DeadLetter("no", "parse", "participant_csv", "/in/no/participants.csv", 9L, null, "CSV_BAD_TIME",
                "bad time", "Grace Sample,x"),
            new DeadLetter(null, "parse", "unknown", "/in/stray.txt", null, null, "UNKNOWN_FORMAT", "unknown",
                "from Ada Example")))
            .setCoder(RecordCoders.of(DeadLetter.class)))
        .and(ParseMeetingFolders.FILE_STATS, pipeline.apply("F", Create.of(
            new FileStat("ok", "/in/ok/t.vtt", "cloud_transcript", "parsed", 100, 2, 2, 0),
            new FileStat("no", "/in/no/t.vtt", "cloud_transcript", "parsed", 50, 1, 1, 0),
            new FileStat("no", "/in/no/participants.csv", "participant_csv", "parsed", 80, 2, 1, 1)))
            .setCoder(RecordCoders.of(FileStat.class)));
  }

  @Test
  public void consentSkipsAndOptOutRemovesTextAndIdentity() throws IOException {
    Path optOut = tmp.newFile("optout.txt").toPath();
    Files.writeString(optOut, "# list\nada@example.com\n", StandardCharsets.UTF_8);
    PCollectionTuple gated = parsed(optOut.toString()).apply(ApplyGovernance.with(
        GateSettings.defaults().withOptOut(optOut.toString())));

    PAssert.that(gated.get(ParseMeetingFolders.SESSIONS).apply("SessionNames", MapElements
        .into(TypeDescriptors.strings())
        .via(s -> s.meetingKey() + " " + s.displayName() + " " + s.email() + " " + s.participantId() + " "
            + s.flags())))
        .containsInAnyOrder("ok Dana Host dana@example.com null []", "ok null null opted-out-1 [opted_out]");
    PAssert.that(gated.get(ParseMeetingFolders.UTTERANCES).apply("CueTexts", MapElements
        .into(TypeDescriptors.strings()).via(u -> u.speakerLabel() + ": " + u.text())))
        .containsInAnyOrder("Dana Host: [redacted], can you share?");
    PAssert.that(gated.get(ParseMeetingFolders.CHAT_MESSAGES).apply("ChatTexts", MapElements
        .into(TypeDescriptors.strings()).via(c -> c.senderLabel() + ": " + c.text())))
        .containsInAnyOrder("Dana Host: thanks [redacted]");
    PAssert.that(gated.get(ParseMeetingFolders.DEAD_LETTERS).apply("DeadLetterTexts", MapElements
        .into(TypeDescriptors.strings()).via(d -> d.meetingKey() + " " + d.rawText())))
        .containsInAnyOrder("ok [redacted],[redacted],99:99", "null from [redacted]");
    PAssert.that(gated.get(ParseMeetingFolders.FILE_STATS)).containsInAnyOrder(
        new FileStat("ok", "/in/ok/t.vtt", "cloud_transcript", "parsed", 100, 2, 2, 0),
        new FileStat("no", "/in/no/t.vtt", "cloud_transcript", ApplyGovernance.SKIPPED_STATUS, 50, 1, 0, 0),
        new FileStat("no", "/in/no/participants.csv", "participant_csv", ApplyGovernance.SKIPPED_STATUS, 80, 2,
            0, 0));
    PAssert.that(gated.get(ParseMeetingFolders.MANIFESTS).apply("ManifestKeys", MapElements
        .into(TypeDescriptors.strings()).via(kv -> kv.getKey() + " " + kv.getValue().hostName())))
        .containsInAnyOrder("ok Dana Host");
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void aBadOptOutLineStopsTheGraphBeforeItIsBuilt() throws IOException {
    Path optOut = tmp.newFile("bad.txt").toPath();
    Files.writeString(optOut, "email:\n", StandardCharsets.UTF_8);
    InvalidOptionException e = assertThrows(InvalidOptionException.class,
        () -> ApplyGovernance.with(GateSettings.defaults().withOptOut(optOut.toString())));
    assertEquals("--optOut", e.option());
    InvalidOptionException missing = assertThrows(InvalidOptionException.class,
        () -> ApplyGovernance.with(GateSettings.defaults().withAllowList(tmp.getRoot() + "/none.txt")));
    assertEquals("--consentAllowList", missing.option());
  }
}
