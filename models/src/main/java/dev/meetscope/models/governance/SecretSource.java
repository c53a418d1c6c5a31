package dev.meetscope.models.governance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Resolves a secret option ({@code --pseudonymKey}, {@code --webhookSecret}) to bytes. Accepted values are
 * references, never the secret itself, so no secret sits in a command line, an options dump or a serialized
 * pipeline (workers resolve the reference themselves):
 * <ul>
 *   <li>{@code file:PATH} — the file's bytes;
 *   <li>{@code env:VAR} — the UTF-8 bytes of an environment variable;
 *   <li>{@code projects/P/secrets/S/versions/V} — a Secret Manager version (V a number or {@code latest}),
 *       read through a {@link SecretFetcher}.
 * </ul>
 * From every source one trailing line end ({@code \n} or {@code \r\n}) is removed, because {@code echo} and
 * editors add one and the same secret must give the same keys whichever way it is stored. The result must
 * have at least {@link #MIN_KEY_BYTES} bytes. Error messages name the reference, never the bytes, and an
 * unrecognised value is not echoed (it may be a key pasted by mistake).
 */
public final class SecretSource {
  public static final String OPTION = "--pseudonymKey";
  public static final String WEBHOOK_SECRET_OPTION = "--webhookSecret";
  /** 128 bits: below this an HMAC key is guessable; {@code openssl rand -hex 32} gives 64 bytes. */
  public static final int MIN_KEY_BYTES = 16;

  private static final String EXPECTED =
      "expected file:PATH, env:VAR or projects/P/secrets/S/versions/V";
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern SECRET_VERSION = Pattern.compile(
      "projects/[a-z0-9][a-z0-9.:-]*[a-z0-9]/secrets/[A-Za-z0-9_-]{1,255}/versions/([1-9][0-9]*|latest)");

  /** Where a key comes from. Holds only the reference, so printing it is safe. */
  public enum Kind { FILE, ENV, SECRET_MANAGER }

  /** A parsed {@code --pseudonymKey} value; {@link #toString()} is the value as typed. */
  public record Spec(Kind kind, String reference) {
    @Override
    public String toString() {
      return switch (kind) {
        case FILE -> "file:" + reference;
        case ENV -> "env:" + reference;
        case SECRET_MANAGER -> reference;
      };
    }
  }

  private final Function<String, String> environment;
  private final SecretFetcher secretFetcher;
  private final String option;

  /**
   * @param environment looks up an environment variable (tests pass a map; production {@code System::getenv})
   * @param secretFetcher reads Secret Manager versions; null when the caller has no GCP client
   */
  public SecretSource(Function<String, String> environment, SecretFetcher secretFetcher) {
    this(environment, secretFetcher, OPTION);
  }

  /** @param option the option whose value is resolved, named in every error message */
  public SecretSource(Function<String, String> environment, SecretFetcher secretFetcher, String option) {
    this.environment = environment;
    this.secretFetcher = secretFetcher;
    this.option = option;
  }

  /** Reads environment variables of this process. */
  public static SecretSource system(SecretFetcher secretFetcher) {
    return new SecretSource(System::getenv, secretFetcher);
  }

  /** Validates the shape of a {@code --pseudonymKey} value without reading anything. */
  public static Spec parse(String value) {
    return parse(OPTION, value);
  }

  /** Validates the shape of a secret option's value without reading anything. */
  public static Spec parse(String option, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidOptionException(option, "no value; " + EXPECTED);
    }
    String v = value.strip();
    if (v.startsWith("file:")) {
      String path = v.substring("file:".length());
      if (path.isEmpty()) {
        throw new InvalidOptionException(option, "file: needs a path, e.g. file:/etc/meetscope/key");
      }
      return new Spec(Kind.FILE, path);
    }
    if (v.startsWith("env:")) {
      String name = v.substring("env:".length());
      if (!ENV_NAME.matcher(name).matches()) {
        throw new InvalidOptionException(option,
            "env: needs an environment variable name (letters, digits, _), e.g. env:MEETSCOPE_KEY");
      }
      return new Spec(Kind.ENV, name);
    }
    if (v.startsWith("projects/")) {
      if (!SECRET_VERSION.matcher(v).matches()) {
        throw new InvalidOptionException(option, "'" + v + "' is not a Secret Manager version name; "
            + "expected projects/P/secrets/S/versions/V with V a number or latest");
      }
      return new Spec(Kind.SECRET_MANAGER, v);
    }
    throw new InvalidOptionException(option, EXPECTED + " (got a value of " + v.length()
        + " characters, not shown in case it is the key itself)");
  }

  /** Parses and reads the key. */
  public byte[] load(String value) {
    return load(parse(option, value));
  }

  public byte[] load(Spec spec) {
    byte[] raw = switch (spec.kind()) {
      case FILE -> readFile(spec.reference());
      case ENV -> readEnv(spec.reference());
      case SECRET_MANAGER -> readSecret(spec.reference());
    };
    byte[] key = trimOneLineEnd(raw);
    Arrays.fill(raw, (byte) 0);
    if (key.length == 0) {
      throw new InvalidOptionException(option, "the key from " + spec + " is empty");
    }
    if (key.length < MIN_KEY_BYTES) {
      int n = key.length;
      Arrays.fill(key, (byte) 0);
      throw new InvalidOptionException(option, "the key from " + spec + " has " + n
          + " bytes; at least " + MIN_KEY_BYTES + " are needed (e.g. openssl rand -hex 32)");
    }
    return key;
  }

  /** Reads the key and builds the pseudonymizer; the intermediate bytes are wiped. */
  public Pseudonymizer pseudonymizer(String value) {
    byte[] key = load(value);
    try {
      return new Pseudonymizer(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * A random key for runs without {@code --pseudonymKey} (the local demo): keys are consistent within the
   * run and unlinkable across runs. run_audit records its key id like any other.
   */
  public static byte[] ephemeralKey(SecureRandom random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return key;
  }

  private byte[] readFile(String path) {
    try {
      return Files.readAllBytes(Path.of(path));
    } catch (NoSuchFileException e) {
      throw new InvalidOptionException(option, "key file " + path + " does not exist");
    } catch (IOException | RuntimeException e) {
      throw new InvalidOptionException(option, "cannot read key file " + path + " ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  private byte[] readEnv(String name) {
    String value = environment.apply(name);
    if (value == null) {
      throw new InvalidOptionException(option, "env var " + name + " is not set");
    }
    return value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private byte[] readSecret(String versionName) {
    if (secretFetcher == null) {
      throw new InvalidOptionException(option, "Secret Manager names need a Secret Manager client, "
          + "which this command was not given; use file: or env: here");
    }
    try {
      byte[] bytes = secretFetcher.fetch(versionName);
      if (bytes == null) {
        throw new InvalidOptionException(option, "Secret Manager returned no payload for " + versionName);
      }
      return bytes;
    } catch (IOException e) {
      // The client's message (e.g. PERMISSION_DENIED) helps and cannot hold the payload it failed to read.
      throw new InvalidOptionException(option, "cannot read " + versionName + ": " + e.getMessage());
    }
  }

  /** Drops one trailing {@code \n} or {@code \r\n}; a copy, so the caller may wipe the input. */
  static byte[] trimOneLineEnd(byte[] raw) {
    int end = raw.length;
    if (end > 0 && raw[end - 1] == '\n') {
      end--;
      if (end > 0 && raw[end - 1] == '\r') {
        end--;
      }
    }
    return Arrays.copyOf(raw, end);
  }
}
