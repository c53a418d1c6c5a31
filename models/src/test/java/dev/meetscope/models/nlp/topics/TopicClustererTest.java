package dev.meetscope.models.nlp.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicClustererTest {
  private static Map<String, Integer> seg(Object... termCounts) {
    java.util.TreeMap<String, Integer> m = new java.util.TreeMap<>();
    for (int i = 0; i < termCounts.length; i += 2) {
      m.put((String) termCounts[i], (Integer) termCounts[i + 1]);
    }
    return m;
  }

  @Test
  void separatedVocabulariesBecomeSeparateTopicsNumberedByFirstAppearance() {
    List<Map<String, Integer>> segments = new ArrayList<>();
    segments.add(seg("forecast", 3, "variance", 2, "invoice", 1, "project", 1));
    segments.add(seg("forecast", 2, "variance", 1, "burn rate", 2, "project", 1));
    segments.add(seg("candidate", 3, "recruiter", 2, "project", 1));
    segments.add(seg("candidate", 1, "recruiter", 3, "scorecard", 2));
    segments.add(seg("um", 1)); // too little text
    segments.add(seg("invoice", 2, "forecast", 2, "burn rate", 1));
    TopicClusterer.Result r = TopicClusterer.cluster(segments, TopicSettings.defaults());
    assertEquals(2, r.topics());
    assertArrayEquals(new int[] {0, 0, 1, 1, -1, 0}, r.topicOfSegment());
    assertEquals("forecast", r.keywords().get(0).get(0));
    assertEquals(List.of("recruiter", "candidate"), r.keywords().get(1).subList(0, 2));
  }

  @Test
  void oneVocabularyIsOneTopic() {
    List<Map<String, Integer>> segments = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      segments.add(seg("forecast", 2 + i % 2, "variance", 2, "invoice", 1 + i % 3));
    }
    TopicClusterer.Result r = TopicClusterer.cluster(segments, TopicSettings.defaults());
    assertEquals(1, r.topics());
    assertArrayEquals(new int[] {0, 0, 0, 0, 0}, r.topicOfSegment());
  }

  @Test
  void noTextNoTopics() {
    TopicClusterer.Result r = TopicClusterer.cluster(List.of(seg("um", 1), seg()), TopicSettings.defaults());
    assertEquals(0, r.topics());
    assertArrayEquals(new int[] {-1, -1}, r.topicOfSegment());
  }

  @Test
  void silhouetteOfTwoTightClustersIsHigh() {
    double[][] d = {
        {0, 0.1, 0.9, 0.9},
        {0.1, 0, 0.9, 0.9},
        {0.9, 0.9, 0, 0.1},
        {0.9, 0.9, 0.1, 0}};
    // each point: a = 0.1, b = 0.9 → (0.9 − 0.1) / 0.9
    assertEquals(0.8 / 0.9, Silhouette.mean(d, new int[] {0, 0, 1, 1}, 2), 1e-12);
    // a singleton scores 0: points 0 and 1 → (0.9-0.1)/0.9 each, 2 → 0, 3 → (0.1... )
    assertEquals(0, Silhouette.mean(d, new int[] {0, 0, 0, 0}, 1), 1e-12);
  }
}
