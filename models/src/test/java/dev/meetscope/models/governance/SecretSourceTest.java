package dev.meetscope.models.governance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretSourceTest {
  static final String KEY_TEXT = "0123456789abcdef0123456789abcdef";
  static final byte[] KEY = KEY_TEXT.getBytes(StandardCharsets.US_ASCII);

  @TempDir Path dir;

  private static SecretSource source(Map<String, String> env, SecretFetcher fetcher) {
    return new SecretSource(env::get, fetcher);
  }

  @Test
  void fileWithTrailingNewlineGivesTheSameKeyAsWithout() throws IOException {
    Path lf = Files.write(dir.resolve("lf.key"), (KEY_TEXT + "\n").getBytes(StandardCharsets.US_ASCII));
    Path crlf = Files.write(dir.resolve("crlf.key"),
        (KEY_TEXT + "\r\n").getBytes(StandardCharsets.US_ASCII));
    Path bare = Files.write(dir.resolve("bare.key"), KEY);
    SecretSource s = source(Map.of(), null);
    assertArrayEquals(KEY, s.load("file:" + lf));
    assertArrayEquals(KEY, s.load("file:" + crlf));
    assertArrayEquals(KEY, s.load("file:" + bare));
  }

  @Test
  void onlyOneLineEndIsTrimmedAndBinaryBytesAreKept() throws IOException {
    byte[] raw = new byte[18];
    for (int i = 0; i < 16; i++) {
      raw[i] = (byte) (0xF0 + i % 16);
    }
    raw[16] = '\n';
    raw[17] = '\n';
    Path p = Files.write(dir.resolve("bin.key"), raw);
    byte[] expected = java.util.Arrays.copyOf(raw, 17);
    assertArrayEquals(expected, source(Map.of(), null).load("file:" + p));
  }

  @Test
  void envVariable() {
    assertArrayEquals(KEY, source(Map.of("MEETSCOPE_KEY", KEY_TEXT), null).load("env:MEETSCOPE_KEY"));
  }

  @Test
  void secretManagerDelegatesToTheFetcher() {
    String name = "projects/acme-analytics/secrets/meetscope-key/versions/3";
    byte[] payload = (KEY_TEXT + "\n").getBytes(StandardCharsets.US_ASCII);
    SecretFetcher fetcher = v -> {
      assertEquals(name, v);
      return payload;
    };
    assertArrayEquals(KEY, source(Map.of(), fetcher).load(name));
    assertEquals(new SecretSource.Spec(SecretSource.Kind.SECRET_MANAGER, name),
        SecretSource.parse(name));
    assertEquals(SecretSource.Kind.SECRET_MANAGER,
        SecretSource.parse("projects/123456789012/secrets/k_1/versions/latest").kind());
  }

  @Test
  void sameSecretFromAnySourceGivesTheSameParticipantKeys() throws IOException {
    Path p = Files.write(dir.resolve("k"), (KEY_TEXT + "\n").getBytes(StandardCharsets.US_ASCII));
    SecretSource s = source(Map.of("K", KEY_TEXT), v -> KEY.clone());
    String fromFile = s.pseudonymizer("file:" + p).participantKey("email:ada@example.com");
    assertEquals(fromFile, s.pseudonymizer("env:K").participantKey("email:ada@example.com"));
    assertEquals(fromFile, s.pseudonymizer("projects/p-123/secrets/s/versions/1")
        .participantKey("email:ada@example.com"));
  }

  @Test
  void unsetEnvVariable() {
    InvalidOptionException e = assertThrows(InvalidOptionException.class,
        () -> source(Map.of(), null).load("env:MEETSCOPE_KEY"));
    assertEquals("--pseudonymKey: env var MEETSCOPE_KEY is not set", e.getMessage());
    assertEquals("--pseudonymKey", e.option());
  }

  @Test
  void emptyEnvVariable() {
    InvalidOptionException e = assertThrows(InvalidOptionException.class,
        () -> source(Map.of("K", "\n"), null).load("env:K"));
    assertEquals("--pseudonymKey: the key from env:K is empty", e.getMessage());
  }

  @Test
  void tooShortKeyNamesTheSourceNotTheBytes() {
    InvalidOptionException e = assertThrows(InvalidOptionException.class,
        () -> source(Map.of("K", "hunter2hunter2"), null).load("env:K"));
    assertEquals("--pseudonymKey: the key from env:K has 14 bytes; at least 16 are needed "
        + "(e.g. openssl rand -hex 32)", e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"));
  }

  @Test
  void missingFile() {
    Path missing = dir.resolve("nope.key");
    InvalidOptionException e = assertThrows(InvalidOptionException.class,
        () -> source(Map.of(), null).load("file:" + missing));
    assertEquals("--pseudonymKey: key file " + missing + " does not exist", e.getMessage());
  }

  @Test
  void aRawKeyPastedAsTheValueIsNotEchoed() {
    InvalidOptionException e = assertThrows(InvalidOptionException.class,
        () -> SecretSource.parse("s3cr3t-s3cr3t-s3cr3t"));
    assertEquals("--pseudonymKey: expected file:PATH, env:VAR or projects/P/secrets/S/versions/V "
        + "(got a value of 20 characters, not shown in case it is the key itself)", e.getMessage());
  }

  @Test
  void malformedSecretManagerNames() {
    for (String bad : new String[] {"projects/p/secrets/s", "projects/acme/secrets/s/versions/0",
        "projects/acme/secrets/s/versions/v1", "projects/acme/secret/s/versions/1"}) {
      InvalidOptionException e = assertThrows(InvalidOptionException.class,
          () -> SecretSource.parse(bad), bad);
      assertEquals("--pseudonymKey: '" + bad + "' is not a Secret Manager version name; expected "
          + "projects/P/secrets/S/versions/V with V a number or latest", e.getMessage());
    }
  }

  @Test
  void emptyReferences() {
    assertEquals("--pseudonymKey: file: needs a path, e.g. file:/etc/meetscope/key",
        assertThrows(InvalidOptionException.class, () -> SecretSource.parse("file:"))
            .getMessage());
    assertEquals("--pseudonymKey: env: needs an environment variable name (letters, digits, _), "
        + "e.g. env:MEETSCOPE_KEY",
        assertThrows(InvalidOptionException.class, () -> SecretSource.parse("env:1X"))
            .getMessage());
    assertEquals("--pseudonymKey: no value; expected file:PATH, env:VAR or "
        + "projects/P/secrets/S/versions/V",
        assertThrows(InvalidOptionException.class, () -> SecretSource.parse(" "))
            .getMessage());
  }

  @Test
  void secretManagerWithoutAClient() {
    InvalidOptionException e = assertThrows(InvalidOptionException.class,
        () -> source(Map.of(), null).load("projects/acme/secrets/s/versions/1"));
    assertEquals("--pseudonymKey: Secret Manager names need a Secret Manager client, which this "
        + "command was not given; use file: or env: here", e.getMessage());
  }

  @Test
  void fetcherFailureIsReportedWithItsMessage() {
    SecretFetcher failing = v -> {
      throw new IOException("PERMISSION_DENIED: secretmanager.versions.access");
    };
    InvalidOptionException e = assertThrows(InvalidOptionException.class,
        () -> source(Map.of(), failing).load("projects/acme/secrets/s/versions/1"));
    assertEquals("--pseudonymKey: cannot read projects/acme/secrets/s/versions/1: "
        + "PERMISSION_DENIED: secretmanager.versions.access", e.getMessage());
  }

  @Test
  void specPrintsTheReferenceOnly() {
    assertEquals("env:MEETSCOPE_KEY", SecretSource.parse("env:MEETSCOPE_KEY").toString());
    assertEquals("file:/etc/k", SecretSource.parse(" file:/etc/k ").toString());
  }

  @Test
  void ephemeralKeysAreLongEnoughAndDiffer() {
    java.security.SecureRandom r = new java.security.SecureRandom();
    byte[] a = SecretSource.ephemeralKey(r);
    assertEquals(32, a.length);
    assertFalse(java.util.Arrays.equals(a, SecretSource.ephemeralKey(r)));
  }
}
