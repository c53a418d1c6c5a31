package dev.meetscope.transforms.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.util.SerializableUtils;

/**
 * Java serialization for the plain-Java accumulators and the meeting context (maps and nested lists that a
 * schema cannot describe). Unlike {@code SerializableCoder} it compares values by their encoding, so the
 * Direct runner's mutation checks work for types without {@code equals}, and it logs no warning about them.
 * Not deterministic: never a key.
 */
final class AccumulatorCoder<T extends Serializable> extends CustomCoder<T> {
  private static final long serialVersionUID = 1L;
  private final Class<T> type;

  private AccumulatorCoder(Class<T> type) {
    this.type = type;
  }

  static <T extends Serializable> AccumulatorCoder<T> of(Class<T> type) {
    return new AccumulatorCoder<>(type);
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    ByteArrayCoder.of().encode(SerializableUtils.serializeToByteArray(value), out);
  }

  @Override
  public T decode(InputStream in) throws IOException {
    byte[] bytes = ByteArrayCoder.of().decode(in);
    return type.cast(SerializableUtils.deserializeFromByteArray(bytes, type.getSimpleName()));
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(this, List.of(type.getSimpleName() + " uses Java serialization"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccumulatorCoder<?> other && other.type.equals(type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }
}
