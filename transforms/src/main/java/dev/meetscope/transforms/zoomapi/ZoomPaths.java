package dev.meetscope.transforms.zoomapi;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** URL pieces for the Zoom API: percent-encoding and the meeting-UUID double encoding. */
public final class ZoomPaths {
  private ZoomPaths() {}

  /**
   * A meeting UUID as a path segment (zoom-formats.md §3.5): encoded once; encoded twice when it contains
   * {@code /} (Zoom requires it for UUIDs starting with {@code /} or containing {@code //}, and double
   * encoding is also what it accepts for any other slash).
   */
  public static String meetingUuid(String uuid) {
    String once = encode(uuid);
    return uuid.contains("/") ? encode(once) : once;
  }

  /** RFC 3986 percent-encoding of everything except unreserved characters. */
  public static String encode(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** {@code ?k=v&…} in insertion order, values encoded; empty values are left out. */
  public static String query(Map<String, String> params) {
    StringJoiner j = new StringJoiner("&", "?", "");
    j.setEmptyValue("");
    params.forEach((k, v) -> {
      if (v != null && !v.isEmpty()) {
        j.add(encode(k) + "=" + encode(v));
      }
    });
    return j.toString();
  }

  static Map<String, String> params(String... keyValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  static String date(LocalDate d) {
    return d.toString();
  }
}
