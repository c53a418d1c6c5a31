package dev.meetscope.runners.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Dataflow job specification (the JSON of {@code DataflowPipelineTranslator.jobToString}) reduced to what
 * a graph check needs: each step's kind, system name, user (transform) name, outputs and consumed inputs.
 */
public record DataflowJob(String json, List<Step> steps) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One step; {@code inputs} are the {@code stepName/outputName} references it consumes. */
  public record Step(String kind, String name, String userName, List<String> outputs, Set<String> inputs) {}

  /** An output of a step that no other step consumes. */
  public record Dangling(String userName, String output) {}

  public static DataflowJob parse(String json) throws IOException {
    JsonNode root = JSON.readTree(json);
    List<Step> steps = new ArrayList<>();
    for (JsonNode s : root.path("steps")) {
      JsonNode p = s.path("properties");
      List<String> outputs = new ArrayList<>();
      for (JsonNode o : p.path("output_info")) {
        outputs.add(text(o.path("output_name")));
      }
      Set<String> inputs = new HashSet<>();
      for (String field : List.of("parallel_input", "inputs", "non_parallel_inputs")) {
        collectReferences(p.path(field), inputs);
      }
      steps.add(new Step(s.path("kind").asText(), s.path("name").asText(), text(p.path("user_name")), outputs,
          inputs));
    }
    return new DataflowJob(json, List.copyOf(steps));
  }

  /** Every output that no step consumes, in step order. */
  public List<Dangling> unconsumedOutputs() {
    Set<String> consumed = new HashSet<>();
    steps.forEach(s -> consumed.addAll(s.inputs()));
    List<Dangling> out = new ArrayList<>();
    for (Step s : steps) {
      for (String o : s.outputs()) {
        if (!consumed.contains(s.name() + "/" + o)) {
          out.add(new Dangling(s.userName(), o));
        }
      }
    }
    return out;
  }

  /** The step whose user name is {@code userName}, or null. */
  public Step step(String userName) {
    return steps.stream().filter(s -> s.userName().equals(userName)).findFirst().orElse(null);
  }

  /** Steps consuming {@code output} of {@code producer}. */
  public List<Step> consumersOf(Step producer, String output) {
    String ref = producer.name() + "/" + output;
    return steps.stream().filter(s -> s.inputs().contains(ref)).toList();
  }

  private static void collectReferences(JsonNode node, Set<String> into) {
    if (node.isObject()) {
      if ("OutputReference".equals(node.path("@type").asText())) {
        into.add(text(node.path("step_name")) + "/" + text(node.path("output_name")));
      }
      node.elements().forEachRemaining(n -> collectReferences(n, into));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(n -> collectReferences(n, into));
    }
  }

  /** Strings in a job spec are either plain or wrapped as {@code {"@type": ..., "value": "..."}}. */
  private static String text(JsonNode n) {
    return n.has("value") ? n.get("value").asText() : n.asText();
  }
}
