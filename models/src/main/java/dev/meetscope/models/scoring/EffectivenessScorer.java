package dev.meetscope.models.scoring;

import dev.meetscope.models.record.ActionItem;
import dev.meetscope.models.record.EngagementDrop;
import dev.meetscope.models.record.MeetingSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code effectiveness_score} of one meeting (docs/metrics.md, "Scores"): the weighted mean of balance
 * (1 − participation Gini), mean engagement / 100, questions answered, action-item clarity, and two penalties
 * entered as 1 − penalty: crosstalk (its share of the meeting, scaled so {@code crosstalk_full_penalty_share}
 * costs everything) and engagement drops (share of the indexed minutes inside a drop).
 */
public final class EffectivenessScorer {
  private final ScoringProfile profile;

  public EffectivenessScorer(ScoringProfile profile) {
    this.profile = profile;
  }

  /**
   * @param engagementMean mean {@code engagement_score} of the meeting's people, or null
   * @param drops the meeting's engagement drops
   * @param indexedMinutes minutes that have an engagement index (0 when none)
   */
  public WeightedScore score(MeetingSummary m, Double engagementMean, List<EngagementDrop> drops,
      int indexedMinutes) {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("balance", m.participationGini() == null ? null : clamp(1 - m.participationGini()));
    values.put("engagement", engagementMean == null ? null : clamp(engagementMean / 100));
    values.put("questions_answered", m.answeredRatio() == null || m.questions() == null || m.questions() == 0
        ? null : clamp(m.answeredRatio()));
    values.put("action_item_clarity", clarity(m.actionItems()));
    values.put("crosstalk", m.crosstalkSeconds() == null || m.durationSeconds() == null || m.durationSeconds() <= 0
        ? null : clamp(1 - m.crosstalkSeconds() / m.durationSeconds() / profile.crosstalkFullPenaltyShare()));
    values.put("engagement_drops", indexedMinutes <= 0 ? null : clamp(1 - (double) dropMinutes(drops)
        / indexedMinutes));
    return WeightedScore.of(profile.effectivenessWeights(), values);
  }

  /** Share of action items with owner, task and due phrase; null when there are none. */
  static Double clarity(List<ActionItem> items) {
    if (items == null || items.isEmpty()) {
      return null;
    }
    return (double) items.stream().filter(i -> Boolean.TRUE.equals(i.clear())).count() / items.size();
  }

  static int dropMinutes(List<EngagementDrop> drops) {
    return drops.stream().mapToInt(d -> d.endMinute() - d.startMinute() + 1).sum();
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
