package dev.meetscope.transforms.schema;

import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.schemas.SchemaRegistry;
import org.apache.beam.sdk.values.TypeDescriptor;

/** Explicit schema coders for Meetscope records, so no output relies on coder inference. */
public final class RecordCoders {
  private static final SchemaRegistry REGISTRY = SchemaRegistry.createDefault();

  private RecordCoders() {}

  public static <T> Coder<T> of(Class<T> recordClass) {
    try {
      SchemaCoder<T> coder = REGISTRY.getSchemaCoder(TypeDescriptor.of(recordClass));
      return coder;
    } catch (NoSuchSchemaException e) {
      throw new IllegalArgumentException("No schema for " + recordClass.getName(), e);
    }
  }
}
