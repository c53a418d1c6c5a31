package dev.meetscope.transforms.zoomapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.client.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Zoom's error body {@code {"code":4711,"message":"…"}}, or the OAuth {@code {"reason":…,"error":…}}. */
record ZoomError(Integer code, String message) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static ZoomError read(HttpResponse response, int limit) {
    byte[] bytes;
    try (InputStream in = response.getContent()) {
      bytes = in == null ? new byte[0] : in.readNBytes(limit);
    } catch (IOException e) {
      return new ZoomError(null, null);
    }
    return parse(bytes);
  }

  static ZoomError parse(byte[] bytes) {
    try {
      JsonNode n = JSON.readTree(bytes);
      if (n != null && n.isObject()) {
        Integer code = n.path("code").canConvertToInt() && n.has("code") ? n.get("code").asInt() : null;
        String message = n.hasNonNull("message") ? n.get("message").asText()
            : n.hasNonNull("reason") ? n.get("reason").asText()
            : n.hasNonNull("error") ? n.get("error").asText() : null;
        return new ZoomError(code, message);
      }
    } catch (IOException | RuntimeException e) {
      // Not JSON: keep a short text excerpt.
    }
    String text = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8).strip();
    return new ZoomError(null, text.isEmpty() ? null : text);
  }
}
