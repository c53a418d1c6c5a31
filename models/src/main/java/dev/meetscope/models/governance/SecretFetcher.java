package dev.meetscope.models.governance;

import java.io.IOException;

/**
 * Reads one Secret Manager secret version. models only validates the name; the transforms layer implements
 * this with the GCP client ({@code SecretManagerServiceClient.accessSecretVersion}).
 */
@FunctionalInterface
public interface SecretFetcher {
  /**
   * @param versionName {@code projects/P/secrets/S/versions/V}, already validated
   * @return the payload bytes, a fresh array: the caller owns it and wipes it after use; never logged
   */
  byte[] fetch(String versionName) throws IOException;
}
