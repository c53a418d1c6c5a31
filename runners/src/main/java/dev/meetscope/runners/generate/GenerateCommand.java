package dev.meetscope.runners.generate;

import dev.meetscope.fixtures.GenerationSummary;
import dev.meetscope.fixtures.GeneratorSpec;
import dev.meetscope.fixtures.MeetingGenerator;
import dev.meetscope.runners.cli.Command;
import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.runners.cli.OptionsHelp;
import dev.meetscope.runners.cli.UsageException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** {@code meetscope generate}: writes realistic synthetic meetings in the batch input layout. */
public final class GenerateCommand implements Command {
  @Override
  public String name() {
    return "generate";
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
    OptionsHelp.print(out, GenerateOptions.class);
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (OptionsHelp.wantsHelp(args)) {
      printHelp(out);
      return ExitCodes.OK;
    }
    GeneratorSpec spec;
    GenerateOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(args).as(GenerateOptions.class);
      spec = GeneratorSpec.of(options.getMeetings(), options.getParticipants(), options.getSeed())
          .withMinutes(options.getMinutes())
          .withFirstDate(LocalDate.parse(options.getFirstDate()))
          .withTimeZone(options.getMeetingTimeZone())
          .withRecurringSeries(options.getRecurringSeries());
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new UsageException(e.getMessage());
    }
    GenerationSummary summary = new MeetingGenerator().generate(spec, Path.of(options.getOutput()));
    out.println("meetscope generate: " + summary.describe() + " → " + options.getOutput());
    return ExitCodes.OK;
  }
}
