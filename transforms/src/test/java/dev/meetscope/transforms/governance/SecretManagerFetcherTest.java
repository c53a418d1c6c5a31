package dev.meetscope.transforms.governance;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class SecretManagerFetcherTest {
  @Test
  public void readsThePayloadAndOnlyTheStatusOfAnError() throws Exception {
    // "c2VjcmV0LWtleS1ieXRlcw==" is base64 of "secret-key-bytes".
    assertArrayEquals("secret-key-bytes".getBytes(StandardCharsets.UTF_8), SecretManagerFetcher.payload(
        "{\"name\":\"projects/1/secrets/k/versions/3\",\"payload\":{\"data\":\"c2VjcmV0LWtleS1ieXRlcw==\"}}"));
    assertNull(SecretManagerFetcher.payload("{\"name\":\"x\"}"));
    assertEquals("PERMISSION_DENIED", SecretManagerFetcher.status(
        "{\"error\":{\"code\":403,\"message\":\"denied on projects/1\",\"status\":\"PERMISSION_DENIED\"}}"));
    assertEquals("", SecretManagerFetcher.status("<html>"));
  }
}
