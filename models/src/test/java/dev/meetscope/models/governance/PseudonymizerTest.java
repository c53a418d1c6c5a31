package dev.meetscope.models.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

  @Test
  void matchesRfc4231TestCase1() {
    byte[] key = new byte[20];
    Arrays.fill(key, (byte) 0x0b);
    assertEquals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        new Pseudonymizer(key).participantKey("Hi There"));
  }

  @Test
  void keyIsLowercaseHexOfHmacSha256() {
    Pseudonymizer p = new Pseudonymizer(KEY);
    assertEquals("3eb666f88834c77bed39c0e395cd0ceaa2e56ce7aa2ff432f027ebde5eb982b5",
        p.participantKey("email:ada@example.com"));
    assertEquals("52737634beb7856ed7e8583bf864494c09216a91903c6ecf385af1c77ca8be68",
        p.participantKey("ck:EMP-1042"));
    // UTF-8 bytes of the identity, so CJK names key the same on every platform.
    assertEquals("174897218d3f47733ee8e68247a06062ef1069235adfe2d05d41ac5a9052ce8d",
        p.participantKey("name:mk1:山田 花子"));
    assertEquals(Pseudonymizer.KEY_HEX_LENGTH, p.participantKey("x").length());
  }

  @Test
  void sameIdentitySameKeyAcrossCallsAndInstances() {
    Pseudonymizer a = new Pseudonymizer(KEY);
    Pseudonymizer b = new Pseudonymizer(KEY.clone());
    String first = a.participantKey("uid:KDcuGIm1QgePTO8WbOqwIQ");
    assertEquals(first, a.participantKey("uid:KDcuGIm1QgePTO8WbOqwIQ"));
    assertEquals(first, b.participantKey("uid:KDcuGIm1QgePTO8WbOqwIQ"));
    assertEquals("322a33b6ee7a15160c729f81658d4b7960b6bc32e125992cfce184ac89333c62", first);
  }

  @Test
  void anotherSecretGivesAnotherKey() {
    assertEquals("0bf8d65965c608c17ed3a607bae37e8ead1b3dacdc7dbe999c9dc149b45befe7",
        new Pseudonymizer(OTHER_KEY).participantKey("email:ada@example.com"));
    assertNotEquals(new Pseudonymizer(KEY).keyId(), new Pseudonymizer(OTHER_KEY).keyId());
  }

  @Test
  void callerMutatingTheKeyArrayChangesNothing() {
    byte[] key = KEY.clone();
    Pseudonymizer p = new Pseudonymizer(key);
    Arrays.fill(key, (byte) 0);
    assertEquals("3eb666f88834c77bed39c0e395cd0ceaa2e56ce7aa2ff432f027ebde5eb982b5",
        p.participantKey("email:ada@example.com"));
  }

  @Test
  void nullIdentityHasNoKey() {
    assertNull(new Pseudonymizer(KEY).participantKey(null));
  }

  @Test
  void keyIdIsAPublicFingerprintNotTheKey() {
    Pseudonymizer p = new Pseudonymizer(KEY);
    assertEquals("491c2048a41e69d9", p.keyId());
    assertEquals("Pseudonymizer[HmacSHA256, keyId=491c2048a41e69d9]", p.toString());
    String text = p.toString();
    assertFalse(text.contains("0123456789abcdef"));
    assertFalse(text.contains(HexFormat.of().formatHex(KEY)));
  }

  @Test
  void refusesShortKeys() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Pseudonymizer(new byte[15]));
    assertEquals("a pseudonym key needs at least 16 bytes", e.getMessage());
  }

  @Test
  void javaSerializationFailsInsteadOfShippingTheKey() {
    Pseudonymizer p = new Pseudonymizer(KEY);
    assertThrows(NotSerializableException.class,
        () -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(p));
  }

  @Test
  void jacksonFindsNothingToWrite() {
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    assertThrows(com.fasterxml.jackson.databind.exc.InvalidDefinitionException.class,
        () -> mapper.writeValueAsString(new Pseudonymizer(KEY)));
  }

  @Test
  void threadsGetConsistentKeys() throws Exception {
    Pseudonymizer p = new Pseudonymizer(KEY);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 64; i++) {
        results.add(pool.submit(() -> p.participantKey("email:ada@example.com")));
      }
      for (Future<String> f : results) {
        assertEquals("3eb666f88834c77bed39c0e395cd0ceaa2e56ce7aa2ff432f027ebde5eb982b5", f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
