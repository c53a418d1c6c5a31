package dev.meetscope.transforms.scoring;

import dev.meetscope.models.record.MeetingAnomaly;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.PersonWeek;
import dev.meetscope.models.record.SeriesTrend;
import dev.meetscope.models.scoring.Longitudinal;
import dev.meetscope.models.scoring.Longitudinal.Attended;
import dev.meetscope.models.scoring.Longitudinal.MeetingFacts;
import dev.meetscope.models.scoring.ScoringProfile;
import dev.meetscope.transforms.schema.RecordCoders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Views across the run's meetings (docs/metrics.md, section 11): {@link #SERIES} ({@code series_trend}),
 * {@link #ANOMALIES} ({@code meeting_anomaly}) and {@link #PERSON_WEEKS} ({@code person_week}), from the scored
 * {@link ScoreMeetings#MEETINGS} and {@link ScoreMeetings#PARTICIPANTS}.
 *
 * <pre>
 * PARTICIPANTS ─ hosts ─┐
 * MEETINGS ─────────────┴ JoinHosts ─ facts ─┬─ GroupBySeries ─ SeriesTrend ─ SERIES
 *                                            └─ GroupRun (one key) ─ FindAnomalies ─ ANOMALIES
 * PARTICIPANTS + meeting starts (side input) ─ GroupByWeekBucket (week × 16 person buckets) ─ RollUpWeeks (per person) ─ PERSON_WEEKS
 * </pre>
 * Anomalies compare every meeting with every other, so the run's meeting facts (a few numbers each) meet under
 * one key; a day of even 100,000 meetings is a few MB there.
 */
public final class AnalyzeAcrossMeetings extends PTransform<PCollectionTuple, PCollectionTuple> {
  public static final TupleTag<SeriesTrend> SERIES = new TupleTag<>() {};
  public static final TupleTag<MeetingAnomaly> ANOMALIES = new TupleTag<>() {};
  public static final TupleTag<PersonWeek> PERSON_WEEKS = new TupleTag<>() {};

  private static final TupleTag<MeetingSummary> MEETING = new TupleTag<>() {};
  private static final TupleTag<String> HOST = new TupleTag<>() {};

  private final ScoringProfile profile;
  private final String metricsVersion;

  private AnalyzeAcrossMeetings(ScoringProfile profile, String metricsVersion) {
    this.profile = profile;
    this.metricsVersion = metricsVersion;
  }

  public static AnalyzeAcrossMeetings with(ScoringProfile profile, String metricsVersion) {
    return new AnalyzeAcrossMeetings(profile, metricsVersion);
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple scored) {
    PCollection<MeetingSummary> meetings = scored.get(ScoreMeetings.MEETINGS);
    PCollection<ParticipantMeeting> people = scored.get(ScoreMeetings.PARTICIPANTS);
    SerializableCoder<MeetingFacts> factsCoder = SerializableCoder.of(MeetingFacts.class);

    PCollection<KV<String, String>> hosts = people
        .apply("FilterHosts", Filter.by((ParticipantMeeting p) -> Boolean.TRUE.equals(p.isHost())))
        .apply("KeyHostsByMeeting", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
            TypeDescriptors.strings())).via((ParticipantMeeting p) -> KV.of(p.meetingKey(), p.participantKey())));
    PCollection<KV<String, MeetingSummary>> keyedMeetings = meetings
        .apply("KeyMeetings", MapElements.into(new TypeDescriptor<KV<String, MeetingSummary>>() {})
            .via((MeetingSummary m) -> KV.of(m.meetingKey(), m)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(MeetingSummary.class)));
    PCollection<MeetingFacts> facts = KeyedPCollectionTuple.of(MEETING, keyedMeetings).and(HOST, hosts)
        .apply("JoinHosts", CoGroupByKey.create())
        .apply("ToMeetingFacts", ParDo.of(new ToFactsFn()))
        .setCoder(factsCoder);

    PCollection<SeriesTrend> series = facts
        .apply("KeyBySeries", FlatMapElements.into(new TypeDescriptor<KV<String, MeetingFacts>>() {})
            .via((MeetingFacts f) -> f.meetingId() == null || f.meetingId().isBlank() ? List.of()
                : List.of(KV.of(f.meetingId(), f))))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), factsCoder))
        .apply("GroupBySeries", GroupByKey.create())
        .apply("SeriesTrend", FlatMapElements.into(TypeDescriptor.of(SeriesTrend.class))
            .via((KV<String, Iterable<MeetingFacts>> kv) -> Longitudinal.seriesTrend(list(kv.getValue()), profile,
                metricsVersion)))
        .setCoder(RecordCoders.of(SeriesTrend.class));

    PCollection<MeetingAnomaly> anomalies = facts
        .apply("KeyByRun", MapElements.into(new TypeDescriptor<KV<String, MeetingFacts>>() {})
            .via((MeetingFacts f) -> KV.of("run", f)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), factsCoder))
        .apply("GroupRun", GroupByKey.create())
        .apply("FindAnomalies", FlatMapElements.into(TypeDescriptor.of(MeetingAnomaly.class))
            .via((KV<String, Iterable<MeetingFacts>> kv) -> Longitudinal.anomalies(list(kv.getValue()), profile,
                metricsVersion)))
        .setCoder(RecordCoders.of(MeetingAnomaly.class));

    PCollectionView<Map<String, Instant>> starts = meetings
        .apply("MeetingStarts", FlatMapElements.into(new TypeDescriptor<KV<String, Instant>>() {})
            .via((MeetingSummary m) -> m.meetingStart() == null ? List.of() : List.of(KV.of(m.meetingKey(),
                m.meetingStart()))))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(Instant.class)))
        .apply("AsStartMap", View.asMap());
    PCollection<PersonWeek> weeks = people
        .apply("KeyByPersonWeek", ParDo.of(new KeyByPersonWeekFn(starts)).withSideInputs(starts))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(VarLongCoder.of(),
            RecordCoders.of(ParticipantMeeting.class))))
        .apply("GroupByWeekBucket", GroupByKey.create())
        .apply("RollUpWeeks", ParDo.of(new RollUpWeeksFn(metricsVersion)))
        .setCoder(RecordCoders.of(PersonWeek.class));

    return PCollectionTuple.of(SERIES, series).and(ANOMALIES, anomalies).and(PERSON_WEEKS, weeks);
  }

  private static <T> List<T> list(Iterable<T> values) {
    List<T> list = new ArrayList<>();
    values.forEach(list::add);
    return list;
  }

  /** A meeting row and its host's key (the first, by key, if several are marked host). */
  static final class ToFactsFn extends DoFn<KV<String, CoGbkResult>, MeetingFacts> {
    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> grouped, OutputReceiver<MeetingFacts> out) {
      String host = null;
      for (String h : grouped.getValue().getAll(HOST)) {
        host = host == null || h.compareTo(host) < 0 ? h : host;
      }
      for (MeetingSummary m : grouped.getValue().getAll(MEETING)) {
        out.output(MeetingFacts.of(m, host));
      }
    }
  }

  /** Keys a person's row by person and ISO week of its meeting's start; rows of unknown start have no week. */
  /**
   * People are grouped by ISO week and one of {@value #PERSON_BUCKETS} hash buckets of their key, then rolled up
   * per person inside the bucket: a 10,000-person week makes 16 groups, not 10,000. Runners that make a bundle
   * per key (the Direct runner) pay for every group in every later step; {@code String.hashCode} is the same
   * on every JVM, so a rerun groups alike.
   */
  static final int PERSON_BUCKETS = 16;

  /** One {@link PersonWeek} per person in a (week, bucket) group. */
  static final class RollUpWeeksFn extends DoFn<KV<String, Iterable<KV<Long, ParticipantMeeting>>>, PersonWeek> {
    private final String metricsVersion;

    RollUpWeeksFn(String metricsVersion) {
      this.metricsVersion = metricsVersion;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<Long, ParticipantMeeting>>> group,
        OutputReceiver<PersonWeek> out) {
      String week = group.getKey().substring(0, group.getKey().indexOf('\u0000'));
      Map<String, List<Attended>> byPerson = new TreeMap<>();
      for (KV<Long, ParticipantMeeting> a : group.getValue()) {
        byPerson.computeIfAbsent(a.getValue().participantKey(), k -> new ArrayList<>())
            .add(new Attended(Instant.ofEpochMilli(a.getKey()), a.getValue()));
      }
      byPerson.forEach((person, attended) -> out.output(
          Longitudinal.personWeek(person, week, attended, metricsVersion)));
    }
  }

  static final class KeyByPersonWeekFn extends DoFn<ParticipantMeeting, KV<String, KV<Long, ParticipantMeeting>>> {
    private final PCollectionView<Map<String, Instant>> starts;

    KeyByPersonWeekFn(PCollectionView<Map<String, Instant>> starts) {
      this.starts = starts;
    }

    @ProcessElement
    public void process(@Element ParticipantMeeting p, OutputReceiver<KV<String, KV<Long, ParticipantMeeting>>> out,
        ProcessContext c) {
      Instant start = c.sideInput(starts).get(p.meetingKey());
      String week = Longitudinal.isoWeek(start);
      if (week != null && p.participantKey() != null) {
        String bucket = Integer.toString(Math.floorMod(p.participantKey().hashCode(), PERSON_BUCKETS));
        out.output(KV.of(week + "\u0000" + bucket, KV.of(start.toEpochMilli(), p)));
      }
    }
  }
}
