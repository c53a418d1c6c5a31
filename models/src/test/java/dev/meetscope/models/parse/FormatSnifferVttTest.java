package dev.meetscope.models.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Content sniffing of transcript and caption files: the file name is never consulted. */
class FormatSnifferVttTest {
  private static final Path MEETINGS = Path.of("..", "fixtures", "meetings");

  private static String fixture(String relative) throws IOException {
    return new String(Files.readAllBytes(MEETINGS.resolve(relative)), StandardCharsets.UTF_8);
  }

  @Test
  void transcriptSavedAsTxtIsATranscript() throws IOException {
    assertEquals(InputFormat.CLOUD_TRANSCRIPT,
        FormatSniffer.sniff(fixture("transcript-only/GMT20260302-150002_Recording.transcript.txt")));
  }

  @Test
  void malformedVttFixturesGoToTheVttReader() throws IOException {
    assertEquals(InputFormat.CLOUD_TRANSCRIPT, FormatSniffer.sniff(fixture("malformed/truncated.vtt")));
    assertEquals(InputFormat.CLOUD_TRANSCRIPT,
        FormatSniffer.sniff(fixture("malformed/bad-timestamp.transcript.vtt")));
    // Headerless: still handed to the VTT reader, which dead-letters it as VTT_NO_HEADER.
    assertEquals(InputFormat.CLOUD_TRANSCRIPT, FormatSniffer.sniff(fixture("malformed/no-header.vtt")));
  }

  @Test
  void transcriptWithBomIsATranscript() {
    assertEquals(InputFormat.CLOUD_TRANSCRIPT, FormatSniffer.sniff(
        "\uFEFFWEBVTT\r\n\r\n1\r\n00:00:01.000 --> 00:00:02.000\r\nAda Example: Hi.\r\n"));
  }

  @Test
  void transcriptWithoutCueIdsButWithSpeakersIsATranscript() {
    assertEquals(InputFormat.CLOUD_TRANSCRIPT, FormatSniffer.sniff("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n"
        + "Ada Example: Hi.\n\n00:00:03.000 --> 00:00:04.000\nGrace Sample: Hello.\n"));
  }

  @Test
  void cloudClosedCaptionsAreClosedCaptions() {
    assertEquals(InputFormat.CLOSED_CAPTION, FormatSniffer.sniff("WEBVTT\r\n\r\n00:01:08.000 --> 00:01:09.000\r\n"
        + "That one doesn't.\r\n\r\n00:01:10.000 --> 00:01:11.000\r\nRight.\r\n\r\n"));
  }

  @Test
  void localSavedCaptionsFixtureIsLocalCaptions() throws IOException {
    assertEquals(InputFormat.LOCAL_SAVED_CAPTIONS,
        FormatSniffer.sniff(fixture("captions-local/meeting_saved_closed_caption.txt")));
  }

  @Test
  void localSavedCaptionsVariantsAreLocalCaptions() {
    assertEquals(InputFormat.LOCAL_SAVED_CAPTIONS,
        FormatSniffer.sniff("[Dana Host] 19:00:25\r\nHello! Um, so…\r\n\r\n"));
    assertEquals(InputFormat.LOCAL_SAVED_CAPTIONS,
        FormatSniffer.sniff("[山田　花子] 19:00:25\nこんにちは\n"));
    assertEquals(InputFormat.LOCAL_SAVED_CAPTIONS,
        FormatSniffer.sniff("[Ada Example] 19:00:25: single-line form\n"));
  }

  @Test
  void manifestNextToCaptionsIsAManifest() throws IOException {
    assertEquals(InputFormat.MANIFEST, FormatSniffer.sniff(fixture("captions-local/meeting.json")));
  }
}
