package dev.meetscope.transforms.zoomapi;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Server-to-Server OAuth app credentials. Read from the environment or a properties file with the same
 * keys, never from the command line; {@link #toString()} never shows them.
 */
public final class ZoomCredentials {
  public static final String ACCOUNT_ID = "ZOOM_ACCOUNT_ID";
  public static final String CLIENT_ID = "ZOOM_CLIENT_ID";
  public static final String CLIENT_SECRET = "ZOOM_CLIENT_SECRET";

  private final String accountId;
  private final String clientId;
  private final String clientSecret;

  public ZoomCredentials(String accountId, String clientId, String clientSecret) {
    List<String> missing = new ArrayList<>();
    if (blank(accountId)) {
      missing.add(ACCOUNT_ID);
    }
    if (blank(clientId)) {
      missing.add(CLIENT_ID);
    }
    if (blank(clientSecret)) {
      missing.add(CLIENT_SECRET);
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("Zoom credentials missing: " + String.join(", ", missing)
          + " (set them in the environment or in the --credentialsFile properties file)");
    }
    this.accountId = accountId.strip();
    this.clientId = clientId.strip();
    this.clientSecret = clientSecret.strip();
  }

  public static ZoomCredentials fromEnvironment(Map<String, String> env) {
    return new ZoomCredentials(env.get(ACCOUNT_ID), env.get(CLIENT_ID), env.get(CLIENT_SECRET));
  }

  /** A {@code .properties} file with the keys ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET. */
  public static ZoomCredentials fromPropertiesFile(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return new ZoomCredentials(p.getProperty(ACCOUNT_ID), p.getProperty(CLIENT_ID),
        p.getProperty(CLIENT_SECRET));
  }

  public String accountId() {
    return accountId;
  }

  /** The {@code Authorization} value for the token endpoint: Basic base64(client_id:client_secret). */
  String basicAuthorization() {
    return "Basic " + Base64.getEncoder().encodeToString(
        (clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  @Override
  public String toString() {
    return "ZoomCredentials[account_id=<redacted>, client_id=<redacted>, client_secret=<redacted>]";
  }
}
