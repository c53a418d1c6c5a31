package dev.meetscope.models.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  static final String SECRET = "test-secret-token";
  /** Compact JSON with a raw UTF-8 em dash, as Zoom sends it. */
  static final byte[] BODY = ("{\"event\":\"meeting.started\",\"payload\":{\"account_id\":\"AbCdEfGhIjKlMnOpQrSt12\","
      + "\"object\":{\"id\":\"81234567890\",\"topic\":\"Weekly Sync \u2014 Q1\"}},\"event_ts\":1772466085123}")
      .getBytes(StandardCharsets.UTF_8);
  // Expected values computed independently with Python's hmac module.
  static final String EXPECTED_SIG = "v0=c739fd4c155385b186b6686b4cbbbf7945090995aca5a4cfe56445bd09b99e7a";

  private final WebhookSignature signature = new WebhookSignature(SECRET);

  @Test
  void signsTimestampAndRawBytes() {
    assertEquals(161, BODY.length);
    assertEquals(EXPECTED_SIG, signature.sign("1772466085", BODY));
  }

  @Test
  void verifiesOnlyTheExactBytesAndTimestamp() {
    assertTrue(signature.verify("1772466085", BODY, EXPECTED_SIG));
    assertFalse(signature.verify("1772466086", BODY, EXPECTED_SIG));
    byte[] reserialised = new String(BODY, StandardCharsets.UTF_8).replace("\u2014", "\\u2014")
        .getBytes(StandardCharsets.UTF_8);
    assertFalse(signature.verify("1772466085", reserialised, EXPECTED_SIG));
    assertFalse(signature.verify("1772466085", BODY, EXPECTED_SIG.toUpperCase()));
    assertFalse(signature.verify("1772466085", BODY, EXPECTED_SIG.substring(3)));
    assertFalse(signature.verify("1772466085", BODY, null));
    assertFalse(new WebhookSignature("other-secret").verify("1772466085", BODY, EXPECTED_SIG));
  }

  @Test
  void encryptedTokenIsHexHmacOfPlainToken() {
    assertEquals("9c8ad56737c19db2904b301c0781e86857e999f39f07727668cf62a5e7e298c8",
        signature.encryptedToken("qgg8vlvZRS6UYooatFL8Aw"));
  }

  @Test
  void emptySecretIsRefusedAndNeverPrinted() {
    assertThrows(IllegalArgumentException.class, () -> new WebhookSignature(""));
    assertEquals("WebhookSignature[secret=<redacted>]", signature.toString());
  }

  @Test
  void timestampWindowIsAbsoluteAndInSeconds() {
    Instant now = Instant.ofEpochSecond(1772466085L);
    Duration five = Duration.ofMinutes(5);
    assertEquals(RequestTimestamp.Check.FRESH, RequestTimestamp.check("1772466085", now, five));
    assertEquals(RequestTimestamp.Check.FRESH, RequestTimestamp.check("1772465785", now, five));
    assertEquals(RequestTimestamp.Check.STALE, RequestTimestamp.check("1772465784", now, five));
    assertEquals(RequestTimestamp.Check.FRESH, RequestTimestamp.check("1772466385", now, five));
    assertEquals(RequestTimestamp.Check.STALE, RequestTimestamp.check("1772466386", now, five));
    assertEquals(RequestTimestamp.Check.MALFORMED, RequestTimestamp.check("1772466085123", now, five));
    assertEquals(RequestTimestamp.Check.MALFORMED, RequestTimestamp.check("17724660x5", now, five));
    assertEquals(RequestTimestamp.Check.MISSING, RequestTimestamp.check(" ", now, five));
    assertEquals(RequestTimestamp.Check.MISSING, RequestTimestamp.check(null, now, five));
  }
}
