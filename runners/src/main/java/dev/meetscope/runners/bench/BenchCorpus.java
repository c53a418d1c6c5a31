package dev.meetscope.runners.bench;

import dev.meetscope.fixtures.GeneratorSpec;
import dev.meetscope.fixtures.MeetingGenerator;
import dev.meetscope.models.nlp.CoreNlpHolder;
import dev.meetscope.models.nlp.TextItem;
import dev.meetscope.models.parse.InputFile;
import dev.meetscope.models.parse.MeetingFolderParser;
import dev.meetscope.models.parse.ParsedMeeting;
import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.Utterance;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Benchmark input: sentences of generated meetings ({@link MeetingGenerator}, parsed by the real readers), in
 * meeting order, transcript and public chat. Generated cues are short and well punctuated; real transcripts are
 * not, so a seeded share of sentences is joined into run-ons of 41–70 tokens with connectives and fillers.
 */
public record BenchCorpus(List<String> sentences, int speech, int chat, int runOns) {
  private static final String[] JOINERS = {", and ", ", so ", " and um ", ", but ", " because ", " and then "};

  public static BenchCorpus generate(int wanted, long seed, double runOnShare) throws IOException {
    Path dir = Files.createTempDirectory("meetscope-bench");
    try {
      List<String> speech = new ArrayList<>();
      List<String> chat = new ArrayList<>();
      int meetings = 0;
      Random random = new Random(seed);
      while (speech.size() + chat.size() < wanted && meetings < 50) {
        meetings++;
        Path out = dir.resolve("m" + meetings);
        new MeetingGenerator().generate(GeneratorSpec.of(1, 14, seed + meetings), out);
        for (ParsedMeeting m : parse(out)) {
          List<Utterance> cues = new ArrayList<>(m.utterances());
          cues.sort(Comparator.comparingLong(Utterance::startMs));
          List<String> cueSentences = new ArrayList<>();
          cues.forEach(u -> cueSentences.addAll(split(u.text())));
          speech.addAll(withRunOns(cueSentences, runOnShare, random));
          for (ChatMessage c : m.chatMessages()) {
            TextItem item = TextItem.of(c);
            if (item != null) {
              chat.addAll(split(item.text()));
            }
          }
        }
      }
      // Interleave as in a meeting: chat lines among the speech, in proportion.
      List<String> all = new ArrayList<>();
      int s = 0;
      int c = 0;
      int speechUsed = 0;
      int chatUsed = 0;
      while (all.size() < wanted && (s < speech.size() || c < chat.size())) {
        boolean takeChat = c < chat.size() && (s >= speech.size() || (long) c * speech.size() < (long) s * chat.size());
        if (takeChat) {
          all.add(chat.get(c++));
          chatUsed++;
        } else {
          all.add(speech.get(s++));
          speechUsed++;
        }
      }
      int runOns = (int) all.stream().filter(x -> tokens(x) > 40).count();
      return new BenchCorpus(List.copyOf(all), speechUsed, chatUsed, runOns);
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  public double meanTokens() {
    return sentences.stream().mapToInt(BenchCorpus::tokens).average().orElse(0);
  }

  public long distinct() {
    return sentences.stream().distinct().count();
  }

  static int tokens(String sentence) {
    Annotation a = new Annotation(sentence);
    CoreNlpHolder.splitter().annotate(a);
    return a.get(CoreAnnotations.TokensAnnotation.class).size();
  }

  private static List<ParsedMeeting> parse(Path root) throws IOException {
    List<ParsedMeeting> out = new ArrayList<>();
    MeetingFolderParser parser = new MeetingFolderParser(ZoneId.of("UTC"), List.of());
    try (Stream<Path> folders = Files.list(root)) {
      for (Path folder : folders.sorted().toList()) {
        List<InputFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
          for (Path f : list.sorted().toList()) {
            files.add(new InputFile(f.toString(), Files.readAllBytes(f)));
          }
        }
        out.add(parser.parse(folder.getFileName().toString(), files));
      }
    }
    return out;
  }

  private static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    Annotation a = new Annotation(text);
    CoreNlpHolder.splitter().annotate(a);
    for (CoreMap s : a.get(CoreAnnotations.SentencesAnnotation.class)) {
      out.add(s.get(CoreAnnotations.TextAnnotation.class));
    }
    return out;
  }

  /** Joins runs of consecutive sentences into run-ons of 41–70 tokens, for about {@code share} of the output. */
  static List<String> withRunOns(List<String> sentences, double share, Random random) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < sentences.size()) {
      if (random.nextDouble() >= share) {
        out.add(sentences.get(i++));
        continue;
      }
      StringBuilder b = new StringBuilder(strip(sentences.get(i++)));
      int n = tokens(b.toString());
      while (i < sentences.size() && n <= 40) {
        String next = strip(sentences.get(i));
        if (n + tokens(next) > 70) {
          break;
        }
        b.append(JOINERS[random.nextInt(JOINERS.length)]).append(lower(next));
        n = tokens(b.toString());
        i++;
      }
      out.add(b.append('.').toString());
    }
    return out;
  }

  private static String strip(String s) {
    return s.replaceAll("[.?!…]+$", "").strip();
  }

  private static String lower(String s) {
    if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))
        && !s.startsWith("I ") && !s.startsWith("I'")) {
      return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
    return s;
  }
}
