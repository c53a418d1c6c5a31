package dev.meetscope.transforms.parse;

import dev.meetscope.models.parse.InputFile;
import dev.meetscope.models.parse.MeetingFolderParser;
import dev.meetscope.models.parse.ParsedMeeting;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.FileStat;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.Utterance;
import dev.meetscope.transforms.schema.RecordCoders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads each meeting folder's files and parses them into typed records with {@link MeetingFolderParser}.
 * Outputs are exposed by the public tags; every record read ends in exactly one of the record outputs or
 * {@link #DEAD_LETTERS}, and {@link #FILE_STATS} says per file how many went where.
 *
 * <p>Counters: namespace {@code parse.<format>}, names {@code files}, {@code records_read},
 * {@code parsed}, {@code dead_lettered}.
 */
public final class ParseMeetingFolders
    extends PTransform<PCollection<KV<String, Iterable<MatchResult.Metadata>>>, PCollectionTuple> {

  public static final TupleTag<ParticipantSession> SESSIONS = new TupleTag<>() {};
  public static final TupleTag<Utterance> UTTERANCES = new TupleTag<>() {};
  public static final TupleTag<ChatMessage> CHAT_MESSAGES = new TupleTag<>() {};
  public static final TupleTag<MeetingEvent> EVENTS = new TupleTag<>() {};
  public static final TupleTag<KV<String, MeetingManifest>> MANIFESTS = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};
  public static final TupleTag<FileStat> FILE_STATS = new TupleTag<>() {};

  private final String defaultTimeZone;
  private final List<String> chatKeywords;

  private ParseMeetingFolders(String defaultTimeZone, List<String> chatKeywords) {
    this.defaultTimeZone = defaultTimeZone;
    this.chatKeywords = chatKeywords;
  }

  public static ParseMeetingFolders create() {
    return new ParseMeetingFolders("UTC", List.of());
  }

  /** Zone of local report, chat and caption times when a folder's manifest gives none. */
  public ParseMeetingFolders withDefaultTimeZone(String zoneId) {
    ZoneId.of(zoneId); // fail fast on a bad zone
    return new ParseMeetingFolders(zoneId, chatKeywords);
  }

  /** Localised "From" keywords of local saved chat; empty keeps the defaults (From, De). */
  public ParseMeetingFolders withChatKeywords(List<String> keywords) {
    return new ParseMeetingFolders(defaultTimeZone, List.copyOf(keywords));
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, Iterable<MatchResult.Metadata>>> folders) {
    PCollectionTuple out = folders.apply("ParseMeetingFolder",
        ParDo.of(new ParseFolderFn(defaultTimeZone, new ArrayList<>(chatKeywords)))
            .withOutputTags(SESSIONS, TupleTagList.of(List.of(UTTERANCES, CHAT_MESSAGES, EVENTS,
                MANIFESTS, DEAD_LETTERS, FILE_STATS))));
    out.get(SESSIONS).setCoder(RecordCoders.of(ParticipantSession.class));
    out.get(UTTERANCES).setCoder(RecordCoders.of(Utterance.class));
    out.get(CHAT_MESSAGES).setCoder(RecordCoders.of(ChatMessage.class));
    out.get(EVENTS).setCoder(RecordCoders.of(MeetingEvent.class));
    out.get(MANIFESTS).setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(MeetingManifest.class)));
    out.get(DEAD_LETTERS).setCoder(RecordCoders.of(DeadLetter.class));
    out.get(FILE_STATS).setCoder(RecordCoders.of(FileStat.class));
    return out;
  }

  static final class ParseFolderFn extends DoFn<KV<String, Iterable<MatchResult.Metadata>>, ParticipantSession> {
    private final String defaultTimeZone;
    private final ArrayList<String> chatKeywords;
    private transient MeetingFolderParser parser;

    ParseFolderFn(String defaultTimeZone, ArrayList<String> chatKeywords) {
      this.defaultTimeZone = defaultTimeZone;
      this.chatKeywords = chatKeywords;
    }

    @Setup
    public void setup() {
      parser = new MeetingFolderParser(ZoneId.of(defaultTimeZone), chatKeywords);
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<MatchResult.Metadata>> folder, MultiOutputReceiver out)
        throws IOException {
      List<InputFile> files = new ArrayList<>();
      for (MatchResult.Metadata m : folder.getValue()) {
        files.add(new InputFile(m.resourceId().toString(), readAll(m)));
      }
      String folderPath = folder.getKey();
      String folderName = MatchMeetingFiles.fileName(folderPath);
      ParsedMeeting parsed = parser.parse(folderName.isEmpty() ? folderPath : folderName, files);

      parsed.sessions().forEach(out.get(SESSIONS)::output);
      parsed.utterances().forEach(out.get(UTTERANCES)::output);
      parsed.chatMessages().forEach(out.get(CHAT_MESSAGES)::output);
      parsed.events().forEach(out.get(EVENTS)::output);
      out.get(MANIFESTS).output(KV.of(parsed.meetingKey(), parsed.manifest()));
      parsed.deadLetters().forEach(out.get(DEAD_LETTERS)::output);
      for (FileStat stat : parsed.fileStats()) {
        out.get(FILE_STATS).output(stat);
        String ns = "parse." + stat.format();
        counter(ns, "files").inc();
        counter(ns, "records_read").inc(stat.recordsRead());
        counter(ns, "parsed").inc(stat.recordsParsed());
        counter(ns, "dead_lettered").inc(stat.recordsDeadLettered());
      }
    }

    private static Counter counter(String namespace, String name) {
      return Metrics.counter(namespace, name);
    }

    private static byte[] readAll(MatchResult.Metadata m) throws IOException {
      try (InputStream in = Channels.newInputStream(FileSystems.open(m.resourceId()))) {
        return in.readAllBytes();
      }
    }
  }
}
