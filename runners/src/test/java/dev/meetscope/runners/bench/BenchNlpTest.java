package dev.meetscope.runners.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.runners.Meetscope;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The bench command's contract (not its speed): what it prints and its exit codes, on a tiny corpus. */
class BenchNlpTest {
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new Meetscope().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void modelsListsTheVersionAndEveryModelFile() {
    Run r = run("bench", "models");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("Stanford CoreNLP 4.5.10\n"), r.out());
    for (String file : List.of("english-left3words-distsim.tagger", "sentiment.ser.gz", "englishSR.ser.gz",
        "englishPCFG.ser.gz")) {
      assertTrue(r.out().contains(file), file);
    }
    assertTrue(!r.out().contains("MISSING"), r.out());
  }

  @Test
  void badModeAndBadOptionsAreUsageErrors() {
    assertEquals(2, run("bench", "gpu").code());
    assertEquals(2, run("bench", "nlp", "--parser=lstm").code());
    assertEquals(2, run("bench", "nlp", "--sentences=0").code());
    assertEquals(2, run("bench").code());
  }

  @Test
  @Tag("slow")
  void nlpPrintsBothRatesAndEndsWithTheRatio() {
    Run r = run("bench", "nlp", "--sentences=40");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().strip().split("\n");
    assertTrue(lines[lines.length - 1].matches("ratio=\\d+\\.\\d\\d"), lines[lines.length - 1]);
    assertTrue(r.out().contains("raw CoreNLP"), r.out());
    assertTrue(r.out().contains("project path"), r.out());
    assertTrue(r.out().contains("corpus: 40 sentences"), r.out());
  }

  @Test
  void runOnsAreBuiltFromConsecutiveSentences() {
    List<String> in = List.of("The forecast is late.", "Finance knows about it.", "We should escalate it.",
        "The variance is huge and nobody told us about it until yesterday afternoon.",
        "The contractor budget is the main driver of the overrun this quarter.", "Okay.");
    List<String> out = BenchCorpus.withRunOns(in, 1.0, new Random(1));
    assertTrue(out.size() < in.size(), out.toString());
    assertTrue(out.get(0).startsWith("The forecast is late"), out.get(0));
    assertTrue(BenchCorpus.tokens(out.get(0)) > 40, out.get(0));
    assertEquals(List.of(), BenchCorpus.withRunOns(List.of(), 1.0, new Random(1)));
    assertEquals(in, BenchCorpus.withRunOns(in, 0.0, new Random(1)));
  }
}
