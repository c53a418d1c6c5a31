package dev.meetscope.models.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class OptionRedactorTest {
  static Map<String, String> options() {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("runner", "DirectRunner");
    o.put("pseudonymKey", "env:MEETSCOPE_KEY");
    o.put("zoomClientSecret", "abcDEF123");
    o.put("webhookSecretToken", "file:/run/secrets/zoom-webhook");
    o.put("apiKey", "projects/acme/secrets/zoom-api/versions/2");
    o.put("dbPassword", "hunter2");
    o.put("serviceAccountCredentials", "/home/ops/sa.json");
    o.put("person", "ada@example.com");
    o.put("input", "https://ops:pa55@files.example.com/zoom?sig=XYZ&day=2026-03-02");
    o.put("optOut", "gs://acme-meetscope/config/opt-out.txt");
    o.put("retentionDays", "90");
    return o;
  }

  @Test
  void dropsSecretsKeepsReferencesAndPlainOptions() {
    Map<String, String> expected = new TreeMap<>();
    expected.put("runner", "DirectRunner");
    expected.put("pseudonymKey", "env:MEETSCOPE_KEY");
    expected.put("zoomClientSecret", "***");
    expected.put("webhookSecretToken", "file:/run/secrets/zoom-webhook");
    expected.put("apiKey", "projects/acme/secrets/zoom-api/versions/2");
    expected.put("dbPassword", "***");
    expected.put("serviceAccountCredentials", "***");
    expected.put("person", "[redacted]");
    expected.put("input", "https://***@files.example.com/zoom?sig=***&day=2026-03-02");
    expected.put("optOut", "gs://acme-meetscope/config/opt-out.txt");
    expected.put("retentionDays", "90");
    assertEquals(expected, OptionRedactor.redact(options()));
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(OptionRedactor.redact(options()).keySet()));
  }

  @Test
  void isIdempotent() {
    Map<String, String> once = OptionRedactor.redact(options());
    assertEquals(once, OptionRedactor.redact(once));
  }

  @Test
  void redactsCommandLinesInOrder() {
    assertEquals(List.of("purge", "--person=[redacted]", "--olderThanDays=30", "--includeIdentities",
            "--zoomToken=***", "--pseudonymKey=file:/etc/meetscope/key"),
        OptionRedactor.redactArgs(List.of("purge", "--person=Ada Example", "--olderThanDays=30",
            "--includeIdentities", "--zoomToken=eyJhbGciOi.x.y", "--pseudonymKey=file:/etc/meetscope/key")));
  }

  @Test
  void secretNamesAreCaseInsensitive() {
    assertEquals("***", OptionRedactor.redactValue("--ZOOM_CLIENT_SECRET", "s"));
    assertEquals("***", OptionRedactor.redactValue("PseudonymKEY", "a-raw-key-value"));
    assertEquals("***", OptionRedactor.redactValue("pseudonymKey", "env:NOT A NAME"));
    assertEquals(null, OptionRedactor.redactValue("pseudonymKey", null));
  }
}
