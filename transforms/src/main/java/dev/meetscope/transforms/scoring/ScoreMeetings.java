package dev.meetscope.transforms.scoring;

import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.ScoreComponent;
import dev.meetscope.models.record.TimelineMinute;
import dev.meetscope.models.scoring.EngagementScorer;
import dev.meetscope.models.scoring.MeetingScorer;
import dev.meetscope.models.scoring.ScoringProfile;
import dev.meetscope.transforms.analytics.AnalyzeMeetings;
import dev.meetscope.transforms.schema.RecordCoders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Mean;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The scoring stage (docs/metrics.md, "Scores"): {@code engagement_score} per person, the per-minute engagement
 * index, {@code engagement_drops}, {@code engagement_mean}, {@code effectiveness_score} and {@code summary} per
 * meeting, and the {@code score_component} rows that explain every score.
 *
 * <p>Input and output tags are {@link AnalyzeMeetings}' ({@link #PARTICIPANTS}, {@link #MEETINGS},
 * {@link #TIMELINE}), so the analysed tuple goes in as it is; the output adds {@link #COMPONENTS}.
 *
 * <pre>
 * PARTICIPANTS ─ CountPeopleWhoCouldSpeak (per meeting, a side input) ─ ScorePeople ─┬─ PARTICIPANTS
 *                                                                                    ├─ COMPONENTS
 *                                                                                    └─ MeanEngagementPerMeeting ─┐
 * MEETINGS, TIMELINE ─────────────────────────────────────────── GroupMeetingScoreInputs (CoGroupByKey) ─ ScoreMeetingRows
 *                                                                         ─ MEETINGS, TIMELINE, COMPONENTS
 * </pre>
 * People are scored one by one against a per-meeting count, never gathered into one list: a 10,000-person
 * meeting costs no more per worker than ten small ones.
 */
public final class ScoreMeetings extends PTransform<PCollectionTuple, PCollectionTuple> {
  public static final TupleTag<ParticipantMeeting> PARTICIPANTS = AnalyzeMeetings.PARTICIPANTS;
  public static final TupleTag<MeetingSummary> MEETINGS = AnalyzeMeetings.MEETINGS;
  public static final TupleTag<TimelineMinute> TIMELINE = AnalyzeMeetings.TIMELINE;
  public static final TupleTag<ScoreComponent> COMPONENTS = new TupleTag<>() {};

  private static final TupleTag<ScoreComponent> PERSON_COMPONENTS = new TupleTag<>() {};
  private static final TupleTag<MeetingSummary> MEETING_ROW = new TupleTag<>() {};
  private static final TupleTag<TimelineMinute> MINUTES = new TupleTag<>() {};
  private static final TupleTag<Double> ENGAGEMENT_MEAN = new TupleTag<>() {};

  private final MeetingScorer scorer;

  private ScoreMeetings(MeetingScorer scorer) {
    this.scorer = scorer;
  }

  /** Scores with {@code profile}, writing {@code metricsVersion} into every scored row. */
  public static ScoreMeetings with(ScoringProfile profile, String metricsVersion) {
    return new ScoreMeetings(new MeetingScorer(Objects.requireNonNull(profile, "profile"), metricsVersion));
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple analysed) {
    PCollection<ParticipantMeeting> people = analysed.get(PARTICIPANTS);
    PCollectionView<Map<String, Long>> couldSpeak = people
        .apply("FilterPeopleWhoCouldSpeak", Filter.by(EngagementScorer::couldSpeak))
        .apply("KeyThemByMeeting", MapElements.into(TypeDescriptors.strings()).via(ParticipantMeeting::meetingKey))
        .apply("CountPerMeeting", Count.perElement())
        .apply("AsMeetingCounts", View.asMap());

    PCollectionTuple scoredPeople = people.apply("ScorePeople", ParDo.of(new ScorePersonFn(scorer, couldSpeak))
        .withSideInputs(couldSpeak).withOutputTags(PARTICIPANTS, TupleTagList.of(PERSON_COMPONENTS)));
    PCollection<ParticipantMeeting> scored = scoredPeople.get(PARTICIPANTS)
        .setCoder(RecordCoders.of(ParticipantMeeting.class));

    PCollection<KV<String, Double>> means = scored
        .apply("KeyScoresByMeeting", FlatMapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.doubles()))
            .via((ParticipantMeeting p) -> p.engagementScore() == null ? List.<KV<String, Double>>of()
                : List.of(KV.of(p.meetingKey(), p.engagementScore()))))
        .apply("MeanEngagementPerMeeting", Mean.perKey());
    PCollection<KV<String, MeetingSummary>> meetings = analysed.get(MEETINGS).apply("KeyMeetingRows",
        MapElements.into(new TypeDescriptor<KV<String, MeetingSummary>>() {})
            .via((MeetingSummary m) -> KV.of(m.meetingKey(), m)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(MeetingSummary.class)));
    PCollection<KV<String, TimelineMinute>> minutes = analysed.get(TIMELINE).apply("KeyMinutes",
        MapElements.into(new TypeDescriptor<KV<String, TimelineMinute>>() {})
            .via((TimelineMinute m) -> KV.of(m.meetingKey(), m)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(TimelineMinute.class)));

    PCollectionTuple meetingRows = KeyedPCollectionTuple.of(MEETING_ROW, meetings)
        .and(MINUTES, minutes)
        .and(ENGAGEMENT_MEAN, means)
        .apply("GroupMeetingScoreInputs", CoGroupByKey.create())
        .apply("ScoreMeetingRows", ParDo.of(new ScoreMeetingFn(scorer))
            .withOutputTags(MEETINGS, TupleTagList.of(List.of(TIMELINE, COMPONENTS))));

    PCollection<ScoreComponent> components = PCollectionList
        .of(scoredPeople.get(PERSON_COMPONENTS).setCoder(RecordCoders.of(ScoreComponent.class)))
        .and(meetingRows.get(COMPONENTS).setCoder(RecordCoders.of(ScoreComponent.class)))
        .apply("FlattenScoreComponents", Flatten.pCollections());

    return PCollectionTuple.of(PARTICIPANTS, scored)
        .and(MEETINGS, meetingRows.get(MEETINGS).setCoder(RecordCoders.of(MeetingSummary.class)))
        .and(TIMELINE, meetingRows.get(TIMELINE).setCoder(RecordCoders.of(TimelineMinute.class)))
        .and(COMPONENTS, components);
  }

  /** One person's engagement score, with the meeting's count of people who could speak. */
  static final class ScorePersonFn extends DoFn<ParticipantMeeting, ParticipantMeeting> {
    private final MeetingScorer scorer;
    private final PCollectionView<Map<String, Long>> couldSpeak;

    ScorePersonFn(MeetingScorer scorer, PCollectionView<Map<String, Long>> couldSpeak) {
      this.scorer = scorer;
      this.couldSpeak = couldSpeak;
    }

    @ProcessElement
    public void process(@Element ParticipantMeeting person, MultiOutputReceiver out, ProcessContext c) {
      Long count = c.sideInput(couldSpeak).get(person.meetingKey());
      MeetingScorer.ScoredPerson s = scorer.scorePerson(person, count == null ? 0 : count.intValue());
      out.get(PARTICIPANTS).output(s.person());
      s.components().forEach(out.get(PERSON_COMPONENTS)::output);
    }
  }

  /** A meeting's index, drops, effectiveness and summary from its row, minutes and mean engagement. */
  static final class ScoreMeetingFn extends DoFn<KV<String, CoGbkResult>, MeetingSummary> {
    private final MeetingScorer scorer;

    ScoreMeetingFn(MeetingScorer scorer) {
      this.scorer = scorer;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> grouped, MultiOutputReceiver out) {
      CoGbkResult r = grouped.getValue();
      List<TimelineMinute> minutes = new ArrayList<>();
      r.getAll(MINUTES).forEach(minutes::add);
      Double mean = r.getOnly(ENGAGEMENT_MEAN, null);
      List<MeetingSummary> rows = new ArrayList<>();
      r.getAll(MEETING_ROW).forEach(rows::add);
      if (rows.isEmpty()) {
        rows.add(null); // minutes without a meeting row still get their index
      }
      boolean first = true;
      for (MeetingSummary row : rows) {
        MeetingScorer.Scored s = scorer.scoreMeeting(row, first ? minutes : List.of(), mean);
        first = false;
        if (s.meeting() != null) {
          out.get(MEETINGS).output(s.meeting());
        }
        s.minutes().forEach(out.get(TIMELINE)::output);
        s.components().forEach(out.get(COMPONENTS)::output);
      }
    }
  }
}
