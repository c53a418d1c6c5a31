package dev.meetscope.models.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Zoom webhook HMACs (zoom-formats.md §4.1). The signature covers the <em>raw</em> request bytes, never a
 * re-serialised body, and is compared in constant time.
 */
public final class WebhookSignature {
  private static final String HMAC = "HmacSHA256";

  private final byte[] secret;

  /** @param secretToken the app's webhook secret token ({@code ZOOM_WEBHOOK_SECRET_TOKEN}) */
  public WebhookSignature(String secretToken) {
    if (secretToken == null || secretToken.isEmpty()) {
      throw new IllegalArgumentException("the webhook secret token is empty");
    }
    this.secret = secretToken.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code "v0=" + hex(HMAC_SHA256(secret, "v0:" + timestamp + ":" + body))}. */
  public String sign(String timestamp, byte[] rawBody) {
    Mac mac = mac();
    mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
    mac.update(rawBody);
    return "v0=" + HexFormat.of().formatHex(mac.doFinal());
  }

  /** True when {@code header} is the signature of this timestamp and body; constant-time. */
  public boolean verify(String timestamp, byte[] rawBody, String header) {
    if (header == null || timestamp == null) {
      return false;
    }
    byte[] expected = sign(timestamp, rawBody).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, header.strip().getBytes(StandardCharsets.UTF_8));
  }

  /** The {@code encryptedToken} answer to {@code endpoint.url_validation}: hex(HMAC_SHA256(secret, plainToken)). */
  public String encryptedToken(String plainToken) {
    Mac mac = mac();
    return HexFormat.of().formatHex(mac.doFinal(plainToken.getBytes(StandardCharsets.UTF_8)));
  }

  private Mac mac() {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret, HMAC));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "WebhookSignature[secret=<redacted>]";
  }
}
