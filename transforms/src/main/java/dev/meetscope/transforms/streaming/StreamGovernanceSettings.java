package dev.meetscope.transforms.streaming;

import dev.meetscope.models.governance.IdentityPolicy;
import dev.meetscope.models.stream.StreamGovernance;
import dev.meetscope.transforms.governance.GateSettings;
import dev.meetscope.transforms.governance.PseudonymKey;
import java.io.Serializable;
import java.util.Objects;

/**
 * What the stream's DoFns carry to apply the governance policy ({@link StreamGovernance}): the key
 * reference (or the per-run key), {@code --includeIdentities} and the opt-out list's path. The key and the
 * list are read on each worker in {@code @Setup} ({@link #governance()}), never serialized with the graph
 * (except a per-run key, as in the batch job).
 */
public final class StreamGovernanceSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PseudonymKey key;
  private final boolean includeIdentities;
  private final GateSettings gate;

  private StreamGovernanceSettings(PseudonymKey key, boolean includeIdentities, GateSettings gate) {
    this.key = Objects.requireNonNull(key, "key");
    this.includeIdentities = includeIdentities;
    this.gate = Objects.requireNonNull(gate, "gate");
  }

  /** Consent in {@code gate} as in the batch job ({@code --consentMode}, {@code --consentAllowList}, {@code --optOut}). */
  public static StreamGovernanceSettings of(PseudonymKey key, boolean includeIdentities, GateSettings gate) {
    return new StreamGovernanceSettings(key, includeIdentities, gate);
  }

  /** Reads the key and the lists: call in {@code @Setup}. */
  public StreamGovernance governance() {
    return new StreamGovernance(gate.consentPolicy(), gate.optOut(),
        new IdentityPolicy(key.pseudonymizer(), includeIdentities));
  }

  public boolean includeIdentities() {
    return includeIdentities;
  }

  @Override
  public String toString() {
    return "StreamGovernanceSettings[" + key + ", includeIdentities=" + includeIdentities + ", " + gate + "]";
  }
}
