package dev.meetscope.runners.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import dev.meetscope.pipelines.nightly.NightlyOptions;
import dev.meetscope.pipelines.nlp.NlpOptions;
import dev.meetscope.pipelines.streaming.StreamingOptions;
import dev.meetscope.runners.bench.BenchOptions;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/**
 * Beam keeps one registry of options interfaces per JVM and rejects a property whose defaults differ between
 * interfaces. Every command's options must therefore agree, whichever ran first in the JVM.
 */
class OptionsConsistencyTest {

  @Test
  void everyOptionsInterfaceCanBeUsedAfterAllTheOthers() {
    List<Class<? extends PipelineOptions>> all = List.of(NightlyOptions.class, NlpOptions.class,
        StreamingOptions.class, BenchOptions.class);
    all.forEach(PipelineOptionsFactory::register);
    for (Class<? extends PipelineOptions> c : all) {
      assertDoesNotThrow(() -> PipelineOptionsFactory.fromArgs().as(c), c.getSimpleName());
    }
  }
}
