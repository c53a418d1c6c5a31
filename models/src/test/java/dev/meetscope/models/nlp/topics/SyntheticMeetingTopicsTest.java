package dev.meetscope.models.nlp.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.models.nlp.MeetingTextAnalyzer;
import dev.meetscope.models.nlp.MeetingTextResult;
import dev.meetscope.models.nlp.TextClock;
import dev.meetscope.models.nlp.TextUnit;
import dev.meetscope.models.analytics.conversation.TextFeatures;
import dev.meetscope.models.record.MeetingTopic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A meeting built from four clearly separated subjects (budget, hiring, office move, security), one of them
 * coming back at the end, with generic meeting talk mixed in. Terms come from the real CoreNLP tagger and
 * lemmatizer.
 */
class SyntheticMeetingTopicsTest {
  private static final Map<String, List<String>> SUBJECTS = Map.of(
      "budget", List.of(
          "The travel budget is over the forecast again this quarter.",
          "Finance flagged a large variance in the software licenses.",
          "We should move that spend from capex to opex.",
          "The invoices from the vendor are still unpaid.",
          "Our burn rate went down after the hiring freeze on contractors.",
          "I reviewed every line item in the cost center report.",
          "The forecast assumes the licenses stay flat.",
          "Accounts payable is behind on the invoices.",
          "The variance comes from the contractor budget.",
          "Can finance send the updated forecast?"),
      "hiring", List.of(
          "We have three candidates in the interview loop.",
          "The recruiter wants a shorter job description.",
          "Two referrals passed the phone screen.",
          "The offer letter went out to the senior candidate.",
          "The interview scorecards are still missing.",
          "Onboarding for the new hires starts next month.",
          "The recruiter scheduled another phone screen.",
          "Our best candidate has a competing offer.",
          "Please fill in the scorecards after each interview.",
          "The job description needs a salary range."),
      "office", List.of(
          "The movers arrive on the first of the month.",
          "Facilities shared the floor plan for the new office.",
          "Please pack your desk into boxes before the move.",
          "The landlord has not signed the lease extension.",
          "Parking at the new office is limited.",
          "Badges for the building are handed out in the lobby.",
          "The furniture arrives after the movers.",
          "Label the boxes with your floor number.",
          "The seating chart follows the floor plan.",
          "The lease covers two floors of the building."),
      "security", List.of(
          "The auditor wants evidence for the access review.",
          "The pen test found critical vulnerabilities.",
          "Everyone must enable MFA on their accounts.",
          "The phishing test click rate went down.",
          "Some laptops still miss the latest patch.",
          "The encryption policy needs an update for the storage.",
          "The auditor flagged accounts without MFA.",
          "Most pen test vulnerabilities are low severity.",
          "Patch your laptops before the audit.",
          "The phishing training is due for everyone."));
  private static final Map<String, List<String>> KEY_TERMS = Map.of(
      "budget", List.of("forecast", "variance", "invoice", "budget", "license", "burn rate", "capex", "opex"),
      "hiring", List.of("candidate", "recruiter", "scorecard", "interview", "phone screen", "job description",
          "offer letter", "referral"),
      "office", List.of("mover", "floor plan", "box", "lease", "landlord", "office", "badge", "parking"),
      "security", List.of("auditor", "MFA", "vulnerability", "phishing", "laptop", "patch", "pen test",
          "encryption"));
  private static final List<String> GENERIC = List.of("Yeah.", "Let me share my screen.",
      "Does that make sense?", "I think that's a fair point.", "Sorry, I was on mute.");
  private static final List<String> SPEAKERS = List.of("Ada Example", "Grace Sample", "Dana Host");

  @Test
  void segmentsAreGroupedBySubjectAndLabelsNameTheirKeyTerms() {
    // 8 minutes per block, one sentence every 12 s; budget comes back at the end.
    List<String> agenda = List.of("budget", "hiring", "office", "security", "budget");
    TermExtractor extractor = new TermExtractor();
    List<TextUnit> units = new ArrayList<>();
    List<String> truth = new ArrayList<>();
    long origin = 1_700_000_000_000L;
    int line = 0;
    Map<String, Integer> said = new HashMap<>();
    for (int b = 0; b < agenda.size(); b++) {
      String subject = agenda.get(b);
      for (int i = 0; i < 40; i++) {
        long t = origin + (b * 8L * 60 + i * 12L) * 1000;
        List<String> bank = SUBJECTS.get(subject);
        String text = i % 5 == 4 ? GENERIC.get(line % GENERIC.size())
            : bank.get(said.merge(subject, 1, Integer::sum) % bank.size());
        line++;
        units.add(new TextUnit(SPEAKERS.get(line % SPEAKERS.size()), t, TextFeatures.words(text), 0.5, 1,
            extractor.terms(text)));
        truth.add(subject);
      }
    }
    MeetingTextResult result = MeetingTextAnalyzer.analyze("m1", units, new TextClock(origin, 40, true),
        TopicSettings.defaults());

    assertEquals(4, result.topics().size(), result.topics().toString());
    // Purity over the 20 segments of 120 s: each segment's subject is the majority of its texts.
    Map<Integer, Map<String, Integer>> bySegmentTopic = new HashMap<>();
    int segments = 0;
    for (int s = 0; s < 20; s++) {
      Integer topic = result.minutes().get(s * 2).topicId();
      assertTrue(topic != null, "segment " + s + " has a topic");
      String subject = agenda.get(s / 4);
      bySegmentTopic.computeIfAbsent(topic, k -> new HashMap<>()).merge(subject, 1, Integer::sum);
      segments++;
    }
    int majority = bySegmentTopic.values().stream()
        .mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).max().orElse(0)).sum();
    double purity = (double) majority / segments;
    assertTrue(purity >= 0.8, "purity " + purity + " " + bySegmentTopic);

    // Each subject's topic label contains one of its key terms.
    for (String subject : List.of("budget", "hiring", "office", "security")) {
      int topicId = bySegmentTopic.entrySet().stream()
          .max((x, y) -> Integer.compare(x.getValue().getOrDefault(subject, 0), y.getValue().getOrDefault(subject, 0)))
          .orElseThrow().getKey();
      MeetingTopic topic = result.topics().get(topicId - 1);
      assertTrue(KEY_TERMS.get(subject).stream().anyMatch(term -> topic.label().contains(term)),
          subject + " → " + topic.label());
    }
    // Budget comes back: its topic has two time ranges.
    MeetingTopic budget = result.topics().get(result.minutes().get(0).topicId() - 1);
    assertEquals(2, budget.timeRanges().size(), budget.toString());
    assertEquals(0.0, budget.timeRanges().get(0).startSeconds());
    assertEquals(480.0, budget.timeRanges().get(0).endSeconds());
    assertEquals(1920.0, budget.timeRanges().get(1).startSeconds());
  }
}
