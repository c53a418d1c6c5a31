package dev.meetscope.models.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as the relay received it.
 *
 * @param headers header names in any case; looked up case-insensitively
 * @param body the raw body bytes, empty when {@code bodyTooLarge}
 * @param bodyTooLarge the body exceeded the size limit and was not read
 */
public record WebhookRequest(String method, String path, Map<String, List<String>> headers, byte[] body,
    boolean bodyTooLarge) {

  public WebhookRequest {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> {
      if (k != null) {
        copy.merge(k, List.copyOf(v), (a, b) -> {
          List<String> all = new ArrayList<>(a);
          all.addAll(b);
          return List.copyOf(all);
        });
      }
    });
    headers = copy;
    body = body == null ? new byte[0] : body;
  }

  /** First value of a header, case-insensitive, or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
