package dev.meetscope.runners.bench;

import dev.meetscope.models.nlp.ModelInventory;
import dev.meetscope.models.nlp.NlpConfig;
import dev.meetscope.pipelines.nlp.NlpOptions;
import dev.meetscope.runners.cli.Command;
import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.runners.cli.OptionsHelp;
import dev.meetscope.runners.cli.UsageException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code meetscope bench nlp [--sentences=N] [--parsers=true]}: sentiment throughput of plain CoreNLP and of the
 * project's path on the same generated meeting speech, one JVM, ending with {@code ratio=<project ÷ raw>}.
 */
public final class BenchNlp implements Command {
  @Override
  public String name() {
    return "nlp";
  }

  @Override
  public String summary() {
    return "sentiment sentences/s: raw CoreNLP loop vs the project path, and their ratio";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("Usage: meetscope bench nlp [--sentences=N] [--parsers=true] [NLP options]");
    out.println();
    out.println("Scores the same generated meeting sentences with plain CoreNLP in a loop and with the");
    out.println("project's sentiment path, in one JVM, and prints sentences per second for both; the last line is");
    out.println("ratio=<project sentences/s / raw sentences/s>.");
    out.println();
    out.println("Options:");
    OptionsHelp.print(out, BenchOptions.class);
    OptionsHelp.print(out, NlpOptions.class);
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (OptionsHelp.wantsHelp(args)) {
      printHelp(out);
      return ExitCodes.OK;
    }
    return nlp(args, ModelInventory.load(), out);
  }

  private int nlp(String[] args, ModelInventory inventory, PrintStream out) throws Exception {
    BenchOptions options;
    NlpConfig config;
    try {
      options = PipelineOptionsFactory.fromArgs(args).as(BenchOptions.class);
      config = NlpOptions.config(options);
      if (options.getSentences() < 1 || options.getParserSentences() < 1) {
        throw new IllegalArgumentException("--sentences and --parserSentences must be at least 1");
      }
      if (options.getRunOnShare() < 0 || options.getRunOnShare() > 1) {
        throw new IllegalArgumentException("--runOnShare must be from 0 to 1");
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    out.println("meetscope bench nlp");
    out.print(inventory.describe());
    BenchCorpus corpus = BenchCorpus.generate(options.getSentences(), options.getSeed(), options.getRunOnShare());
    BenchCorpus warmUp = BenchCorpus.generate(300, options.getSeed() + 1000, options.getRunOnShare());
    out.printf(Locale.ROOT, "corpus: %d sentences of generated meetings (seed %d): %d speech, %d chat; %.1f tokens "
        + "on average; %d (%.1f %%) over 40 tokens; %d distinct%n", corpus.sentences().size(), options.getSeed(),
        corpus.speech(), corpus.chat(), corpus.meanTokens(), corpus.runOns(),
        100.0 * corpus.runOns() / corpus.sentences().size(), corpus.distinct());
    out.println("cores available: " + Runtime.getRuntime().availableProcessors() + ", max heap: "
        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
    double ratio = new NlpBenchmark(out).run(corpus, warmUp.sentences(), config, options.getParsers(),
        options.getParserSentences());
    out.printf(Locale.ROOT, "ratio=%.2f%n", ratio);
    return ExitCodes.OK;
  }
}
