package dev.meetscope.transforms.analytics;

import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.FileStat;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.Utterance;
import dev.meetscope.transforms.parse.ParseMeetingFolders;
import dev.meetscope.transforms.schema.RecordCoders;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Brings the parsed records of each meeting occurrence together: one {@link CoGbkResult} per meeting key,
 * read with the public tags below. This is the only per-meeting grouping of the analysis, and it groups the
 * inputs (sessions, cues, chat, events, manifest, file statistics), never the output rows: identity
 * resolution and turn-taking need the whole meeting at once.
 *
 * <p>Input: the output tuple of {@link ParseMeetingFolders}; of its tags, {@code SESSIONS},
 * {@code UTTERANCES}, {@code CHAT_MESSAGES}, {@code EVENTS}, {@code MANIFESTS} and {@code FILE_STATS} are
 * read, and a missing one counts as empty (a test or another source may provide only some).
 */
public final class GroupMeetingRecords
    extends PTransform<PCollectionTuple, PCollection<KV<String, CoGbkResult>>> {

  public static final TupleTag<ParticipantSession> SESSIONS = new TupleTag<>() {};
  public static final TupleTag<Utterance> UTTERANCES = new TupleTag<>() {};
  public static final TupleTag<ChatMessage> CHAT_MESSAGES = new TupleTag<>() {};
  public static final TupleTag<MeetingEvent> EVENTS = new TupleTag<>() {};
  public static final TupleTag<MeetingManifest> MANIFESTS = new TupleTag<>() {};
  public static final TupleTag<FileStat> FILE_STATS = new TupleTag<>() {};

  private GroupMeetingRecords() {}

  public static GroupMeetingRecords create() {
    return new GroupMeetingRecords();
  }

  @Override
  public PCollection<KV<String, CoGbkResult>> expand(PCollectionTuple parsed) {
    PCollection<KV<String, MeetingManifest>> manifests = parsed.has(ParseMeetingFolders.MANIFESTS)
        ? parsed.get(ParseMeetingFolders.MANIFESTS)
        : parsed.getPipeline().apply("NoManifests", Create.empty(
            KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(MeetingManifest.class))));
    return KeyedPCollectionTuple
        .of(SESSIONS, keyed(parsed, ParseMeetingFolders.SESSIONS, ParticipantSession.class, "Sessions",
            ParticipantSession::meetingKey))
        .and(UTTERANCES, keyed(parsed, ParseMeetingFolders.UTTERANCES, Utterance.class, "Utterances",
            Utterance::meetingKey))
        .and(CHAT_MESSAGES, keyed(parsed, ParseMeetingFolders.CHAT_MESSAGES, ChatMessage.class,
            "ChatMessages", ChatMessage::meetingKey))
        .and(EVENTS, keyed(parsed, ParseMeetingFolders.EVENTS, MeetingEvent.class, "Events",
            MeetingEvent::meetingKey))
        .and(MANIFESTS, manifests)
        .and(FILE_STATS, keyed(parsed, ParseMeetingFolders.FILE_STATS, FileStat.class, "FileStats",
            FileStat::meetingKey))
        .apply("CoGroupByMeeting", CoGroupByKey.create());
  }

  private static <T> PCollection<KV<String, T>> keyed(PCollectionTuple parsed, TupleTag<T> tag,
      Class<T> type, String name, SerializableFunction<T, String> meetingKey) {
    KvCoder<String, T> coder = KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(type));
    if (!parsed.has(tag)) {
      return parsed.getPipeline().apply("No" + name, Create.empty(coder));
    }
    SerializableFunction<T, String> key = r -> {
      String k = meetingKey.apply(r);
      return k == null ? "" : k;
    };
    return parsed.get(tag)
        .apply("Key" + name + "ByMeeting", WithKeys.of(key).withKeyType(TypeDescriptors.strings()))
        .setCoder(coder);
  }
}
