package dev.meetscope.transforms.schema;

import java.util.List;
import org.apache.beam.sdk.schemas.SchemaProvider;
import org.apache.beam.sdk.schemas.SchemaProviderRegistrar;

/** Registers {@link RecordSchemaProvider} with every pipeline through Java's ServiceLoader. */
public final class RecordSchemaRegistrar implements SchemaProviderRegistrar {
  @Override
  public List<SchemaProvider> getSchemaProviders() {
    return List.of(new RecordSchemaProvider());
  }
}
