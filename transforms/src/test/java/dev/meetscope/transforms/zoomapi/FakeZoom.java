package dev.meetscope.transforms.zoomapi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Zoom API on loopback: an OAuth token endpoint and routes answered from a table keyed by the raw
 * (still encoded) path plus query, with faults queued per path in front of the normal answer.
 */
final class FakeZoom implements AutoCloseable {
  static final String ACCOUNT = "acct-123";
  static final String CLIENT_ID = "client-abc";
  static final String CLIENT_SECRET = "secret-xyz";

  /** One canned response. */
  record Resp(int status, Map<String, String> headers, byte[] body) {
    static Resp json(int status, String body) {
      return new Resp(status, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    static Resp bytes(byte[] body) {
      return new Resp(200, Map.of("Content-Type", "application/octet-stream"), body);
    }

    Resp withHeader(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Resp(status, h, body);
    }
  }

  /** A logged request. */
  record Request(String method, String rawPath, String rawQuery, String authorization) {
    String target() {
      return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    }
  }

  private final HttpServer server;
  private final Map<String, Resp> routes = new HashMap<>();
  private final Map<String, Deque<Resp>> faults = new HashMap<>();
  private final List<Request> log = new ArrayList<>();
  private final Set<String> validTokens = new HashSet<>();
  private final Set<String> revokeBeforePath = new HashSet<>();
  private int tokensIssued;

  FakeZoom() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String apiBase() {
    return base() + "/v2";
  }

  /** Answer {@code GET <rawPathAndQuery>} with this response. */
  synchronized FakeZoom route(String rawPathAndQuery, Resp resp) {
    routes.put(rawPathAndQuery, resp);
    return this;
  }

  /** Answer the next requests to {@code rawPath} (any query) with these, in order, before the route. */
  synchronized FakeZoom fault(String rawPath, Resp... resps) {
    faults.computeIfAbsent(rawPath, k -> new ArrayDeque<>()).addAll(List.of(resps));
    return this;
  }

  /** Revoke every issued token when a request for {@code rawPath} arrives (the token "expires"). */
  synchronized FakeZoom expireTokensAt(String rawPath) {
    revokeBeforePath.add(rawPath);
    return this;
  }

  synchronized List<Request> log() {
    return List.copyOf(log);
  }

  synchronized int tokensIssued() {
    return tokensIssued;
  }

  synchronized void clearLog() {
    log.clear();
  }

  private synchronized Resp answer(HttpExchange ex) {
    String rawPath = ex.getRequestURI().getRawPath();
    String rawQuery = ex.getRequestURI().getRawQuery();
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    log.add(new Request(ex.getRequestMethod(), rawPath, rawQuery, auth));
    if (rawPath.equals("/oauth/token")) {
      String expected = "Basic " + Base64.getEncoder().encodeToString(
          (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
      if (!"POST".equals(ex.getRequestMethod()) || !expected.equals(auth)
          || !("grant_type=account_credentials&account_id=" + ACCOUNT).equals(rawQuery)) {
        return Resp.json(400, "{\"reason\":\"Invalid client_id or client_secret\",\"error\":\"invalid_client\"}");
      }
      tokensIssued++;
      String token = "tok-" + tokensIssued;
      validTokens.add(token);
      return Resp.json(200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":3599,"
          + "\"scope\":\"user:read:admin report:read:admin recording:read:admin\",\"api_url\":\"https://api.zoom.us\"}");
    }
    if (rawPath.startsWith("/storage/")) {
      // A pre-signed storage URL that downloads redirect to: no bearer token needed (or wanted).
      Resp r = routes.get(rawQuery == null ? rawPath : rawPath + "?" + rawQuery);
      return r != null ? r : Resp.json(403, "{\"message\":\"bad signature\"}");
    }
    if (revokeBeforePath.remove(rawPath)) {
      validTokens.clear();
    }
    if (auth == null || !auth.startsWith("Bearer ") || !validTokens.contains(auth.substring(7))) {
      return Resp.json(401, "{\"code\":124,\"message\":\"Invalid access token.\"}");
    }
    Deque<Resp> queued = faults.get(rawPath);
    if (queued != null && !queued.isEmpty()) {
      return queued.poll();
    }
    String key = rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    Resp r = routes.get(key);
    if (r == null) {
      return Resp.json(404, "{\"code\":404,\"message\":\"No route for " + key.replace("\"", "") + "\"}");
    }
    return r;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      ex.getRequestBody().readAllBytes();
      Resp r = answer(ex);
      r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
      if (r.body().length > 0) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(r.body());
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
