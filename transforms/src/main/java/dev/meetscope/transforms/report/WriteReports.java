package dev.meetscope.transforms.report;

import dev.meetscope.models.record.ActionItemRow;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.MeetingAnomaly;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.MeetingTopic;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.SeriesTrend;
import dev.meetscope.models.record.TimelineMinute;
import dev.meetscope.models.report.IndexPage;
import dev.meetscope.models.report.MeetingPage;
import dev.meetscope.transforms.schema.RecordCoders;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * The HTML reports under {@code <output>/reports/} (docs/reports.md): one page per meeting for its host
 * ({@code meetings/<meeting key>.html}) and {@code index.html} listing them. Pages are rendered by
 * {@link MeetingPage} and {@link IndexPage} and written with Beam's {@link FileSystems}, so local paths and
 * {@code gs://} both work; a rerun overwrites the same files.
 *
 * <p>Input tags: {@link #MEETINGS}, {@link #PARTICIPANTS}, {@link #TIMELINE} (required), {@link #TOPICS},
 * {@link #ACTION_ITEMS}, {@link #ANOMALIES}, {@link #SERIES} (optional). Output tag: {@link #DEAD_LETTERS} (a page
 * that could not be rendered or written, stage {@code report}); pages written are counted
 * ({@code report/pages_written}).
 */
public final class WriteReports extends PTransform<PCollectionTuple, PCollectionTuple> {
  public static final TupleTag<MeetingSummary> MEETINGS = new TupleTag<>() {};
  public static final TupleTag<ParticipantMeeting> PARTICIPANTS = new TupleTag<>() {};
  public static final TupleTag<TimelineMinute> TIMELINE = new TupleTag<>() {};
  public static final TupleTag<MeetingTopic> TOPICS = new TupleTag<>() {};
  public static final TupleTag<ActionItemRow> ACTION_ITEMS = new TupleTag<>() {};
  public static final TupleTag<MeetingAnomaly> ANOMALIES = new TupleTag<>() {};
  public static final TupleTag<SeriesTrend> SERIES = new TupleTag<>() {};

  private static final Counter PAGES_WRITTEN = Metrics.counter("report", "pages_written");
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};

  private static final String STAGE = "report";
  private static final TupleTag<MeetingSummary> K_MEETING = new TupleTag<>() {};
  private static final TupleTag<ParticipantMeeting> K_PEOPLE = new TupleTag<>() {};
  private static final TupleTag<TimelineMinute> K_MINUTES = new TupleTag<>() {};
  private static final TupleTag<MeetingTopic> K_TOPICS = new TupleTag<>() {};
  private static final TupleTag<ActionItemRow> K_ACTIONS = new TupleTag<>() {};
  private static final TupleTag<MeetingAnomaly> K_ANOMALIES = new TupleTag<>() {};
  private static final TupleTag<SeriesTrend> K_SERIES = new TupleTag<>() {};
  private static final TupleTag<String> K_HOSTS = new TupleTag<>() {};

  private final String reportsFolder;
  private final boolean identities;

  private WriteReports(String reportsFolder, boolean identities) {
    this.reportsFolder = reportsFolder;
    this.identities = identities;
  }

  /** Writes under {@code <output>/reports/}; names stay out unless {@link #withIdentities} says otherwise. */
  public static WriteReports to(String output) {
    return new WriteReports((output.endsWith("/") ? output : output + "/") + "reports/", false);
  }

  /** Show display names (host-facing reports only, with {@code --includeIdentities=true}). */
  public WriteReports withIdentities(boolean value) {
    return new WriteReports(reportsFolder, value);
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple in) {
    var pipeline = in.getPipeline();
    PCollection<KV<String, MeetingSummary>> meetings = keyed(in.get(MEETINGS), "Meetings", MeetingSummary.class,
        MeetingSummary::meetingKey);
    PCollection<KV<String, ParticipantMeeting>> people = keyed(in.get(PARTICIPANTS), "People",
        ParticipantMeeting.class, ParticipantMeeting::meetingKey);
    PCollection<KV<String, TimelineMinute>> minutes = keyed(in.get(TIMELINE), "Minutes", TimelineMinute.class,
        TimelineMinute::meetingKey);
    PCollection<KV<String, MeetingTopic>> topics = keyed(optional(in, TOPICS, MeetingTopic.class, "NoTopics"),
        "Topics", MeetingTopic.class, MeetingTopic::meetingKey);
    PCollection<KV<String, ActionItemRow>> actions = keyed(optional(in, ACTION_ITEMS, ActionItemRow.class,
        "NoActionItems"), "ActionItems", ActionItemRow.class, ActionItemRow::meetingKey);
    PCollection<MeetingAnomaly> anomalyRows = optional(in, ANOMALIES, MeetingAnomaly.class, "NoAnomalies");
    PCollection<SeriesTrend> seriesRows = optional(in, SERIES, SeriesTrend.class, "NoSeries");
    PCollection<KV<String, MeetingAnomaly>> anomalies = keyed(anomalyRows, "Anomalies", MeetingAnomaly.class,
        MeetingAnomaly::meetingKey);

    PCollection<DeadLetter> pages = KeyedPCollectionTuple.of(K_MEETING, meetings).and(K_PEOPLE, people)
        .and(K_MINUTES, minutes).and(K_TOPICS, topics).and(K_ACTIONS, actions).and(K_ANOMALIES, anomalies)
        .apply("GroupMeetingReportInputs", CoGroupByKey.create())
        .apply("WriteMeetingPages", ParDo.of(new MeetingPageFn(reportsFolder, identities)));

    // The index needs every meeting: a few numbers each, gathered under one key.
    // Host names only when identities may be shown; the empty entry makes the index exist with no meetings.
    PCollection<KV<String, String>> hostNames = people
        .apply("HostNames", org.apache.beam.sdk.transforms.FlatMapElements
            .into(new TypeDescriptor<KV<String, String>>() {})
            .via((KV<String, ParticipantMeeting> kv) -> identities && Boolean.TRUE.equals(kv.getValue().isHost())
                && kv.getValue().displayName() != null
                ? List.of(KV.of("index", kv.getKey() + "\u0000" + kv.getValue().displayName())) : List.of()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
    PCollection<KV<String, String>> alwaysIndex = pipeline.apply("IndexEvenWithoutMeetings",
        Create.of(KV.of("index", "\u0000")).withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())));
    PCollection<DeadLetter> index = KeyedPCollectionTuple
        .of(K_MEETING, toIndexKey(in.get(MEETINGS), "IndexMeetings", MeetingSummary.class))
        .and(K_ANOMALIES, toIndexKey(anomalyRows, "IndexAnomalies", MeetingAnomaly.class))
        .and(K_SERIES, toIndexKey(seriesRows, "IndexSeries", SeriesTrend.class))
        .and(K_HOSTS, PCollectionList.of(hostNames).and(alwaysIndex).apply("IndexHosts", Flatten.pCollections()))
        .apply("GroupIndexInputs", CoGroupByKey.create())
        .apply("WriteIndexPage", ParDo.of(new IndexPageFn(reportsFolder)));

    return PCollectionTuple
        .of(DEAD_LETTERS, PCollectionList.of(pages.setCoder(RecordCoders.of(DeadLetter.class)))
            .and(index.setCoder(RecordCoders.of(DeadLetter.class)))
            .apply("FlattenReportDeadLetters", Flatten.pCollections()));
  }

  private static <T> PCollection<T> optional(PCollectionTuple in, TupleTag<T> tag, Class<T> type, String name) {
    return in.has(tag) ? in.get(tag)
        : in.getPipeline().apply(name, Create.empty(RecordCoders.of(type)));
  }

  private static <T> PCollection<KV<String, T>> keyed(PCollection<T> rows, String name, Class<T> type,
      org.apache.beam.sdk.transforms.SerializableFunction<T, String> key) {
    return rows.apply("Key" + name, MapElements.into(new TypeDescriptor<KV<String, T>>() {})
            .via((T row) -> KV.of(key.apply(row), row)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(type)));
  }

  private static <T> PCollection<KV<String, T>> toIndexKey(PCollection<T> rows, String name, Class<T> type) {
    return rows.apply(name, MapElements.into(new TypeDescriptor<KV<String, T>>() {}).via((T row) -> KV.of("index", row)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(type)));
  }

  static void write(String path, String html) throws IOException {
    ResourceId file = FileSystems.matchNewResource(path, false);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(file, "text/html"))) {
      out.write(html.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static <T> List<T> all(CoGbkResult r, TupleTag<T> tag) {
    List<T> list = new ArrayList<>();
    r.getAll(tag).forEach(list::add);
    return list;
  }

  static DeadLetter deadLetter(String meetingKey, String path, Exception e) {
    return new DeadLetter(meetingKey, STAGE, "html_report", path, null, null, "REPORT_FAILED",
        e.getClass().getSimpleName() + ": " + e.getMessage(), meetingKey);
  }

  /** Renders and writes one meeting's page. */
  static final class MeetingPageFn extends DoFn<KV<String, CoGbkResult>, DeadLetter> {
    private final String folder;
    private final boolean identities;

    MeetingPageFn(String folder, boolean identities) {
      this.folder = folder;
      this.identities = identities;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, OutputReceiver<DeadLetter> failed) {
      CoGbkResult r = e.getValue();
      for (MeetingSummary meeting : r.getAll(K_MEETING)) {
        String path = folder + "meetings/" + MeetingPage.fileName(meeting.meetingKey());
        try {
          write(path, new MeetingPage(meeting, all(r, K_PEOPLE), all(r, K_MINUTES), all(r, K_TOPICS),
              all(r, K_ACTIONS), all(r, K_ANOMALIES), identities).render());
          PAGES_WRITTEN.inc();
        } catch (IOException | RuntimeException ex) {
          failed.output(deadLetter(meeting.meetingKey(), path, ex));
        }
      }
    }
  }

  /** Renders and writes {@code index.html}. */
  static final class IndexPageFn extends DoFn<KV<String, CoGbkResult>, DeadLetter> {
    private final String folder;

    IndexPageFn(String folder) {
      this.folder = folder;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, OutputReceiver<DeadLetter> failed) {
      CoGbkResult r = e.getValue();
      Map<String, String> hosts = new HashMap<>();
      for (String h : r.getAll(K_HOSTS)) {
        String[] parts = h.split("\u0000", 2);
        if (!parts[0].isEmpty() && !parts[1].isEmpty()) {
          hosts.put(parts[0], parts[1]);
        }
      }
      String path = folder + "index.html";
      try {
        write(path, new IndexPage(all(r, K_MEETING), hosts, all(r, K_ANOMALIES), all(r, K_SERIES)).render());
        PAGES_WRITTEN.inc();
      } catch (IOException | RuntimeException ex) {
        failed.output(deadLetter(null, path, ex));
      }
    }
  }
}
