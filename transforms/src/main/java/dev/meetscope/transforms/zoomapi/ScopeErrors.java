package dev.meetscope.transforms.zoomapi;

import java.util.Locale;
import java.util.Set;

/**
 * Recognises "this app or plan may not call that endpoint": the signal to fall back from the Report API to
 * {@code /past_meetings}. Zoom reports it as HTTP 400 or 401 with code 4711/4700/104
 * ({@code "Invalid access token, does not contain scopes:[…]"}), HTTP 400 code 200 ({@code "No permission."}
 * / {@code "Only available for paid account"}), or plain HTTP 403.
 */
final class ScopeErrors {
  private static final Set<Integer> SCOPE_CODES = Set.of(104, 4700, 4711);

  private ScopeErrors() {}

  static boolean isMissingScope(int status, ZoomError error) {
    return isMissingScope(status, error.code(), error.message());
  }

  static boolean isMissingScope(int status, Integer code, String message) {
    if (status == 403) {
      return true;
    }
    if (status != 400 && status != 401) {
      return false;
    }
    if (code != null && SCOPE_CODES.contains(code)) {
      return true;
    }
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
    if (m.contains("does not contain scope")) {
      return true;
    }
    return status == 400 && code != null && code == 200;
  }

  static boolean isMissingScope(ZoomApiException e) {
    return isMissingScope(e.status(), e.zoomCode(), e.zoomMessage());
  }
}
