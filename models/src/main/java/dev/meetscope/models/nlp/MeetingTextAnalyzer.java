package dev.meetscope.models.nlp;

import dev.meetscope.models.analytics.MetricsVersion;
import dev.meetscope.models.analytics.Rounding;
import dev.meetscope.models.nlp.topics.TopicClusterer;
import dev.meetscope.models.nlp.topics.TopicSettings;
import dev.meetscope.models.record.MeetingTopic;
import dev.meetscope.models.record.PersonText;
import dev.meetscope.models.record.PersonTopicWords;
import dev.meetscope.models.record.TextMinute;
import dev.meetscope.models.record.TopicContributor;
import dev.meetscope.models.record.TopicRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The meeting-level text analysis in plain Java (docs/nlp.md): time segments → topics ({@link TopicClusterer}),
 * the {@code meeting_topic} rows, each speaker label's sentiment and topics, and the per-minute sentiment mean
 * and topic id.
 *
 * <p>Segments are {@code segmentSeconds} long from minute 0 ({@link TextClock#originMs()}); texts before minute
 * 0 count in segment 0. A segment with too little text takes the topic around it when the same topic is on
 * both sides (so a pause does not cut a topic's time range), else it has none. Terms that are a speaker's
 * name are ignored.
 */
public final class MeetingTextAnalyzer {
  private MeetingTextAnalyzer() {}

  public static MeetingTextResult analyze(String meetingKey, List<TextUnit> units, TextClock clock,
      TopicSettings settings) {
    long segMs = settings.segmentSeconds() * 1000L;
    Set<String> nameWords = nameWords(units);
    int totalWords = 0;
    long lastMs = Long.MIN_VALUE;
    List<Map<String, Integer>> segments = new ArrayList<>();
    for (TextUnit u : units) {
      if (u.timeMs() == null) {
        continue;
      }
      totalWords += u.words();
      lastMs = Math.max(lastMs, u.timeMs());
      int s = segmentOf(u.timeMs(), clock, segMs);
      while (segments.size() <= s) {
        segments.add(new TreeMap<>());
      }
      for (String term : u.terms()) {
        if (!isName(term, nameWords)) {
          segments.get(s).merge(term, 1, Integer::sum);
        }
      }
    }
    TopicClusterer.Result clusters = TopicClusterer.cluster(segments, settings);
    int[] topicOf = bridge(clusters.topicOfSegment());
    int k = clusters.topics();

    // Words per topic and per speaker in each topic.
    int[] topicWords = new int[k];
    List<Map<String, Integer>> speakerWords = new ArrayList<>();
    for (int t = 0; t < k; t++) {
      speakerWords.add(new TreeMap<>());
    }
    for (TextUnit u : units) {
      if (u.timeMs() == null) {
        continue;
      }
      int t = topicOf[segmentOf(u.timeMs(), clock, segMs)];
      if (t < 0) {
        continue;
      }
      topicWords[t] += u.words();
      if (u.speakerLabel() != null) {
        speakerWords.get(t).merge(u.speakerLabel(), u.words(), Integer::sum);
      }
    }

    List<String> labels = new ArrayList<>();
    List<MeetingTopic> topics = new ArrayList<>();
    for (int t = 0; t < k; t++) {
      List<String> keywords = clusters.keywords().get(t);
      String label = String.join(", ", keywords.subList(0, Math.min(settings.labelTerms(), keywords.size())));
      labels.add(label);
      List<TopicContributor> contributors = new ArrayList<>();
      final int words = topicWords[t];
      speakerWords.get(t).entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> contributors.add(new TopicContributor(e.getKey(), e.getValue(),
              words == 0 ? null : Rounding.round6((double) e.getValue() / words))));
      int segmentCount = 0;
      for (int value : topicOf) {
        segmentCount += value == t ? 1 : 0;
      }
      topics.add(new MeetingTopic(meetingKey, t + 1, label, keywords, words,
          totalWords == 0 ? null : Rounding.round6((double) words / totalWords), segmentCount,
          ranges(topicOf, t, clock, segMs), contributors, MetricsVersion.CURRENT));
    }

    List<PersonText> people = people(meetingKey, units, clock, segMs, topicOf, topicWords, labels, settings);
    List<TextMinute> minutes = minutes(meetingKey, units, clock, segMs, topicOf, lastMs);
    return new MeetingTextResult(topics, people, minutes);
  }

  private static int segmentOf(long timeMs, TextClock clock, long segMs) {
    return (int) Math.max(0, (timeMs - clock.originMs()) / segMs);
  }

  /** A segment without topic between two segments of the same topic takes that topic. */
  static int[] bridge(int[] topicOf) {
    int[] out = topicOf.clone();
    int previous = -1;
    int previousAt = -1;
    for (int s = 0; s < topicOf.length; s++) {
      if (topicOf[s] < 0) {
        continue;
      }
      if (previous == topicOf[s]) {
        for (int g = previousAt + 1; g < s; g++) {
          out[g] = previous;
        }
      }
      previous = topicOf[s];
      previousAt = s;
    }
    return out;
  }

  private static List<TopicRange> ranges(int[] topicOf, int topic, TextClock clock, long segMs) {
    List<TopicRange> out = new ArrayList<>();
    int s = 0;
    while (s < topicOf.length) {
      if (topicOf[s] != topic) {
        s++;
        continue;
      }
      int e = s;
      while (e + 1 < topicOf.length && topicOf[e + 1] == topic) {
        e++;
      }
      long start = clock.originMs() + s * segMs;
      long end = clock.originMs() + (e + 1) * segMs;
      out.add(new TopicRange(s * segMs / 1000.0, (e + 1) * segMs / 1000.0,
          clock.anchored() ? Instant.ofEpochMilli(start) : null, clock.anchored() ? Instant.ofEpochMilli(end) : null));
      s = e + 1;
    }
    return out;
  }

  private static List<PersonText> people(String meetingKey, List<TextUnit> units, TextClock clock, long segMs,
      int[] topicOf, int[] topicWords, List<String> labels, TopicSettings settings) {
    record Acc(double[] sentiment, int[] counts, Map<Integer, Integer> topics) {}
    Map<String, Acc> byLabel = new TreeMap<>();
    for (TextUnit u : units) {
      if (u.speakerLabel() == null) {
        continue;
      }
      // sentiment sum, sentiment weight | words
      Acc a = byLabel.computeIfAbsent(u.speakerLabel(), l -> new Acc(new double[1], new int[2], new TreeMap<>()));
      if (u.sentiment() != null && u.sentimentWords() > 0) {
        a.sentiment()[0] += u.sentiment() * u.sentimentWords();
        a.counts()[0] += u.sentimentWords();
      }
      if (u.timeMs() != null) {
        a.counts()[1] += u.words();
        int t = topicOf[segmentOf(u.timeMs(), clock, segMs)];
        if (t >= 0) {
          a.topics().merge(t, u.words(), Integer::sum);
        }
      }
    }
    List<PersonText> out = new ArrayList<>();
    byLabel.forEach((label, a) -> {
      List<String> key = new ArrayList<>();
      List<PersonTopicWords> perTopic = new ArrayList<>();
      a.topics().forEach((t, words) -> {
        perTopic.add(new PersonTopicWords(t + 1, labels.get(t), words, topicWords[t]));
        if (words >= settings.contributorWords() || words >= settings.contributorShare() * topicWords[t]) {
          key.add(labels.get(t));
        }
      });
      Double avg = a.counts()[0] == 0 ? null : Rounding.round6(a.sentiment()[0] / a.counts()[0]);
      out.add(new PersonText(meetingKey, label, avg, a.counts()[0], a.counts()[1], key, perTopic,
          MetricsVersion.CURRENT));
    });
    return out;
  }

  private static List<TextMinute> minutes(String meetingKey, List<TextUnit> units, TextClock clock, long segMs,
      int[] topicOf, long lastMs) {
    int count = clock.minutes() != null ? clock.minutes()
        : lastMs == Long.MIN_VALUE ? 0 : (int) Math.max(0, (lastMs - clock.originMs()) / 60_000 + 1);
    double[] sum = new double[count];
    int[] weight = new int[count];
    for (TextUnit u : units) {
      if (u.timeMs() == null || u.sentiment() == null || u.sentimentWords() <= 0 || u.timeMs() < clock.originMs()) {
        continue;
      }
      long m = (u.timeMs() - clock.originMs()) / 60_000;
      if (m < count) {
        sum[(int) m] += u.sentiment() * u.sentimentWords();
        weight[(int) m] += u.sentimentWords();
      }
    }
    List<TextMinute> out = new ArrayList<>(count);
    for (int m = 0; m < count; m++) {
      int s = (int) (m * 60_000L / segMs);
      Integer topic = s < topicOf.length && topicOf[s] >= 0 ? topicOf[s] + 1 : null;
      long start = clock.originMs() + m * 60_000L;
      out.add(new TextMinute(meetingKey, m, clock.anchored() ? Instant.ofEpochMilli(start) : null,
          weight[m] == 0 ? null : Rounding.round6(sum[m] / weight[m]), weight[m], topic));
    }
    return out;
  }

  /** Lower-cased words of at least 3 letters of every speaker label. */
  private static Set<String> nameWords(List<TextUnit> units) {
    Set<String> out = new HashSet<>();
    for (TextUnit u : units) {
      if (u.speakerLabel() != null) {
        for (String w : u.speakerLabel().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
          if (w.length() >= 3) {
            out.add(w);
          }
        }
      }
    }
    return out;
  }

  private static boolean isName(String term, Set<String> nameWords) {
    for (String w : term.toLowerCase(Locale.ROOT).split(" ")) {
      if (nameWords.contains(w)) {
        return true;
      }
    }
    return false;
  }

}
