package dev.meetscope.transforms.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meetscope.models.governance.GroupSuppression;
import dev.meetscope.models.governance.InvalidOptionException;
import dev.meetscope.models.governance.RoleViews;
import dev.meetscope.models.report.ManagerDigestPage;
import dev.meetscope.models.governance.Roster;
import dev.meetscope.models.parse.TextDecoding;
import dev.meetscope.models.record.ParticipantMeeting;
import dev.meetscope.transforms.schema.RecordCoders;
import dev.meetscope.transforms.schema.RecordSchemaProvider;
import dev.meetscope.transforms.sink.RowJson;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Min;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The role-based file outputs (docs/governance.md §5), one folder per audience under
 * {@code <output>/views/}, from the protected participant_meeting rows:
 *
 * <pre>
 * views/host/host_key=&lt;hk&gt;/participant_meeting-….jsonl   per-person rows of the host's meetings
 * views/manager/manager_key=&lt;mk&gt;/team_week-….jsonl        direct reports per ISO week, groups under the
 *                                                          threshold suppressed (only with --roster)
 * views/people_ops/org_week/part-….jsonl                   organisation per ISO week, suppressed
 * views/people_ops/department_week/part-….jsonl            departments, complementary suppression
 * </pre>
 * One folder per host and manager lets storage permissions do the access control. {@code host_key} is the
 * host's participant_key ({@code _no_host} for meetings whose host is unknown); {@code manager_key} the key
 * of {@code email:<manager>}. Counters ({@value ApplyGovernance#NAMESPACE}): {@code view_groups_suppressed},
 * {@code view_rows_without_time}.
 */
public final class WriteRoleViews extends PTransform<PCollection<ParticipantMeeting>, PDone> {
  public static final String NO_HOST = "_no_host";
  private static final TupleTag<KV<String, String>> MANAGER = new TupleTag<>() {};
  private static final TupleTag<String> ORG = new TupleTag<>() {};
  private static final TupleTag<String> DEPARTMENT = new TupleTag<>() {};

  private final String root;
  private final String reportsRoot;
  private final String rosterPath;
  private final int minGroupSize;
  private final PseudonymKey key;

  private WriteRoleViews(String root, String reportsRoot, String rosterPath, int minGroupSize, PseudonymKey key) {
    this.root = root;
    this.reportsRoot = reportsRoot;
    this.rosterPath = rosterPath;
    this.minGroupSize = minGroupSize;
    this.key = key;
  }

  /** Checks the roster and the threshold now, so a bad roster stops the run before it starts. */
  public static WriteRoleViews to(String output, String rosterPath, int minGroupSize, PseudonymKey key) {
    new GroupSuppression(minGroupSize);
    String path = rosterPath == null || rosterPath.isBlank() ? null : rosterPath;
    if (path != null) {
      roster(path);
    }
    String base = output.endsWith("/") ? output : output + "/";
    return new WriteRoleViews(base + "views", base + "reports", path, minGroupSize, key);
  }

  /** Reads and checks a roster file; any problem is an option error. */
  public static Roster roster(String path) {
    TextDecoding.Decoded text = TextDecoding.decodeUtf8(GovernanceFiles.read(Roster.OPTION, path));
    if (!text.ok()) {
      throw new InvalidOptionException(Roster.OPTION, "the file is not valid UTF-8 (first bad byte at offset "
          + text.invalidByteOffset() + ")");
    }
    Roster roster = Roster.parse(text.text());
    if (!roster.problems().isEmpty()) {
      throw new InvalidOptionException(Roster.OPTION, roster.problems().size() + " problem(s): "
          + String.join("; ", roster.problems()));
    }
    return roster;
  }

  @Override
  public PDone expand(PCollection<ParticipantMeeting> rows) {
    // Host: every row goes to the folder of its meeting's host. The host of each meeting (one small entry per
    // meeting) is a side input, so the rows of a big meeting are never gathered in one place.
    PCollectionView<Map<String, String>> hosts = rows
        .apply("HostRows", Filter.by((ParticipantMeeting r) -> Boolean.TRUE.equals(r.isHost())))
        .apply("HostKeyByMeeting", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptors.strings()))
            .via((ParticipantMeeting r) -> KV.of(r.meetingKey(), r.participantKey())))
        .apply("OneHostPerMeeting", Min.perKey())
        .apply("HostsView", View.asMap());
    rows.apply("RouteRowsToHost", ParDo.of(new HostFn(hosts)).withSideInputs(hosts))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("WriteHostView", perFolder(root + "/host", "host_key=", "participant_meeting"));

    // Manager and people ops: aggregates per ISO week.
    PCollectionTuple weeks = rows
        .apply("KeyRowsByWeek", ParDo.of(new WeekKeyFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.of(ParticipantMeeting.class)))
        .apply("GroupRowsByWeek", GroupByKey.create())
        .apply("AggregateWeeks", ParDo.of(new WeekFn(rosterPath, minGroupSize, key))
            .withOutputTags(MANAGER, TupleTagList.of(List.of(ORG, DEPARTMENT))));
    PCollection<KV<String, String>> managerWeeks = weeks.get(MANAGER)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
    managerWeeks.apply("WriteManagerView", perFolder(root + "/manager", "manager_key=", "team_week"));
    // The managers' HTML digests (docs/reports.md) from the same, already suppressed, team-weeks.
    managerWeeks
        .apply("GroupWeeksByManager", GroupByKey.create())
        .apply("WriteManagerDigests", ParDo.of(new DigestFn(reportsRoot + "/managers/", minGroupSize)));
    weeks.get(ORG).setCoder(StringUtf8Coder.of()).apply("WriteOrgWeek", TextIO.write()
        .to(root + "/people_ops/org_week/part").withShardNameTemplate("-SSSSS-of-NNNNN").withSuffix(".jsonl"));
    weeks.get(DEPARTMENT).setCoder(StringUtf8Coder.of()).apply("WriteDepartmentWeek", TextIO.write()
        .to(root + "/people_ops/department_week/part").withShardNameTemplate("-SSSSS-of-NNNNN")
        .withSuffix(".jsonl"));
    return PDone.in(rows.getPipeline());
  }

  /** Renders one manager's digest page from their team-week rows and writes it (a rerun overwrites it). */
  static final class DigestFn extends DoFn<KV<String, Iterable<String>>, Void> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String folder;
    private final int minGroupSize;

    DigestFn(String folder, int minGroupSize) {
      this.folder = folder;
      this.minGroupSize = minGroupSize;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> manager) throws java.io.IOException {
      List<Map<String, Object>> weeks = new java.util.ArrayList<>();
      for (String json : manager.getValue()) {
        weeks.add(JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {}));
      }
      String html = new ManagerDigestPage(manager.getKey(), weeks, minGroupSize).render();
      org.apache.beam.sdk.io.fs.ResourceId file = org.apache.beam.sdk.io.FileSystems.matchNewResource(
          folder + ManagerDigestPage.fileName(manager.getKey()), false);
      try (java.io.OutputStream out = java.nio.channels.Channels.newOutputStream(
          org.apache.beam.sdk.io.FileSystems.create(file, "text/html"))) {
        out.write(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
  }

  private static FileIO.Write<String, KV<String, String>> perFolder(String folder, String prefix, String table) {
    return FileIO.<String, KV<String, String>>writeDynamic()
        .by(KV::getKey)
        .withDestinationCoder(StringUtf8Coder.of())
        .via(Contextful.fn(KV::getValue), TextIO.sink())
        .to(folder)
        .withNaming(dest -> FileIO.Write.defaultNaming(prefix + dest + "/" + table, ".jsonl"));
  }

  static final class HostFn extends DoFn<ParticipantMeeting, KV<String, String>> {
    private final PCollectionView<Map<String, String>> hosts;

    HostFn(PCollectionView<Map<String, String>> hosts) {
      this.hosts = hosts;
    }

    @ProcessElement
    public void process(@Element ParticipantMeeting r, OutputReceiver<KV<String, String>> out,
        ProcessContext c) {
      String host = c.sideInput(hosts).get(r.meetingKey());
      out.output(KV.of(host == null ? NO_HOST : host, RowJson.toJson(RecordSchemaProvider.toRow(r))));
    }
  }

  static final class WeekKeyFn extends DoFn<ParticipantMeeting, KV<String, ParticipantMeeting>> {
    @ProcessElement
    public void process(@Element ParticipantMeeting r, OutputReceiver<KV<String, ParticipantMeeting>> out) {
      LocalDate week = RoleViews.weekStart(r);
      if (week == null) {
        Metrics.counter(ApplyGovernance.NAMESPACE, "view_rows_without_time").inc();
        return;
      }
      out.output(KV.of(week.toString(), r));
    }
  }

  static final class WeekFn extends DoFn<KV<String, Iterable<ParticipantMeeting>>, KV<String, String>> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String rosterPath;
    private final int minGroupSize;
    private final PseudonymKey key;
    private transient RoleViews views;

    WeekFn(String rosterPath, int minGroupSize, PseudonymKey key) {
      this.rosterPath = rosterPath;
      this.minGroupSize = minGroupSize;
      this.key = key;
    }

    @Setup
    public void setup() {
      views = new RoleViews(rosterPath == null ? null : roster(rosterPath), key.pseudonymizer(),
          new GroupSuppression(minGroupSize));
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<ParticipantMeeting>> week, MultiOutputReceiver out)
        throws JsonProcessingException {
      List<ParticipantMeeting> rows = new ArrayList<>();
      week.getValue().forEach(rows::add);
      rows.sort(java.util.Comparator.comparing(ParticipantMeeting::meetingKey)
          .thenComparing(ParticipantMeeting::participantKey));
      RoleViews.Week w = views.week(LocalDate.parse(week.getKey()), rows);
      Metrics.counter(ApplyGovernance.NAMESPACE, "view_groups_suppressed").inc(w.suppressedGroups());
      for (RoleViews.Output o : w.manager()) {
        out.get(MANAGER).output(KV.of(o.destination(), JSON.writeValueAsString(o.row())));
      }
      for (RoleViews.Output o : w.peopleOps()) {
        out.get(o.destination().equals("org_week") ? ORG : DEPARTMENT).output(JSON.writeValueAsString(o.row()));
      }
    }
  }
}
