package dev.meetscope.runners.bench;

import dev.meetscope.models.nlp.CoreNlpHolder;
import dev.meetscope.models.nlp.NlpConfig;
import dev.meetscope.models.nlp.ParserChoice;
import dev.meetscope.models.nlp.sentiment.ScoredBatch;
import dev.meetscope.models.nlp.sentiment.SentimentScale;
import dev.meetscope.models.nlp.sentiment.SentimentScorer;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.ejml.simple.SimpleMatrix;

/**
 * Sentences per CPU-second (and per wall-clock second) of (a) plain CoreNLP, one {@code process} call per sentence in a loop, and (b) the
 * project's sentiment path ({@link SentimentScorer} in bundles of {@link #BUNDLE} texts, fresh cache), on the
 * same sentences in the same JVM after a warm-up. The baseline uses the same parser model and
 * {@code parse.maxlen} as the project path and CoreNLP's defaults for everything else.
 */
final class NlpBenchmark {
  /** Texts per call of the project path, as a Beam bundle would hand them over. */
  static final int BUNDLE = 256;

  private final PrintStream out;

  NlpBenchmark(PrintStream out) {
    this.out = out;
  }

  /** Runs the benchmark; returns project sentences/s ÷ raw sentences/s. */
  double run(BenchCorpus corpus, List<String> warmUp, NlpConfig config, boolean parsers, int parserSentences) {
    List<String> sentences = corpus.sentences();
    if (parsers) {
      List<String> sample = sentences.subList(0, Math.min(parserSentences, sentences.size()));
      out.printf(Locale.ROOT, "parser comparison on the first %d sentences (each after a warm-up):%n", sample.size());
      compareParsers(sample, warmUp, config);
    }
    StanfordCoreNLP raw = CoreNlpHolder.raw(rawProperties(config.parser(), config.parseMaxLen(), true));
    out.println("loading models and warming up ...");
    rawLoop(raw, warmUp);
    new SentimentScorer(config).score(warmUp);

    Timing rawTime = time(() -> rawLoop(raw, sentences));
    double rawRate = rawTime.rate(sentences.size());
    out.printf(Locale.ROOT, "raw CoreNLP    (tokenize,ssplit,pos,parse,sentiment; parse.model=%s, parse.maxlen=%d, "
        + "CoreNLP defaults otherwise; one process() per sentence): %d sentences, %s%n",
        config.parser().id(), config.parseMaxLen(), sentences.size(), rawTime.describe(sentences.size()));

    SentimentScorer scorer = new SentimentScorer(config);
    ScoredBatch[] last = new ScoredBatch[1];
    int[] stats = new int[4];
    Timing projectTime = time(() -> {
      for (int from = 0; from < sentences.size(); from += BUNDLE) {
        last[0] = scorer.score(sentences.subList(from, Math.min(sentences.size(), from + BUNDLE)));
        stats[0] += last[0].stats().cacheHits();
        stats[1] += last[0].stats().parsed();
        stats[2] += last[0].stats().runOnSplits();
        stats[3] += last[0].stats().failed();
      }
    });
    double projectRate = projectTime.rate(sentences.size());
    out.printf(Locale.ROOT, "project path   (%s; bundles of %d texts, cache empty at start): %d sentences, %s; "
        + "pieces from cache %d, parsed %d, run-ons split %d, failed %d%n",
        config.describe(), BUNDLE, sentences.size(), projectTime.describe(sentences.size()), stats[0], stats[1],
        stats[2], stats[3]);
    return projectRate / rawRate;
  }

  private void compareParsers(List<String> sample, List<String> warmUp, NlpConfig config) {
    record Setup(String name, Properties props) {}
    List<Setup> setups = List.of(
        new Setup("raw PCFG (CoreNLP default parser)", rawProperties(ParserChoice.PCFG, -1, true)),
        new Setup("raw PCFG, parse.maxlen=40", rawProperties(ParserChoice.PCFG, 40, true)),
        new Setup("raw SR (englishSR)", rawProperties(ParserChoice.SR, -1, true)),
        new Setup("raw SR, parse.buildgraphs=false", rawProperties(ParserChoice.SR, -1, false)));
    for (Setup s : setups) {
      StanfordCoreNLP nlp = CoreNlpHolder.raw(s.props());
      rawLoop(nlp, warmUp.subList(0, Math.min(20, warmUp.size())));
      Timing t = time(() -> rawLoop(nlp, sample));
      out.printf(Locale.ROOT, "  %-42s %s%n", s.name(), t.describe(sample.size()));
    }
    List<List<Double>> scores = new ArrayList<>();
    for (ParserChoice p : ParserChoice.values()) {
      NlpConfig c = config.withParser(p).withCacheSize(0);
      SentimentScorer scorer = new SentimentScorer(c);
      scorer.score(warmUp.subList(0, Math.min(20, warmUp.size())));
      List<Double> perSentence = new ArrayList<>();
      Timing t = time(() -> {
        for (int from = 0; from < sample.size(); from += BUNDLE) {
          scorer.score(sample.subList(from, Math.min(sample.size(), from + BUNDLE))).results()
              .forEach(r -> perSentence.add(r.sentiment()));
        }
      });
      scores.add(perSentence);
      out.printf(Locale.ROOT, "  %-42s %s%n", "project path " + p.id() + ", run-on split, no cache",
          t.describe(sample.size()));
    }
    agreement(scores.get(0), scores.get(1));
  }

  /** How far the two parsers' sentiment scores of the same sentences differ. */
  private void agreement(List<Double> a, List<Double> b) {
    int both = 0;
    int same = 0;
    double diff = 0;
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != null && b.get(i) != null) {
        both++;
        same += polarity(a.get(i)) == polarity(b.get(i)) ? 1 : 0;
        diff += Math.abs(a.get(i) - b.get(i));
      }
    }
    out.printf(Locale.ROOT, "  sr vs pcfg on the same %d sentences: polarity (<0.4 / 0.4–0.6 / >0.6) agrees for "
        + "%.1f %%, mean |difference| %.3f%n", both, 100.0 * same / Math.max(1, both), diff / Math.max(1, both));
  }

  private static int polarity(double score) {
    return score < 0.4 ? -1 : score > 0.6 ? 1 : 0;
  }

  static Properties rawProperties(ParserChoice parser, int maxLen, boolean buildGraphs) {
    Properties p = new Properties();
    p.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
    p.setProperty("parse.model", parser.modelPath());
    if (maxLen > 0) {
      p.setProperty("parse.maxlen", Integer.toString(maxLen));
    }
    if (!buildGraphs) {
      p.setProperty("parse.buildgraphs", "false");
    }
    return p;
  }

  /** The plain loop: one annotation per sentence, reading each sentence's class probabilities. */
  static double rawLoop(StanfordCoreNLP nlp, List<String> sentences) {
    double sum = 0;
    for (String s : sentences) {
      Annotation a = nlp.process(s);
      for (CoreMap sentence : a.get(CoreAnnotations.SentencesAnnotation.class)) {
        Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
        SimpleMatrix p = tree == null ? null : RNNCoreAnnotations.getPredictions(tree);
        if (p != null) {
          double[] probs = new double[5];
          for (int i = 0; i < 5; i++) {
            probs[i] = p.get(i);
          }
          sum += SentimentScale.score(probs);
        }
      }
    }
    return sum;
  }

  /**
   * Wall-clock and CPU seconds of the whole JVM (all threads, GC included). Rates are per CPU-second: on a
   * shared machine the wall clock measures the neighbours as much as the code.
   */
  record Timing(double wallSeconds, double cpuSeconds) {
    double rate(int sentences) {
      return sentences / cpuSeconds;
    }

    String describe(int sentences) {
      return String.format(Locale.ROOT, "%.1f sentences per CPU-second (%.2f CPU-s; wall %.2f s = %.1f sentences/s)",
          rate(sentences), cpuSeconds, wallSeconds, sentences / wallSeconds);
    }
  }

  static Timing time(Runnable r) {
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    r.run();
    long wall = System.nanoTime() - t0;
    long cpu = processCpuNanos() - cpu0;
    return new Timing(wall / 1e9, (cpu > 0 ? cpu : wall) / 1e9);
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
