package dev.meetscope.runners.bench;

import dev.meetscope.models.nlp.ModelInventory;
import dev.meetscope.runners.cli.Command;
import dev.meetscope.runners.cli.ExitCodes;
import dev.meetscope.runners.cli.OptionsHelp;
import dev.meetscope.runners.cli.UsageException;
import java.io.PrintStream;

/** {@code meetscope bench models}: the CoreNLP version and the model files this build carries. */
public final class BenchModels implements Command {
  @Override
  public String name() {
    return "models";
  }

  @Override
  public String summary() {
    return "the CoreNLP version and model files packed into this build";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("Usage: meetscope bench models");
    out.println();
    out.println("Lists the CoreNLP model files and version packed into this build; exit 3 if one is missing.");
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) {
    if (OptionsHelp.wantsHelp(args)) {
      printHelp(out);
      return ExitCodes.OK;
    }
    if (args.length > 0) {
      throw new UsageException("bench models takes no options");
    }
    ModelInventory inventory = ModelInventory.load();
    out.print(inventory.describe());
    return inventory.files().stream().allMatch(ModelInventory.ModelFile::present) ? ExitCodes.OK
        : ExitCodes.MISSING_INPUT;
  }
}
