package dev.meetscope.models.scoring;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weights and thresholds of the scores (docs/metrics.md, "Scores"). The defaults live in
 * {@code default-profile.yaml} next to this class; a user profile ({@code --scoringProfile}, YAML or JSON, JSON
 * being YAML) overrides any subset of its keys. Anything else — an unknown key, a negative or non-numeric weight,
 * weights summing to 0, a ratio outside its range — is refused with the key's path, before a pipeline starts.
 *
 * @param name the profile's name
 * @param id {@code name@<first 8 hex of SHA-256 of the effective profile>}: written beside every score, so a row
 *     says exactly which weights produced it
 * @param engagementWeights attention, speaking, chat, questions, tone
 * @param questionsSaturation questions asked at which the questions component reaches 1
 * @param chatActivity {@code chat_activity} level → chat component
 * @param effectivenessWeights balance, engagement, questions_answered, action_item_clarity, crosstalk,
 *     engagement_drops
 * @param crosstalkFullPenaltyShare share of the meeting in crosstalk that costs the whole crosstalk component
 * @param dropRatio an engagement drop is an index at least this fraction below its trailing median …
 * @param dropTrailingMinutes … of this many preceding minutes …
 * @param dropMinMinutes … for at least this many consecutive minutes
 * @param seriesAlertThreshold effectiveness below which a series occurrence counts toward an alert
 * @param seriesAlertConsecutive consecutive low occurrences that raise a series alert
 * @param anomalyBelowRatio a meeting is anomalous when a metric is at least this fraction below its baseline's median
 * @param anomalyMinBaseline the fewest baseline meetings an anomaly needs
 */
public record ScoringProfile(
    String name,
    String id,
    Map<String, Double> engagementWeights,
    double questionsSaturation,
    Map<String, Double> chatActivity,
    Map<String, Double> effectivenessWeights,
    double crosstalkFullPenaltyShare,
    double dropRatio,
    int dropTrailingMinutes,
    int dropMinMinutes,
    double seriesAlertThreshold,
    int seriesAlertConsecutive,
    double anomalyBelowRatio,
    int anomalyMinBaseline) implements Serializable {
  private static final String DEFAULT_RESOURCE = "default-profile.yaml";
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectNode DEFAULT_TREE = readDefaultTree();
  private static final ScoringProfile DEFAULTS = fromTree(DEFAULT_TREE.deepCopy(), DEFAULT_RESOURCE);

  public ScoringProfile {
    // Insertion order is the documented component order; keep it for explanations.
    engagementWeights = Collections.unmodifiableMap(new LinkedHashMap<>(engagementWeights));
    chatActivity = Collections.unmodifiableMap(new LinkedHashMap<>(chatActivity));
    effectivenessWeights = Collections.unmodifiableMap(new LinkedHashMap<>(effectivenessWeights));
  }

  /** The documented default profile. */
  public static ScoringProfile defaults() {
    return DEFAULTS;
  }

  /**
   * Parses a profile's text (YAML or JSON) over the defaults.
   *
   * @param source where the text came from, for messages
   * @throws IllegalArgumentException saying which key is wrong and why
   */
  public static ScoringProfile parse(String text, String source) {
    JsonNode user;
    try {
      user = YAML.readTree(text);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("scoring profile " + source + " is neither valid YAML nor JSON: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectNode merged = DEFAULT_TREE.deepCopy();
    if (user != null && !user.isMissingNode() && !user.isNull()) {
      if (!user.isObject()) {
        throw new IllegalArgumentException("scoring profile " + source + " must be a mapping of keys such as"
            + " engagement.weights.attention, got " + user.getNodeType().toString().toLowerCase());
      }
      merge(merged, (ObjectNode) user, "", source);
    }
    return fromTree(merged, source);
  }

  /** Overlays {@code user} on {@code base}; a key the defaults lack is refused. */
  private static void merge(ObjectNode base, ObjectNode user, String path, String source) {
    Iterator<Map.Entry<String, JsonNode>> fields = user.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = path + field.getKey();
      JsonNode known = base.get(field.getKey());
      if (known == null) {
        List<String> keys = new ArrayList<>();
        base.fieldNames().forEachRemaining(k -> keys.add(path + k));
        throw new IllegalArgumentException("scoring profile " + source + ": unknown key " + key + " (known here: "
            + String.join(", ", keys) + ")");
      }
      if (known.isObject()) {
        if (!field.getValue().isObject()) {
          throw new IllegalArgumentException("scoring profile " + source + ": " + key + " must be a mapping");
        }
        merge((ObjectNode) known, (ObjectNode) field.getValue(), key + ".", source);
      } else {
        base.set(field.getKey(), field.getValue());
      }
    }
  }

  private static ScoringProfile fromTree(ObjectNode tree, String source) {
    Reader r = new Reader(tree, source);
    String name = r.text("name");
    Map<String, Double> engagement = r.weights("engagement.weights");
    double saturation = r.number("engagement.questions_saturation", 1, 1000);
    Map<String, Double> chat = new LinkedHashMap<>();
    for (String level : List.of("none", "low", "medium", "high")) {
      chat.put(level, r.number("engagement.chat_activity." + level, 0, 1));
    }
    Map<String, Double> effectiveness = r.weights("effectiveness.weights");
    double crosstalk = r.number("effectiveness.crosstalk_full_penalty_share", 0.001, 1);
    double dropRatio = r.number("engagement_drops.drop_ratio", 0.01, 0.99);
    int trailing = (int) r.whole("engagement_drops.trailing_minutes", 1, 240);
    int minMinutes = (int) r.whole("engagement_drops.min_minutes", 1, 240);
    double threshold = r.number("series.alert_threshold", 0, 100);
    int consecutive = (int) r.whole("series.alert_consecutive", 1, 100);
    double anomalyRatio = r.number("anomaly.below_ratio", 0.01, 0.99);
    int minBaseline = (int) r.whole("anomaly.min_baseline", 1, 1000);
    return new ScoringProfile(name, name + "@" + digest(tree), engagement, saturation, chat, effectiveness,
        crosstalk, dropRatio, trailing, minMinutes, threshold, consecutive, anomalyRatio, minBaseline);
  }

  private static String digest(ObjectNode tree) {
    try {
      byte[] canonical = new ObjectMapper().writeValueAsBytes(tree);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical)).substring(0, 8);
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode readDefaultTree() {
    try (InputStream in = ScoringProfile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the class path");
      }
      return (ObjectNode) YAML.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads typed values by dotted path, refusing wrong types and out-of-range values. */
  private record Reader(ObjectNode tree, String source) {
    JsonNode at(String path) {
      JsonNode node = tree;
      for (String part : path.split("\\.")) {
        node = node.path(part);
      }
      return node;
    }

    String text(String path) {
      JsonNode n = at(path);
      if (!n.isTextual() || n.asText().isBlank()) {
        throw fail(path, "must be a non-empty text", n);
      }
      return n.asText().strip();
    }

    double number(String path, double min, double max) {
      JsonNode n = at(path);
      if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
        throw fail(path, "must be a number", n);
      }
      double v = n.asDouble();
      if (v < min || v > max) {
        throw fail(path, "must be between " + min + " and " + max, n);
      }
      return v;
    }

    long whole(String path, long min, long max) {
      JsonNode n = at(path);
      if (!n.isIntegralNumber()) {
        throw fail(path, "must be a whole number", n);
      }
      long v = n.asLong();
      if (v < min || v > max) {
        throw fail(path, "must be between " + min + " and " + max, n);
      }
      return v;
    }

    Map<String, Double> weights(String path) {
      Map<String, Double> weights = new LinkedHashMap<>();
      double sum = 0;
      Iterator<String> names = at(path).fieldNames();
      while (names.hasNext()) {
        String component = names.next();
        double w = number(path + "." + component, 0, 1000);
        weights.put(component, w);
        sum += w;
      }
      if (sum <= 0) {
        throw new IllegalArgumentException("scoring profile " + source + ": the weights under " + path
            + " sum to 0; at least one must be positive");
      }
      return weights;
    }

    IllegalArgumentException fail(String path, String rule, JsonNode got) {
      return new IllegalArgumentException("scoring profile " + source + ": " + path + " " + rule + ", got "
          + (got.isMissingNode() ? "nothing" : got.toString()));
    }
  }
}
