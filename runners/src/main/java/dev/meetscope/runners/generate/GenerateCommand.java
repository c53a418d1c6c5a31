package dev.meetscope.runners.generate;

import dev.meetscope.fixtures.GenerationSummary;
import dev.meetscope.fixtures.GeneratorSpec;
import dev.meetscope.fixtures.MeetingGenerator;
import dev.meetscope.runners.cli.Command;
import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.runners.cli.OptionArgs;
import dev.meetscope.runners.cli.OptionArgs.Option;
import dev.meetscope.runners.cli.UsageException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code meetscope generate}: writes realistic synthetic meetings in the batch input layout. It runs no
 * pipeline, so it parses its options itself instead of through Beam's per-JVM options registry (whose
 * defaults for {@code --output} belong to the jobs).
 */
public final class GenerateCommand implements Command {
  private static final String NAME = "generate";

  private static OptionArgs options() {
    return new OptionArgs(List.of(
        new Option("meetings", "10", "Number of meeting occurrences (folders) to write."),
        new Option("participants", "25", "Participants per meeting, host included (1 to 50,000)."),
        new Option("seed", "7", "Random seed: the same seed and options always write the same bytes."),
        new Option("minutes", "60", "Meeting length in minutes (5 to 600)."),
        new Option("firstDate", "2026-03-02", "Date of the first meeting, YYYY-MM-DD."),
        new Option("meetingTimeZone", "America/New_York", "IANA time zone of the meetings' local times."),
        new Option("recurringSeries", "3", "Number of recurring meeting series the meetings cycle through."),
        new Option("output", "generated", "Folder to write the meeting folders into (created if missing).")));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String summary() {
    return "Write N synthetic meetings (report, transcript, chat, meeting.json) for scale runs";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("Usage: meetscope generate --meetings=N --participants=M --seed=S --output=DIR");
    out.println();
    out.println("Writes one folder per meeting in the layout `meetscope nightly` reads. Deterministic: the");
    out.println("same options write the same bytes; meeting i does not depend on how many are generated.");
    out.println();
    out.println("Options:");
    options().printOptions(out);
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    OptionArgs o = options().parse(NAME, args);
    if (o.help()) {
      printHelp(out);
      return ExitCodes.OK;
    }
    GeneratorSpec spec;
    try {
      spec = GeneratorSpec.of((int) o.getLong(NAME, "meetings", 1, 100_000),
              (int) o.getLong(NAME, "participants", 1, GeneratorSpec.MAX_PARTICIPANTS),
              o.getLong(NAME, "seed", Long.MIN_VALUE, Long.MAX_VALUE))
          .withMinutes((int) o.getLong(NAME, "minutes", 5, 600))
          .withFirstDate(LocalDate.parse(o.get("firstDate")))
          .withTimeZone(o.get("meetingTimeZone"))
          .withRecurringSeries((int) o.getLong(NAME, "recurringSeries", 1, 1_000));
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new UsageException(e.getMessage());
    }
    String output = o.get("output");
    GenerationSummary summary = new MeetingGenerator().generate(spec, Path.of(output));
    out.println("meetscope generate: " + summary.describe() + " → " + output);
    return ExitCodes.OK;
  }
}
