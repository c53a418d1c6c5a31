package dev.meetscope.transforms.sink.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.client.json.gson.GsonFactory;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BigQueryDmlTest {
  @Test
  void onlyTheParametersAStatementNamesAreSentWithTheirTypes() throws IOException {
    String json = GsonFactory.getDefaultInstance().toString(BigQueryDml.parameters(
        "UPDATE t SET a = NULL WHERE a IN UNNEST(@keys) OR REGEXP_CONTAINS(b, @pattern)",
        Map.of("keys", List.of("k1", "k2"), "pattern", "(?i)x", "names", List.of("ada"))));
    assertEquals("[{\"name\":\"keys\",\"parameterType\":{\"arrayType\":{\"type\":\"STRING\"},\"type\":\"ARRAY\"},"
        + "\"parameterValue\":{\"arrayValues\":[{\"value\":\"k1\"},{\"value\":\"k2\"}]}},"
        + "{\"name\":\"pattern\",\"parameterType\":{\"type\":\"STRING\"},\"parameterValue\":{\"value\":\"(?i)x\"}}]",
        json);
    assertThrows(IllegalArgumentException.class, () -> BigQueryDml.parameters("SELECT @emails", Map.of()));
  }

  @Test
  void unauthenticatedCallsAreOnlyForLoopback() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BigQueryDml.unauthenticatedLoopback(BigQueryDml.DEFAULT_ENDPOINT));
    assertTrue(e.getMessage().contains("loopback"), e.getMessage());
    BigQueryDml.unauthenticatedLoopback("http://127.0.0.1:9");
  }

  @Test
  void aStreamingBufferErrorIsRecognised() {
    assertTrue(new BigQueryDml.QueryFailed("HTTP 400: UPDATE or DELETE statement over table p.d.utterance would "
        + "affect rows in the streaming buffer, which is not supported").streamingBuffer());
  }
}
