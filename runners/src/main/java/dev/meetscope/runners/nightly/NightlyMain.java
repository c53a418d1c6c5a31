package dev.meetscope.runners.nightly;

import dev.meetscope.runners.Meetscope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code meetscope nightly} as a main class of its own, for launchers that call {@code java -cp <jar>
 * <MainClass> --option=value ...} without a sub-command word, such as a Dataflow Flex Template
 * ({@code FLEX_TEMPLATE_JAVA_MAIN_CLASS}; see docs/runners.md).
 */
public final class NightlyMain {
  private NightlyMain() {}

  public static void main(String[] args) {
    List<String> all = new ArrayList<>(List.of("nightly"));
    all.addAll(Arrays.asList(args));
    System.exit(new Meetscope().run(all.toArray(String[]::new), System.out, System.err));
  }
}
