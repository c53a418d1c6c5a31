package dev.meetscope.transforms.nlp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.meetscope.models.analytics.MetricsVersion;
import dev.meetscope.models.analytics.MeetingSpan;
import dev.meetscope.models.record.ActionItemRow;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.MeetingTopic;
import dev.meetscope.models.record.PersonText;
import dev.meetscope.models.record.TextMinute;
import dev.meetscope.models.record.Utterance;
import dev.meetscope.models.record.UtteranceSentiment;
import dev.meetscope.transforms.schema.RecordCoders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.Rule;
import org.junit.Test;

/** The composite on a small meeting: every output asserted. */
public class AnalyzeTextTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static final Instant REC = Instant.parse("2026-03-02T15:00:00Z");

  private static Utterance cue(int line, long startMs, String speaker, String text) {
    return new Utterance("m1", "t.vtt", line, "cloud_transcript", line, speaker, false, "recording_offset", startMs,
        startMs + 3000, REC.plusMillis(startMs), text, List.of());
  }

  private static ChatMessage chat(int line, long offsetMs, String sender, String kind, boolean isPrivate,
      String text) {
    return new ChatMessage("m1", "chat.txt", line, "cloud_chat", "cloud", sender, isPrivate ? "Ada Example" : null,
        kind, isPrivate, text, null, "recording_offset", offsetMs, null, null, REC.plusMillis(offsetMs), List.of());
  }

  @Test
  public void sentimentTopicsActionItemsPeopleAndMinutes() {
    List<Utterance> cues = new ArrayList<>();
    String[] budget = {"The travel budget is over the forecast this quarter.",
        "Finance flagged a variance in the software licenses.", "The invoices are still unpaid.",
        "The forecast assumes the licenses stay flat."};
    String[] hiring = {"We have three candidates in the interview loop.", "The recruiter wants a new job description.",
        "The interview scorecards are missing.", "Our best candidate has a competing offer."};
    int line = 1;
    for (int i = 0; i < 16; i++) {
      cues.add(cue(line++, i * 15_000L, "Ada Example", budget[i % 4]));
    }
    for (int i = 0; i < 16; i++) {
      cues.add(cue(line++, 240_000 + i * 15_000L, "Grace Sample", hiring[i % 4]));
    }
    cues.add(cue(line++, 490_000, "Ada Example", "I'll send the deck by Friday."));
    List<ChatMessage> chats = List.of(
        chat(1, 30_000, "Lee Placeholder", "message", false, "thx 👍"),
        chat(2, 31_000, "Lee Placeholder", "reaction", false, "👍"),
        chat(3, 32_000, "Lee Placeholder", "message", true, "this is private, never analysed"),
        chat(4, 300_000, "Grace Sample", "reply", false, "Can you follow up with legal?"));
    MeetingSpan span = new MeetingSpan(REC.toEpochMilli(), REC.toEpochMilli() + 10 * 60_000L, true, "manifest",
        "manifest");

    PCollectionTuple input = PCollectionTuple
        .of(AnalyzeText.UTTERANCES, pipeline.apply("Cues", Create.of(cues).withCoder(RecordCoders.of(Utterance.class))))
        .and(AnalyzeText.CHAT_MESSAGES, pipeline.apply("Chats",
            Create.of(chats).withCoder(RecordCoders.of(ChatMessage.class))))
        .and(AnalyzeText.MANIFESTS, pipeline.apply("Manifests", Create.of(KV.of("m1", MeetingManifest.empty()))
            .withCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(MeetingManifest.class)))))
        .and(AnalyzeText.SPANS, pipeline.apply("Spans", Create.of(KV.of("m1", span))
            .withCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(MeetingSpan.class)))));
    PCollectionTuple out = input.apply(AnalyzeText.create());

    PAssert.that(out.get(AnalyzeText.SENTIMENTS)).satisfies(rows -> {
      List<UtteranceSentiment> all = new ArrayList<>();
      rows.forEach(all::add);
      assertEquals("33 cues + 2 public chat messages (no reaction, no private message)", 35, all.size());
      UtteranceSentiment thx = all.stream().filter(r -> r.source().equals("chat") && r.sourceLine() == 1)
          .findFirst().orElseThrow();
      assertEquals(2, thx.words());
      assertEquals(1, thx.emoji());
      assertTrue(thx.sentiment() > 0.6);
      return null;
    });
    PAssert.that(out.get(AnalyzeText.DEAD_LETTERS)).empty();
    PAssert.that(out.get(AnalyzeText.ACTION_ITEMS)).containsInAnyOrder(
        new ActionItemRow("m1", "utterance", "t.vtt", 33, "Ada Example", REC.plusMillis(490_000), 490_000L,
            "I'll send the deck by Friday.", "send the deck", "Ada Example", true, "by Friday", true, "self", MetricsVersion.CURRENT),
        new ActionItemRow("m1", "chat", "chat.txt", 4, "Grace Sample", REC.plusMillis(300_000), 300_000L,
            "Can you follow up with legal?", "follow up with legal", null, false, null, false, "request", MetricsVersion.CURRENT));
    PAssert.that(out.get(AnalyzeText.MEETING_TOPICS)).satisfies(rows -> {
      List<MeetingTopic> all = new ArrayList<>();
      rows.forEach(all::add);
      all.sort((a, b) -> a.topicId() - b.topicId());
      assertEquals(all.toString(), 2, all.size());
      assertTrue(all.get(0).label(), all.get(0).keywords().stream().anyMatch(k -> k.equals("forecast")
          || k.equals("invoice") || k.contains("licens") || k.equals("variance")));
      assertTrue(all.get(1).label(), all.get(1).keywords().stream().anyMatch(k -> k.equals("candidate")
          || k.equals("recruiter") || k.contains("interview") || k.contains("scorecard")));
      assertEquals(0.0, all.get(0).timeRanges().get(0).startSeconds(), 0);
      assertEquals(240.0, all.get(0).timeRanges().get(0).endSeconds(), 0);
      assertEquals("Ada Example", all.get(0).contributors().get(0).speakerLabel());
      assertEquals("Grace Sample", all.get(1).contributors().get(0).speakerLabel());
      return null;
    });
    PAssert.that(out.get(AnalyzeText.PERSON_TEXT)).satisfies(rows -> {
      List<PersonText> all = new ArrayList<>();
      rows.forEach(all::add);
      all.sort((a, b) -> a.speakerLabel().compareTo(b.speakerLabel()));
      assertEquals(List.of("Ada Example", "Grace Sample", "Lee Placeholder"),
          all.stream().map(PersonText::speakerLabel).toList());
      assertEquals(1, all.get(0).keyTopicsContributed().size());
      assertEquals(1, all.get(1).keyTopicsContributed().size());
      assertEquals(List.of(), all.get(2).keyTopicsContributed());
      assertEquals(Integer.valueOf(2), all.get(2).sentimentWords());
      return null;
    });
    PAssert.that(out.get(AnalyzeText.TEXT_MINUTES)).satisfies(rows -> {
      List<TextMinute> all = new ArrayList<>();
      rows.forEach(all::add);
      all.sort((a, b) -> a.minuteIndex() - b.minuteIndex());
      assertEquals("one row per minute of the span", 10, all.size());
      assertEquals(REC, all.get(0).minuteStart());
      assertEquals(Integer.valueOf(1), all.get(0).topicId());
      assertEquals(Integer.valueOf(2), all.get(5).topicId());
      assertNull("minutes 8–9: one short commitment, no topic", all.get(9).topicId());
      return null;
    });
    pipeline.run().waitUntilFinish();
  }
}
