package dev.meetscope.transforms.governance;

import static dev.meetscope.transforms.governance.ApplyGovernanceTest.cue;
import static dev.meetscope.transforms.governance.ApplyGovernanceTest.session;

import dev.meetscope.models.governance.Pseudonymizer;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.Utterance;
import dev.meetscope.transforms.schema.RecordCoders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@link ProtectIdentities}: names and emails out of every row by default, in host tables on request. */
public class ProtectIdentitiesTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  private static final String KEY = "protect-test-key-0123456789abcdef";

  private PCollectionTuple outputs(boolean includeIdentities) throws IOException {
    Path keyFile = tmp.newFile().toPath();
    Files.writeString(keyFile, KEY, StandardCharsets.UTF_8);
    return PCollectionTuple
        .of(ProtectIdentities.SESSIONS, pipeline.apply("S", Create.of(
            session("m", "Dana Host", "dana@example.com", 2), session("m", "Ada Example", null, 3)))
            .setCoder(RecordCoders.of(ParticipantSession.class)))
        .and(ProtectIdentities.UTTERANCES, pipeline.apply("U", Create.of(
            cue("m", "Ada Example", "Dana Host sent it to grace@example.org", 1)))
            .setCoder(RecordCoders.of(Utterance.class)))
        .and(ProtectIdentities.DEAD_LETTERS, pipeline.apply("D", Create.of(
            new DeadLetter("m", "parse", "participant_csv", "/in/m/p.csv", 4L, null, "CSV_BAD_TIME", "bad",
                "Ada Example,,99:99"),
            new DeadLetter(null, "parse", "unknown", "/in/x", null, null, "UNKNOWN_FORMAT", "unknown",
                "ping zoe@example.net")))
            .setCoder(RecordCoders.of(DeadLetter.class)))
        .apply(ProtectIdentities.with(PseudonymKey.of("file:" + keyFile), includeIdentities));
  }

  @Test
  public void byDefaultNoRowCarriesANameOrAnEmail() throws IOException {
    PCollectionTuple out = outputs(false);
    Pseudonymizer keys = new Pseudonymizer(KEY.getBytes(StandardCharsets.UTF_8));
    PAssert.that(out.get(ProtectIdentities.SESSIONS).apply("Sessions", MapElements
        .into(TypeDescriptors.strings()).via(s -> s.displayName() + " " + s.email())))
        .containsInAnyOrder("null null", "null null");
    PAssert.that(out.get(ProtectIdentities.UTTERANCES).apply("Cues", MapElements
        .into(TypeDescriptors.strings()).via(u -> u.speakerLabel() + ": " + u.text())))
        .containsInAnyOrder(keys.participantKey("name:m:ada example") + ": [redacted] sent it to [redacted]");
    PAssert.that(out.get(ProtectIdentities.DEAD_LETTERS).apply("DeadLetters", MapElements
        .into(TypeDescriptors.strings()).via(DeadLetter::rawText)))
        .containsInAnyOrder("[redacted],,99:99", "ping [redacted]");
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void includeIdentitiesKeepsThemInHostTablesButNeverInDeadLetters() throws IOException {
    PCollectionTuple out = outputs(true);
    PAssert.that(out.get(ProtectIdentities.SESSIONS).apply("Sessions", MapElements
        .into(TypeDescriptors.strings()).via(s -> s.displayName() + " " + s.email())))
        .containsInAnyOrder("Dana Host dana@example.com", "Ada Example null");
    PAssert.that(out.get(ProtectIdentities.UTTERANCES).apply("Cues", MapElements
        .into(TypeDescriptors.strings()).via(u -> u.speakerLabel() + ": " + u.text())))
        .containsInAnyOrder("Ada Example: Dana Host sent it to grace@example.org");
    PAssert.that(out.get(ProtectIdentities.DEAD_LETTERS).apply("DeadLetters", MapElements
        .into(TypeDescriptors.strings()).via(DeadLetter::rawText)))
        .containsInAnyOrder("[redacted],,99:99", "ping [redacted]");
    pipeline.run().waitUntilFinish();
  }
}
