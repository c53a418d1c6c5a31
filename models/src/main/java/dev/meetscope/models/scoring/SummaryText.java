package dev.meetscope.models.scoring;

import dev.meetscope.models.record.EngagementDrop;
import dev.meetscope.models.record.MeetingSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code summary} of a meeting: one or two sentences filled from the metrics by fixed templates (no
 * generated free text). Sentence 1: topic, length, people, effectiveness, engagement. Sentence 2: the strongest
 * and weakest effectiveness components, engagement dips, and action items.
 */
final class SummaryText {
  static final Map<String, String> LABELS = Map.of(
      "balance", "balanced participation",
      "engagement", "engagement",
      "questions_answered", "questions answered",
      "action_item_clarity", "clear action items",
      "crosstalk", "little crosstalk",
      "engagement_drops", "steady engagement");

  private SummaryText() {}

  static String of(MeetingSummary m, Double engagementMean, WeightedScore eff, List<EngagementDrop> drops) {
    StringBuilder s = new StringBuilder();
    s.append(m.topic() == null || m.topic().isBlank() ? "Meeting" : "\"" + m.topic().strip() + "\"");
    List<String> facts = new ArrayList<>();
    if (m.durationSeconds() != null) {
      facts.add(Math.round(m.durationSeconds() / 60.0) + " min");
    }
    if (m.participants() != null) {
      facts.add(m.participants() + (m.participants() == 1 ? " person" : " people"));
    }
    if (!facts.isEmpty()) {
      s.append(" (").append(String.join(", ", facts)).append(")");
    }
    if (eff.score() == null) {
      s.append(": not scored, no attendance, speech or chat to score.");
      return s.toString();
    }
    s.append(": effectiveness ").append(Math.round(eff.score())).append("/100");
    if (engagementMean != null) {
      s.append(", mean engagement ").append(Math.round(engagementMean)).append("/100");
    }
    s.append('.');

    List<String> second = new ArrayList<>();
    List<WeightedScore.Part> present = eff.parts().stream().filter(p -> p.value() != null && p.weight() > 0)
        .sorted(Comparator.comparingDouble(WeightedScore.Part::value)).toList();
    if (present.size() >= 2) {
      WeightedScore.Part weakest = present.get(0);
      WeightedScore.Part strongest = present.get(present.size() - 1);
      if (strongest.value() > weakest.value()) {
        second.add("strongest: " + label(strongest) + "; weakest: " + label(weakest));
      }
    }
    if (!drops.isEmpty()) {
      EngagementDrop d = drops.get(0);
      second.add("engagement dipped in minutes " + d.startMinute() + "–" + d.endMinute()
          + (drops.size() > 1 ? " and " + (drops.size() - 1) + " more time" + (drops.size() > 2 ? "s" : "") : ""));
    }
    if (m.actionItems() != null && !m.actionItems().isEmpty()) {
      long clear = m.actionItems().stream().filter(a -> Boolean.TRUE.equals(a.clear())).count();
      second.add(m.actionItems().size() + " action item" + (m.actionItems().size() == 1 ? "" : "s") + ", "
          + clear + " clear");
    }
    if (!second.isEmpty()) {
      String text = String.join("; ", second);
      s.append(' ').append(Character.toUpperCase(text.charAt(0))).append(text.substring(1)).append('.');
    }
    return s.toString();
  }

  private static String label(WeightedScore.Part p) {
    return LABELS.getOrDefault(p.component(), p.component()) + " " + String.format(Locale.ROOT, "%.0f%%",
        100 * p.value());
  }
}
