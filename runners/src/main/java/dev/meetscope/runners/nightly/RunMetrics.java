package dev.meetscope.runners.nightly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * Builds {@code _METRICS.json}: per stage and format the files, records read, parsed and dead-lettered
 * (from the per-file statistics the job wrote, so the numbers do not depend on a runner's metric support),
 * each input file's fate, rows per output table and the raw Beam counters.
 */
public final class RunMetrics {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Totals of one run, for the console summary and the exit decision. */
  public record Totals(long meetings, long files, long filesDeadLettered, long recordsRead, long parsed,
      long deadLettered, long skipped, long meetingsSkipped, boolean consistent) {}

  private final ObjectNode root = JSON.createObjectNode();
  private Totals totals;

  public Totals totals() {
    return totals;
  }

  public String toJson() throws IOException {
    return JSON.writeValueAsString(root);
  }

  /** Reads the per-file statistics JSON lines. */
  public static List<JsonNode> readFileStats(OutputFolder out, String folder) throws IOException {
    List<JsonNode> stats = new ArrayList<>();
    for (ResourceId file : out.list(folder)) {
      for (String line : OutputFolder.readString(file).split("\n")) {
        if (!line.isBlank()) {
          stats.add(JSON.readTree(line));
        }
      }
    }
    stats.sort(Comparator.comparing((JsonNode n) -> n.get("source_file").asText()));
    return stats;
  }

  public RunMetrics build(Map<String, Object> run, List<JsonNode> fileStats, PipelineResult result,
      List<String> tables) {
    ObjectNode runNode = root.putObject("run");
    run.forEach((k, v) -> runNode.putPOJO(k, v));

    Map<String, long[]> byFormat = new TreeMap<>();
    ArrayNode files = JSON.createArrayNode();
    long read = 0;
    long parsed = 0;
    long dead = 0;
    long deadFiles = 0;
    long skipped = 0;
    java.util.Set<String> skippedMeetings = new java.util.TreeSet<>();
    boolean consistent = true;
    java.util.Set<String> meetings = new java.util.TreeSet<>();
    for (JsonNode s : fileStats) {
      String format = s.get("format").asText();
      long r = s.get("records_read").asLong();
      long p = s.get("records_parsed").asLong();
      long d = s.get("records_dead_lettered").asLong();
      long[] acc = byFormat.computeIfAbsent(format, f -> new long[4]);
      acc[0]++;
      acc[1] += r;
      acc[2] += p;
      acc[3] += d;
      read += r;
      parsed += p;
      dead += d;
      if ("dead_lettered".equals(s.get("status").asText())) {
        deadFiles++;
      }
      // A meeting skipped for want of consent: its records were read, then neither used nor dead-lettered.
      long sk = "skipped".equals(s.get("status").asText()) ? r - p - d : 0;
      if (sk > 0 || "skipped".equals(s.get("status").asText())) {
        skippedMeetings.add(s.get("meeting_key").asText());
      }
      skipped += sk;
      consistent &= r == p + d + sk;
      meetings.add(s.get("meeting_key").asText());
      ObjectNode f = files.addObject();
      f.put("file", s.get("source_file").asText());
      f.put("meeting_key", s.get("meeting_key").asText());
      f.put("format", format);
      f.put("status", s.get("status").asText());
      f.put("bytes", s.get("bytes").asLong());
      f.put("records_read", r);
      f.put("parsed", p);
      f.put("dead_lettered", d);
      f.put("skipped", sk);
    }
    ObjectNode stages = root.putObject("stages");
    ObjectNode parse = stages.putObject("parse");
    byFormat.forEach((format, acc) -> {
      ObjectNode n = parse.putObject(format);
      n.put("files", acc[0]);
      n.put("records_read", acc[1]);
      n.put("parsed", acc[2]);
      n.put("dead_lettered", acc[3]);
    });
    ObjectNode total = root.putObject("totals");
    total.put("meetings", meetings.size());
    total.put("files", fileStats.size());
    total.put("files_dead_lettered", deadFiles);
    total.put("records_read", read);
    total.put("parsed", parsed);
    total.put("dead_lettered", dead);
    total.put("skipped", skipped);
    total.put("meetings_skipped", skippedMeetings.size());
    total.put("counts_add_up", consistent);
    root.set("files", files);

    Map<String, Long> counters = counters(result);
    ObjectNode tableRows = root.putObject("tables");
    for (String t : tables) {
      tableRows.put(t, counters.getOrDefault("sink/" + t + ".rows", 0L));
    }
    ObjectNode beam = root.putObject("beam_counters");
    counters.forEach(beam::put);
    totals = new Totals(meetings.size(), fileStats.size(), deadFiles, read, parsed, dead, skipped,
        skippedMeetings.size(), consistent);
    return this;
  }

  /** Beam counters as {@code namespace/name → value}; committed values where the runner has them. */
  static Map<String, Long> counters(PipelineResult result) {
    Map<String, Long> out = new TreeMap<>();
    MetricQueryResults q = result.metrics().queryMetrics(MetricsFilter.builder().build());
    for (MetricResult<Long> c : q.getCounters()) {
      String key = c.getName().getNamespace() + "/" + c.getName().getName();
      Long v;
      try {
        v = c.getCommitted();
      } catch (UnsupportedOperationException e) {
        v = c.getAttempted();
      }
      out.merge(key, v == null ? 0L : v, Long::sum);
    }
    return out;
  }
}
