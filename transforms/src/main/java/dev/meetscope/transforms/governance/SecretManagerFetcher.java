package dev.meetscope.transforms.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.meetscope.models.governance.SecretFetcher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

/**
 * Reads a Secret Manager version ({@code projects/P/secrets/S/versions/V}) over its REST API
 * ({@code GET https://secretmanager.googleapis.com/v1/<name>:access}) with Application Default Credentials
 * (the worker's service account on Dataflow, {@code gcloud auth application-default login} locally). The
 * caller needs {@code roles/secretmanager.secretAccessor} on the secret.
 */
public final class SecretManagerFetcher implements SecretFetcher {
  static final String API = "https://secretmanager.googleapis.com/v1/";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public byte[] fetch(String versionName) throws IOException {
    GoogleCredentials credentials = GoogleCredentials.getApplicationDefault()
        .createScoped("https://www.googleapis.com/auth/cloud-platform");
    credentials.refreshIfExpired();
    AccessToken token = credentials.getAccessToken();
    HttpRequest request = HttpRequest.newBuilder(URI.create(API + versionName + ":access"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token.getTokenValue())
        .GET().build();
    HttpResponse<String> response;
    try {
      response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
          .send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + versionName, e);
    }
    if (response.statusCode() != 200) {
      throw new IOException("Secret Manager answered HTTP " + response.statusCode() + " " + status(response.body()));
    }
    return payload(response.body());
  }

  /** The decoded {@code payload.data} of an access response; null when there is none. */
  static byte[] payload(String body) throws IOException {
    JsonNode data = JSON.readTree(body).path("payload").path("data");
    return data.isTextual() ? Base64.getDecoder().decode(data.asText()) : null;
  }

  /** The error status of an error response (e.g. PERMISSION_DENIED), never the body itself. */
  static String status(String body) {
    try {
      return JSON.readTree(body).path("error").path("status").asText("");
    } catch (IOException e) {
      return "";
    }
  }
}
