package dev.meetscope.models.report;

import static dev.meetscope.models.report.Html.esc;
import static dev.meetscope.models.report.Html.num;
import static dev.meetscope.models.report.Html.pct;

import dev.meetscope.models.record.ActionItemRow;
import dev.meetscope.models.record.CrosstalkSegment;
import dev.meetscope.models.record.EngagementDrop;
import dev.meetscope.models.record.MassDropoff;
import dev.meetscope.models.record.MeetingAnomaly;
import dev.meetscope.models.record.MeetingSummary;
import dev.meetscope.models.record.MeetingTopic;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.models.record.TimelineMinute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host's page of one meeting (docs/reports.md): scores and summary, talk-time bars, attendance curve with
 * drop-offs, engagement and sentiment timeline with drops, topic timeline, balance and crosstalk, questions and
 * action items, and the participant table with score components.
 *
 * @param identities show display names; otherwise people are "Person 1…n" by talk time (governance default)
 */
public record MeetingPage(MeetingSummary meeting, List<ParticipantMeeting> people, List<TimelineMinute> minutes,
    List<MeetingTopic> topics, List<ActionItemRow> actionItems, List<MeetingAnomaly> anomalies,
    boolean identities) {
  /** Participant-table rows shown at most (a town hall's 10,000 are summarised by the charts and the tables). */
  static final int MAX_PEOPLE_ROWS = 500;

  public MeetingPage {
    people = List.copyOf(people);
    minutes = List.copyOf(minutes);
    topics = List.copyOf(topics);
    actionItems = List.copyOf(actionItems);
    anomalies = List.copyOf(anomalies);
  }

  /** The page's file name under {@code reports/meetings/}: the meeting key made safe for any file system. */
  public static String fileName(String meetingKey) {
    return meetingKey.replaceAll("[^A-Za-z0-9._-]", "_") + ".html";
  }

  public String render() {
    List<ParticipantMeeting> byTalk = new ArrayList<>(people);
    byTalk.sort(Comparator.comparing((ParticipantMeeting p) -> p.talkSeconds() == null ? -1 : p.talkSeconds())
        .reversed().thenComparing(ParticipantMeeting::participantKey, Comparator.nullsLast(Comparator.naturalOrder())));
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < byTalk.size(); i++) {
      ParticipantMeeting p = byTalk.get(i);
      String name = identities && p.displayName() != null ? p.displayName() : "Person " + (i + 1);
      names.put(p.participantKey(), name + (Boolean.TRUE.equals(p.isHost()) ? " (host)" : ""));
    }
    List<TimelineMinute> sorted = new ArrayList<>(minutes);
    sorted.sort(Comparator.comparing(TimelineMinute::minuteIndex));
    int n = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1).minuteIndex() + 1;

    StringBuilder b = new StringBuilder();
    MeetingSummary m = meeting;
    b.append("<p><a href=\"../index.html\">← all meetings</a></p>");
    b.append("<h1>").append(esc(m.topic() == null ? "Meeting " + m.meetingKey() : m.topic())).append("</h1>");
    b.append("<p class=\"muted\">").append(Html.dateTime(m.meetingStart())).append(" · ")
        .append(Html.minutes(m.durationSeconds())).append(" · meeting ").append(esc(m.meetingId())).append(" · ")
        .append(num(m.participants(), 0)).append(" people</p>");
    b.append("<div class=\"cards\">")
        .append(card("Effectiveness", num(m.effectivenessScore(), 0), "of 100"))
        .append(card("Mean engagement", num(m.engagementMean(), 0), "of 100"))
        .append(card("Peak present", num(m.peakConcurrent(), 0), ""))
        .append(card("Never spoke", num(m.neverSpoke(), 0), ""))
        .append(card("Questions", num(m.questions(), 0), pct(m.answeredRatio()) + " answered"))
        .append(card("Confidence", pct(m.confidence()), "of inputs present"))
        .append("</div>");
    if (m.summary() != null) {
      b.append("<p class=\"summary\">").append(esc(m.summary())).append("</p>");
    }
    for (MeetingAnomaly a : anomalies) {
      b.append("<div class=\"alert\">Unusual: ").append(esc(a.reason())).append("</div>");
    }
    for (MassDropoff d : nonNull(m.massDropoffs())) {
      b.append("<div class=\"alert\">Mass drop-off: ").append(num(d.leavers(), 0)).append(" of ")
          .append(num(d.presentBefore(), 0)).append(" left around minute ").append(minuteOf(d.startOffsetSeconds()))
          .append("</div>");
    }

    b.append("<h2>Talk time</h2>");
    List<Charts.Bar> bars = new ArrayList<>();
    for (ParticipantMeeting p : byTalk) {
      if (p.talkSeconds() != null && p.talkSeconds() > 0 && bars.size() < 25) {
        bars.add(new Charts.Bar(names.get(p.participantKey()), p.talkSeconds(),
            Html.minutes(p.talkSeconds()) + " · " + num(p.speakingPct(), 1) + "%"));
      }
    }
    b.append(bars.isEmpty() ? "<p class=\"muted\">No transcript with speakers.</p>"
        : Charts.figure("talk-time", "Talk time per person (top 25), share of all speech",
            Charts.bars(bars, Charts.PALETTE[0])));

    b.append("<h2>Attendance</h2>");
    if (n == 0) {
      b.append("<p class=\"muted\">No per-minute data.</p>");
    } else {
      Double[] present = new Double[n];
      double maxPresent = 1;
      for (TimelineMinute t : sorted) {
        present[t.minuteIndex()] = t.present() == null ? null : t.present().doubleValue();
        maxPresent = Math.max(maxPresent, t.present() == null ? 0 : t.present());
      }
      List<Charts.Band> drops = new ArrayList<>();
      for (MassDropoff d : nonNull(m.massDropoffs())) {
        drops.add(new Charts.Band(minuteOf(d.startOffsetSeconds()), minuteOf(d.endOffsetSeconds()), "#d9480f",
            "mass drop-off: " + d.leavers() + " left"));
      }
      b.append(Charts.figure("attendance", "People present per minute; shaded: mass drop-offs",
          Charts.timeSeries(n, List.of(new Charts.Line("present", Charts.PALETTE[2], present)), drops,
              niceMax(maxPresent), "present")));

      b.append("<h2>Engagement and sentiment</h2>");
      Double[] engagement = new Double[n];
      Double[] sentiment = new Double[n];
      for (TimelineMinute t : sorted) {
        engagement[t.minuteIndex()] = t.engagementIndex();
        sentiment[t.minuteIndex()] = t.sentimentMean() == null ? null : 100 * t.sentimentMean();
      }
      List<Charts.Band> lows = new ArrayList<>();
      for (EngagementDrop d : nonNull(m.engagementDrops())) {
        lows.add(new Charts.Band(d.startMinute(), d.endMinute(), "#c92a2a",
            "engagement drop: " + num(d.dropPct(), 0) + "% below the trailing median"));
      }
      b.append("<p class=\"legend\"><span><i style=\"background:").append(Charts.PALETTE[0])
          .append("\"></i>engagement index (0–100, 50 = this meeting's average minute)</span><span><i style=\"background:")
          .append(Charts.PALETTE[1]).append("\"></i>sentiment of words × 100 (50 = neutral)</span></p>");
      b.append(Charts.figure("engagement", "Per-minute engagement index and sentiment; shaded: engagement drops",
          Charts.timeSeries(n, List.of(new Charts.Line("engagement index", Charts.PALETTE[0], engagement),
              new Charts.Line("sentiment × 100", Charts.PALETTE[1], sentiment)), lows, 100, "index")));

      b.append("<h2>Topics</h2>");
      Integer[] topicIds = new Integer[n];
      boolean anyTopic = false;
      for (TimelineMinute t : sorted) {
        topicIds[t.minuteIndex()] = t.topicId();
        anyTopic |= t.topicId() != null;
      }
      Map<Integer, String> colors = new LinkedHashMap<>();
      Map<Integer, String> labels = new LinkedHashMap<>();
      List<MeetingTopic> topicList = new ArrayList<>(topics);
      topicList.sort(Comparator.comparing(MeetingTopic::topicId));
      for (MeetingTopic t : topicList) {
        colors.put(t.topicId(), Charts.PALETTE[Math.floorMod(t.topicId(), Charts.PALETTE.length)]);
        labels.put(t.topicId(), t.label());
      }
      if (anyTopic) {
        b.append(Charts.figure("topics", "Topic of each minute", Charts.strip(topicIds, colors, labels)));
      }
      if (!topicList.isEmpty()) {
        b.append("<table><tr><th>Topic</th><th class=\"text\">Keywords</th><th>Share of words</th><th>Segments</th>"
            + "</tr>");
        for (MeetingTopic t : topicList) {
          b.append("<tr><td><i style=\"display:inline-block;width:10px;height:10px;background:")
              .append(colors.get(t.topicId())).append("\"></i> ").append(esc(t.label())).append("</td><td class=\"text\">")
              .append(esc(t.keywords() == null ? "" : String.join(", ", t.keywords()))).append("</td><td>")
              .append(pct(t.wordShare())).append("</td><td>").append(num(t.segments(), 0)).append("</td></tr>");
        }
        b.append("</table>");
      } else if (!anyTopic) {
        b.append("<p class=\"muted\">No topics (no transcript or chat text).</p>");
      }
    }

    b.append("<h2>Balance and crosstalk</h2><div class=\"cards\">")
        .append(card("Participation Gini", num(m.participationGini(), 2), "0 = equal, 1 = one voice"))
        .append(card("Speaker entropy", num(m.speakerEntropy(), 2), "1 = evenly spread"))
        .append(card("Host talk / others", num(m.talkListenRatio(), 2), ""))
        .append(card("Crosstalk", Html.minutes(m.crosstalkSeconds()), nonNull(m.crosstalkSegments()).size() + " segments"))
        .append(card("Interruptions", num(m.interruptions(), 0), ""))
        .append("</div>");
    List<CrosstalkSegment> segments = nonNull(m.crosstalkSegments());
    if (!segments.isEmpty()) {
      b.append("<table><tr><th>Crosstalk at minute</th><th>Seconds</th><th>Kind</th><th>Speakers</th></tr>");
      for (CrosstalkSegment c : segments.subList(0, Math.min(20, segments.size()))) {
        double secs = c.endOffsetSeconds() == null || c.startOffsetSeconds() == null ? 0
            : c.endOffsetSeconds() - c.startOffsetSeconds();
        b.append("<tr><td>").append(minuteOf(c.startOffsetSeconds())).append("</td><td>").append(num(secs, 1))
            .append("</td><td>").append(esc(c.kind())).append("</td><td>").append(c.speakers().size())
            .append("</td></tr>");
      }
      b.append("</table>");
    }

    b.append("<h2>Questions and action items</h2>");
    b.append("<p>").append(num(m.questions(), 0)).append(" questions in speech and chat, ")
        .append(pct(m.answeredRatio())).append(" answered within 60 s.</p>");
    if (actionItems.isEmpty()) {
      b.append("<p class=\"muted\">No action items found.</p>");
    } else {
      b.append("<table><tr><th>Action item</th><th>Owner</th><th>Due</th><th>Clear</th></tr>");
      for (ActionItemRow a : actionItems) {
        b.append("<tr><td class=\"text\">").append(esc(a.task() != null ? a.task() : a.text())).append("</td><td>")
            .append(esc(identities ? a.ownerName() : Boolean.TRUE.equals(a.ownerIsSpeaker()) ? "speaker" : "named"))
            .append("</td><td>").append(esc(a.duePhrase() == null ? "–" : a.duePhrase())).append("</td><td>")
            .append(Boolean.TRUE.equals(a.clear()) ? "yes" : "no").append("</td></tr>");
      }
      b.append("</table>");
    }

    b.append("<h2>Participants</h2>");
    b.append("<table><tr><th>Person</th><th>Attended</th><th>Attendance</th><th>Talk</th><th>Speaking %</th>"
        + "<th>Questions</th><th>Chat</th><th>Sentiment</th><th>Engagement</th><th>Attention</th><th>Speaking</th>"
        + "<th>Chat part.</th><th>Questions part.</th><th>Tone</th></tr>");
    for (ParticipantMeeting p : byTalk.subList(0, Math.min(MAX_PEOPLE_ROWS, byTalk.size()))) {
      b.append("<tr><td>").append(esc(names.get(p.participantKey()))).append("</td><td>")
          .append(Html.minutes(p.attendedSeconds())).append("</td><td>").append(pct(p.attendanceRatio()))
          .append("</td><td>").append(Html.minutes(p.talkSeconds())).append("</td><td>").append(num(p.speakingPct(), 1))
          .append("</td><td>").append(num(p.questionsAsked(), 0)).append("</td><td>")
          .append(esc(p.chatActivity() == null ? "–" : p.chatActivity())).append("</td><td>")
          .append(num(p.sentimentAvg(), 2)).append("</td><td><b>").append(num(p.engagementScore(), 0))
          .append("</b></td><td>").append(num(p.engagementAttention(), 2)).append("</td><td>")
          .append(num(p.engagementSpeaking(), 2)).append("</td><td>").append(num(p.engagementChat(), 2))
          .append("</td><td>").append(num(p.engagementQuestions(), 2)).append("</td><td>")
          .append(num(p.engagementTone(), 2)).append("</td></tr>");
    }
    b.append("</table>");
    if (byTalk.size() > MAX_PEOPLE_ROWS) {
      b.append("<p class=\"muted\">").append(byTalk.size() - MAX_PEOPLE_ROWS)
          .append(" more people are in the participant_meeting table.</p>");
    }
    b.append("<p class=\"muted\">Scores: docs/metrics.md sections 10–11 · metrics_version ")
        .append(esc(m.metricsVersion())).append("</p>");
    return Html.page((m.topic() == null ? m.meetingKey() : m.topic()) + " — Meetscope", b.toString());
  }

  private static String card(String title, String value, String note) {
    return "<div class=\"card\"><span class=\"muted\">" + esc(title) + "</span><b>" + esc(value) + "</b><span class=\"muted\">"
        + esc(note) + "</span></div>";
  }

  private static int minuteOf(Double offsetSeconds) {
    return offsetSeconds == null ? 0 : (int) Math.floor(offsetSeconds / 60);
  }

  private static double niceMax(double max) {
    double step = Math.pow(10, Math.floor(Math.log10(max)));
    for (double f : new double[] {1, 2, 2.5, 5, 10}) {
      if (f * step >= max) {
        return f * step;
      }
    }
    return max;
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
