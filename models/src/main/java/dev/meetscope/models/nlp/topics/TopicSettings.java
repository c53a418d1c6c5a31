package dev.meetscope.models.nlp.topics;

import java.io.Serializable;

/**
 * Settings of topic clustering (docs/nlp.md, "Topics").
 *
 * @param segmentSeconds length of a time segment (a TF-IDF document); a multiple of 60 from 60 to 600 so every
 *     timeline minute lies in exactly one segment
 * @param minTermsPerSegment a segment with fewer term occurrences is not clustered (it takes the topic around it
 *     when the same topic is on both sides)
 * @param maxTopics most topics tried
 * @param minSilhouette below this best mean silhouette the meeting is one topic
 * @param minTopicDistance a clustering counts only when every two topic centroids are at least this cosine
 *     distance apart (silhouette alone is scale-free: it would split one vocabulary by small differences)
 * @param minDocumentFrequency terms in fewer segments are ignored (once there are at least 4 segments)
 * @param contributorShare a speaker with at least this share of a topic's words contributed to it
 * @param contributorWords … or with at least this many words in it
 * @param labelTerms phrases in a topic label
 * @param keywords keywords kept per topic
 * @param seed seed of the k-means++ initialisation (fixed, so results are reproducible)
 */
public record TopicSettings(
    int segmentSeconds,
    int minTermsPerSegment,
    int maxTopics,
    double minSilhouette,
    double minTopicDistance,
    int minDocumentFrequency,
    double contributorShare,
    int contributorWords,
    int labelTerms,
    int keywords,
    long seed) implements Serializable {

  public TopicSettings {
    if (segmentSeconds < 60 || segmentSeconds > 600 || segmentSeconds % 60 != 0) {
      throw new IllegalArgumentException("segmentSeconds must be a multiple of 60 from 60 to 600, got "
          + segmentSeconds);
    }
    if (maxTopics < 1 || labelTerms < 1 || keywords < labelTerms) {
      throw new IllegalArgumentException("need maxTopics ≥ 1 and keywords ≥ labelTerms ≥ 1");
    }
  }

  public static TopicSettings defaults() {
    return new TopicSettings(120, 3, 8, 0.05, 0.3, 2, 0.15, 60, 3, 8, 20240515L);
  }

  public TopicSettings withSegmentSeconds(int value) {
    return new TopicSettings(value, minTermsPerSegment, maxTopics, minSilhouette, minTopicDistance, minDocumentFrequency,
        contributorShare, contributorWords, labelTerms, keywords, seed);
  }

  public TopicSettings withMinTermsPerSegment(int value) {
    return new TopicSettings(segmentSeconds, value, maxTopics, minSilhouette, minTopicDistance, minDocumentFrequency,
        contributorShare, contributorWords, labelTerms, keywords, seed);
  }

  public TopicSettings withMaxTopics(int value) {
    return new TopicSettings(segmentSeconds, minTermsPerSegment, value, minSilhouette, minTopicDistance, minDocumentFrequency,
        contributorShare, contributorWords, labelTerms, keywords, seed);
  }
}
