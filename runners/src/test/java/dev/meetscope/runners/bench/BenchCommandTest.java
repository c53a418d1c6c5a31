package dev.meetscope.runners.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.runners.Meetscope;
import dev.meetscope.runners.cli.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meetscope bench}: dispatch, and one tiny real run (structure only, never timings). */
class BenchCommandTest {
  private record Run(int exit, String out, String err) {}

  private static Run meetscope(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new Meetscope().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void modesAreDispatchedAndUnknownOnesRejected() {
    Run help = meetscope("bench", "--help");
    assertEquals(ExitCodes.OK, help.exit());
    assertTrue(help.out().contains("nightly"), help.out());
    Run unknown = meetscope("bench", "spark");
    assertEquals(ExitCodes.BAD_OPTIONS, unknown.exit());
    assertTrue(unknown.err().contains("unknown benchmark 'spark'; modes: nightly"), unknown.err());
    Run nightlyHelp = meetscope("bench", "nightly", "--help");
    assertTrue(nightlyHelp.out().contains("--meetings=200"), nightlyHelp.out());
    assertEquals(ExitCodes.BAD_OPTIONS, meetscope("bench", "nightly", "--heap=lots").exit());
  }

  @Test
  @Tag("slow")
  void aTinyRunMeasuresInAChildJvmAndReportsEveryFigure(@TempDir Path work) {
    Run run = meetscope("bench", "nightly", "--meetings=2", "--participants=4", "--minutes=10",
        "--runners=direct", "--heap=2g", "--workDir=" + work);
    assertEquals(ExitCodes.OK, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("| runner | meetings | records read | wall s | meetings/min |"), run.out());
    assertTrue(run.out().matches("(?s).*\\| direct \\| 2 \\| [0-9,]+ \\| .*"), run.out());
    assertTrue(run.out().matches("(?s).*nlp_floor=[0-9.]+ s wall, [0-9.]+ CPU-s for 2 meetings \\([0-9,]+ texts.*"
        + "whole job on direct [0-9.]+ s wall, [0-9.]+ CPU-s = x[0-9.]+ the floor's wall time.*"), run.out());
    assertTrue(Files.isRegularFile(work.resolve("out-2-direct/_METRICS.json")));
  }
}
