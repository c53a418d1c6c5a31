package dev.meetscope.models.governance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a stable identity string ({@code ck:…}, {@code uid:…}, {@code reg:…}, {@code email:<lowercased>},
 * {@code name:<meetingKey>:<normalised name>}) into {@code participant_key}: the lowercase hex of
 * HMAC-SHA256(secret, UTF-8 bytes of the identity), 64 characters.
 *
 * <p>Hex rather than base32: it is what BigQuery's {@code TO_HEX(SHA256(...))}-style tooling and most
 * people expect, it has one spelling (no padding or case variants), and 64 characters cost little. The same
 * identity and secret always give the same key (across meetings and runs); another secret gives unrelated
 * keys, so rotating the secret unlinks history.
 *
 * <p>Key material is never exposed: no getter, {@link #toString()} shows only {@link #keyId()}, and the class
 * is deliberately not {@link java.io.Serializable}, so putting one in a serialized DoFn field fails loudly
 * instead of shipping the key inside the job graph. Build it in {@code @Setup} from a
 * {@link SecretSource}. Thread-safe ({@link Mac} is not, so each thread gets its own).
 */
public final class Pseudonymizer {
  public static final String ALGORITHM = "HmacSHA256";
  /** Length of {@link #participantKey} results. */
  public static final int KEY_HEX_LENGTH = 64;

  private static final byte[] KEY_ID_LABEL =
      "meetscope:pseudonym-key-id:v1".getBytes(StandardCharsets.UTF_8);
  private static final HexFormat HEX = HexFormat.of();

  private final SecretKeySpec secret;
  private final ThreadLocal<Mac> macs;
  private final String keyId;

  /** @param key at least {@link SecretSource#MIN_KEY_BYTES} bytes; copied */
  public Pseudonymizer(byte[] key) {
    if (key == null || key.length < SecretSource.MIN_KEY_BYTES) {
      throw new IllegalArgumentException("a pseudonym key needs at least "
          + SecretSource.MIN_KEY_BYTES + " bytes");
    }
    this.secret = new SecretKeySpec(key.clone(), ALGORITHM);
    this.macs = ThreadLocal.withInitial(this::newMac);
    this.keyId = HEX.formatHex(hmac(KEY_ID_LABEL)).substring(0, 16);
  }

  /** The pseudonymous key of {@code stableIdentity}; null for null (no identity, nothing to key). */
  public String participantKey(String stableIdentity) {
    if (stableIdentity == null) {
      return null;
    }
    return HEX.formatHex(hmac(stableIdentity.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A public fingerprint of the secret (16 hex characters of an HMAC of a fixed label), recorded in
   * run_audit so a rotated or mistyped key is visible without revealing the key or any participant key.
   */
  public String keyId() {
    return keyId;
  }

  @Override
  public String toString() {
    return "Pseudonymizer[" + ALGORITHM + ", keyId=" + keyId + "]";
  }

  private byte[] hmac(byte[] data) {
    Mac mac = macs.get();
    return mac.doFinal(data); // doFinal resets the Mac for the next call
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(secret);
      return mac;
    } catch (GeneralSecurityException e) {
      // Every Java 17 runtime ships HmacSHA256; reaching this is a broken JVM, not bad input.
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
