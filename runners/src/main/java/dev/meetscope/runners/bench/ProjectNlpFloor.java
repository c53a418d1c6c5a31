package dev.meetscope.runners.bench;

import dev.meetscope.models.analytics.AnalyticsSettings;
import dev.meetscope.models.analytics.conversation.TextFeatures;
import dev.meetscope.models.nlp.NlpConfig;
import dev.meetscope.models.nlp.TermDoc;
import dev.meetscope.models.nlp.TextItem;
import dev.meetscope.models.nlp.actions.ActionItemDetector;
import dev.meetscope.models.nlp.sentiment.ScoredBatch;
import dev.meetscope.models.nlp.sentiment.SentimentScorer;
import dev.meetscope.models.nlp.topics.TermExtractor;
import dev.meetscope.models.nlp.topics.TopicSettings;
import dev.meetscope.models.parse.InputFile;
import dev.meetscope.models.parse.MeetingFolderParser;
import dev.meetscope.models.parse.ParsedMeeting;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.Utterance;
import dev.meetscope.models.record.UtteranceSentiment;
import dev.meetscope.transforms.nlp.ClusterTopics;
import dev.meetscope.transforms.nlp.ScoreSentiment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The NLP floor: the project's own NLP path — sentiment ({@link SentimentScorer}, in bundles of
 * {@link NlpBenchmark#BUNDLE} texts), terms ({@link TermExtractor}), action items and per-meeting topics
 * ({@link ClusterTopics#analyse}) — on the texts of the generated meetings, in this JVM, on one thread, without
 * Beam. The meeting files are parsed first, outside the timing; the models are loaded cold inside it (the job
 * loads them too), and the load is reported on its own.
 */
final class ProjectNlpFloor implements NlpFloor {
  private final NlpConfig config;
  private final TopicSettings topics;

  ProjectNlpFloor(NlpConfig config, TopicSettings topics) {
    this.config = config;
    this.topics = topics;
  }

  ProjectNlpFloor() {
    this(NlpConfig.defaults(), TopicSettings.defaults());
  }

  private record MeetingText(String key, MeetingManifest manifest, List<TextItem> items) {}

  @Override
  public Optional<Measurement> measure(Path generated) throws IOException {
    List<MeetingText> meetings = read(generated);
    long texts = meetings.stream().mapToLong(m -> m.items().size()).sum();
    AnalyticsSettings analytics = AnalyticsSettings.defaults();

    long cpu0 = RunCpu.processCpuNanos();
    long t0 = System.nanoTime();
    SentimentScorer scorer = new SentimentScorer(config);
    scorer.score(List.of("Loading the models."));
    TermExtractor extractor = new TermExtractor();
    extractor.terms("Loading the models.");
    long loaded = System.nanoTime();
    long sink = 0;
    for (MeetingText m : meetings) {
      List<UtteranceSentiment> sentiments = new ArrayList<>(m.items().size());
      for (int from = 0; from < m.items().size(); from += NlpBenchmark.BUNDLE) {
        List<TextItem> bundle = m.items().subList(from, Math.min(m.items().size(), from + NlpBenchmark.BUNDLE));
        ScoredBatch batch = scorer.score(bundle.stream().map(TextItem::text).toList());
        for (int i = 0; i < bundle.size(); i++) {
          sentiments.add(ScoreSentiment.row(bundle.get(i), batch.results().get(i)));
        }
      }
      List<TermDoc> docs = new ArrayList<>(m.items().size());
      for (TextItem item : m.items()) {
        docs.add(new TermDoc(item.withoutText(), TextFeatures.words(item.text()), extractor.terms(item.text())));
        sink += ActionItemDetector.detect(item.text()).size();
      }
      sink += ClusterTopics.analyse(m.key(), docs, sentiments, m.manifest(), null, topics, analytics).topics().size();
    }
    long wall = System.nanoTime() - t0;
    long cpu = RunCpu.processCpuNanos() - cpu0;
    if (sink < 0) {
      throw new IllegalStateException("unreachable: keeps the results alive");
    }
    return Optional.of(new Measurement(wall / 1e9, (cpu > 0 ? cpu : wall) / 1e9, (loaded - t0) / 1e9, texts,
        meetings.size()));
  }

  /** Every meeting folder's cues and public chat messages, as the nightly job's parse step would give them. */
  private static List<MeetingText> read(Path generated) throws IOException {
    MeetingFolderParser parser = new MeetingFolderParser(ZoneOffset.UTC, List.of());
    List<MeetingText> out = new ArrayList<>();
    List<Path> folders;
    try (Stream<Path> s = Files.list(generated)) {
      folders = s.filter(Files::isDirectory).sorted().toList();
    }
    for (Path folder : folders) {
      List<InputFile> files = new ArrayList<>();
      try (Stream<Path> s = Files.list(folder)) {
        for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
          files.add(new InputFile(f.toString(), Files.readAllBytes(f)));
        }
      }
      ParsedMeeting parsed = parser.parse(folder.getFileName().toString(), files);
      List<TextItem> items = new ArrayList<>();
      for (Utterance u : parsed.utterances()) {
        items.add(TextItem.of(u));
      }
      for (ChatMessage c : parsed.chatMessages()) {
        TextItem item = TextItem.of(c);
        if (item != null) {
          items.add(item);
        }
      }
      out.add(new MeetingText(parsed.meetingKey(), parsed.manifest(), items));
    }
    return out;
  }
}
