package dev.meetscope.models.nlp.topics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Groups time segments into topics (docs/nlp.md, "Topics"):
 *
 * <ol>
 *   <li>each segment with at least {@code minTermsPerSegment} term occurrences is a document;
 *   <li>TF-IDF: {@code (1 + ln tf) · (ln((1 + N) / (1 + df)) + 1)}, over terms found in at least
 *       {@code minDocumentFrequency} documents (once there are 4), each document scaled to unit length;
 *   <li>spherical k-means for k = 2 … {@code maxTopics} (and fewer than the documents), keeping the k with the
 *       highest mean silhouette among those whose topic centroids are all at least {@code minTopicDistance}
 *       apart; below {@code minSilhouette}, or with fewer than 3 documents, one topic;
 *   <li>topics are numbered by their first segment; keywords rank terms by the topic's mean weight times its
 *       share of that weight over all topics (so a term common to every topic does not label one), phrases
 *       before the words inside them.
 * </ol>
 */
public final class TopicClusterer {
  private TopicClusterer() {}

  /**
   * @param topicOfSegment 0-based topic of every segment, -1 when the segment was no document
   * @param keywords per topic, strongest first
   */
  public record Result(int[] topicOfSegment, List<List<String>> keywords, double silhouette) {
    public int topics() {
      return keywords.size();
    }
  }

  public static Result cluster(List<Map<String, Integer>> segments, TopicSettings settings) {
    int[] topicOf = new int[segments.size()];
    Arrays.fill(topicOf, -1);
    List<Integer> docSegments = new ArrayList<>();
    for (int s = 0; s < segments.size(); s++) {
      int occurrences = segments.get(s).values().stream().mapToInt(Integer::intValue).sum();
      if (occurrences >= settings.minTermsPerSegment()) {
        docSegments.add(s);
      }
    }
    if (docSegments.isEmpty()) {
      return new Result(topicOf, List.of(), 0);
    }
    // Vocabulary, sorted so indexes do not depend on hash order.
    Map<String, Integer> df = new TreeMap<>();
    for (int s : docSegments) {
      segments.get(s).keySet().forEach(t -> df.merge(t, 1, Integer::sum));
    }
    int minDf = docSegments.size() >= 4 ? settings.minDocumentFrequency() : 1;
    List<String> vocabulary = new ArrayList<>();
    df.forEach((t, n) -> {
      if (n >= minDf) {
        vocabulary.add(t);
      }
    });
    Map<String, Integer> index = new TreeMap<>();
    for (int i = 0; i < vocabulary.size(); i++) {
      index.put(vocabulary.get(i), i);
    }
    int n = docSegments.size();
    List<SparseVector> docs = new ArrayList<>();
    List<Integer> docSegment = new ArrayList<>();
    for (int s : docSegments) {
      TreeMap<Integer, Double> weights = new TreeMap<>();
      segments.get(s).forEach((t, tf) -> {
        Integer i = index.get(t);
        if (i != null) {
          double idf = Math.log((1.0 + n) / (1.0 + df.get(t))) + 1;
          weights.put(i, (1 + Math.log(tf)) * idf);
        }
      });
      double norm = Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
      if (norm == 0) {
        continue;
      }
      int[] idx = new int[weights.size()];
      double[] val = new double[weights.size()];
      int j = 0;
      for (Map.Entry<Integer, Double> e : weights.entrySet()) {
        idx[j] = e.getKey();
        val[j++] = e.getValue() / norm;
      }
      docs.add(new SparseVector(idx, val));
      docSegment.add(s);
    }
    if (docs.isEmpty()) {
      return new Result(topicOf, List.of(), 0);
    }
    SparseVector[] vectors = docs.toArray(new SparseVector[0]);
    int dims = vocabulary.size();

    int[] labels = new int[vectors.length];
    int k = 1;
    double bestSilhouette = 0;
    if (vectors.length >= 3) {
      double[][] distance = Silhouette.cosineDistances(vectors);
      for (int candidate = 2; candidate <= Math.min(settings.maxTopics(), vectors.length - 1); candidate++) {
        int[] l = SphericalKMeans.cluster(vectors, dims, candidate, settings.seed() + candidate);
        int used = (int) Arrays.stream(l).distinct().count();
        double sil = Silhouette.mean(distance, l, candidate);
        if (used == candidate && sil > bestSilhouette + 1e-9
            && minCentroidDistance(vectors, dims, candidate, l) >= settings.minTopicDistance()) {
          bestSilhouette = sil;
          labels = l;
          k = candidate;
        }
      }
      if (bestSilhouette < settings.minSilhouette()) {
        k = 1;
        labels = new int[vectors.length];
      }
    }

    // Number topics by their first segment.
    int[] order = new int[k];
    Arrays.fill(order, -1);
    int next = 0;
    for (int d = 0; d < vectors.length; d++) {
      if (order[labels[d]] < 0) {
        order[labels[d]] = next++;
      }
    }
    int[] renumbered = new int[vectors.length];
    for (int d = 0; d < vectors.length; d++) {
      renumbered[d] = order[labels[d]];
      topicOf[docSegment.get(d)] = renumbered[d];
    }
    return new Result(topicOf, keywords(vectors, renumbered, k, vocabulary, settings), k == 1 ? 0 : bestSilhouette);
  }

  private static List<List<String>> keywords(SparseVector[] docs, int[] labels, int k, List<String> vocabulary,
      TopicSettings settings) {
    int dims = vocabulary.size();
    double[][] mean = new double[k][dims];
    int[] sizes = new int[k];
    for (int d = 0; d < docs.length; d++) {
      docs[d].addTo(mean[labels[d]]);
      sizes[labels[d]]++;
    }
    double[] total = new double[dims];
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < dims; i++) {
        mean[c][i] /= sizes[c];
        total[i] += mean[c][i];
      }
    }
    List<List<String>> out = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      final int topic = c;
      Integer[] ranked = new Integer[dims];
      for (int i = 0; i < dims; i++) {
        ranked[i] = i;
      }
      double[] score = new double[dims];
      for (int i = 0; i < dims; i++) {
        score[i] = total[i] == 0 ? 0 : mean[topic][i] * (mean[topic][i] / total[i]);
      }
      Arrays.sort(ranked, Comparator.comparingDouble((Integer i) -> -score[i]).thenComparing(vocabulary::get));
      List<String> chosen = new ArrayList<>();
      TreeSet<String> coveredWords = new TreeSet<>();
      for (int i : ranked) {
        if (score[i] <= 0 || chosen.size() >= settings.keywords()) {
          break;
        }
        String term = vocabulary.get(i);
        if (!term.contains(" ") && coveredWords.contains(term)) {
          continue; // "rate" after "burn rate"
        }
        int inside = term.contains(" ") ? firstWordOf(chosen, term) : -1;
        if (inside >= 0) {
          chosen.set(inside, term); // "burn rate" replaces an earlier "burn"
        } else {
          chosen.add(term);
        }
        coveredWords.addAll(List.of(term.split(" ")));
      }
      out.add(chosen);
    }
    return out;
  }

  /** Index of the first chosen single word that is one of the phrase's words, or -1. */
  private static int firstWordOf(List<String> chosen, String phrase) {
    List<String> words = List.of(phrase.split(" "));
    for (int i = 0; i < chosen.size(); i++) {
      if (!chosen.get(i).contains(" ") && words.contains(chosen.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Smallest cosine distance between two cluster centroids. */
  static double minCentroidDistance(SparseVector[] docs, int dims, int k, int[] labels) {
    double[][] c = SphericalKMeans.centroids(docs, dims, k, labels, null);
    double min = Double.POSITIVE_INFINITY;
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        double dot = 0;
        for (int i = 0; i < dims; i++) {
          dot += c[a][i] * c[b][i];
        }
        min = Math.min(min, 1 - dot);
      }
    }
    return min;
  }
}
