package dev.meetscope.transforms.governance;

import dev.meetscope.models.governance.Pseudonymizer;
import dev.meetscope.models.governance.SecretSource;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * How a worker gets the HMAC key of {@code participant_key}: what DoFns carry instead of the key.
 *
 * <ul>
 *   <li>{@link #of(String)} a reference ({@code file:PATH}, {@code env:VAR} or a Secret Manager version
 *       name): only the reference is serialized; each worker reads the key in {@code @Setup};
 *   <li>{@link #ephemeral()} without {@code --pseudonymKey}: 32 random bytes made once per run, so keys
 *       are consistent within the run and unlinkable across runs. These bytes do travel inside the job
 *       graph, which is why the nightly job refuses an ephemeral key on runners that upload the graph
 *       (Dataflow).
 * </ul>
 * {@link #toString()} never shows key bytes.
 */
public final class PseudonymKey implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String reference;
  private final byte[] ephemeral;

  private PseudonymKey(String reference, byte[] ephemeral) {
    this.reference = reference;
    this.ephemeral = ephemeral;
  }

  /** A reference, checked for shape now (the key itself is read by {@link #pseudonymizer()}). */
  public static PseudonymKey of(String reference) {
    SecretSource.parse(SecretSource.OPTION, reference);
    return new PseudonymKey(reference, null);
  }

  /** A random per-run key. */
  public static PseudonymKey ephemeral() {
    return new PseudonymKey(null, SecretSource.ephemeralKey(new SecureRandom()));
  }

  public boolean isEphemeral() {
    return ephemeral != null;
  }

  /** Reads the key (from its source, or the per-run bytes) and builds the HMAC. */
  public Pseudonymizer pseudonymizer() {
    if (ephemeral != null) {
      byte[] copy = Arrays.copyOf(ephemeral, ephemeral.length);
      try {
        return new Pseudonymizer(copy);
      } finally {
        Arrays.fill(copy, (byte) 0);
      }
    }
    return SecretSource.system(new SecretManagerFetcher()).pseudonymizer(reference);
  }

  @Override
  public String toString() {
    return ephemeral != null ? "PseudonymKey[ephemeral]" : "PseudonymKey[" + SecretSource.parse(reference) + "]";
  }
}
