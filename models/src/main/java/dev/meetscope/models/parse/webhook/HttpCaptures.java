package dev.meetscope.models.parse.webhook;

import dev.meetscope.models.parse.Line;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Splits a file of HTTP request dumps ({@code POST /path HTTP/1.1}, header lines, a blank line, the JSON
 * body), one after another: each request line starts a new capture.
 */
final class HttpCaptures {
  private static final Pattern REQUEST_LINE =
      Pattern.compile("^(?:POST|PUT|PATCH|GET) \\S+ HTTP/\\d(?:\\.\\d)?$");

  /**
   * One request.
   *
   * @param line the request line's number
   * @param headers header names lower-cased; a repeated header keeps its first value
   * @param body the body text (may be empty)
   * @param bodyLine the number of the body's first line
   * @param raw the whole capture as in the file (not yet redacted)
   */
  record Capture(long line, Map<String, String> headers, String body, long bodyLine, String raw) {}

  private HttpCaptures() {}

  static boolean isRequestLine(String line) {
    return REQUEST_LINE.matcher(line.strip()).matches();
  }

  static List<Capture> split(List<Line> lines) {
    List<Capture> out = new ArrayList<>();
    int i = 0;
    while (i < lines.size() && !isRequestLine(lines.get(i).text())) {
      i++;
    }
    while (i < lines.size()) {
      int start = i++;
      Map<String, String> headers = new LinkedHashMap<>();
      // Headers run to the first blank line; a line opening JSON also ends them (a capture without the gap).
      while (i < lines.size() && !lines.get(i).isBlank() && !opensJson(lines.get(i).text())
          && !isRequestLine(lines.get(i).text())) {
        String h = lines.get(i).text();
        int colon = h.indexOf(':');
        if (colon > 0) {
          headers.putIfAbsent(h.substring(0, colon).strip().toLowerCase(Locale.ROOT),
              h.substring(colon + 1).strip());
        }
        i++;
      }
      int bodyStart = i;
      while (i < lines.size() && !isRequestLine(lines.get(i).text())) {
        i++;
      }
      // Skip the blank separator lines so that bodyLine is the body's real first line.
      while (bodyStart < i && lines.get(bodyStart).isBlank()) {
        bodyStart++;
      }
      StringBuilder body = new StringBuilder();
      for (int k = bodyStart; k < i; k++) {
        body.append(lines.get(k).text()).append('\n');
      }
      StringBuilder raw = new StringBuilder();
      for (int k = start; k < i; k++) {
        raw.append(lines.get(k).text()).append('\n');
      }
      long bodyLine = bodyStart < lines.size() ? lines.get(bodyStart).number() : lines.get(start).number();
      out.add(new Capture(lines.get(start).number(), headers, body.toString().strip(), bodyLine,
          raw.toString().strip()));
    }
    return out;
  }

  private static boolean opensJson(String line) {
    String s = line.strip();
    return s.startsWith("{") || s.startsWith("[");
  }
}
