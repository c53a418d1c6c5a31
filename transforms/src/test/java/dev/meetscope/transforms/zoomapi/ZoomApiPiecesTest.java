package dev.meetscope.transforms.zoomapi;

import dev.meetscope.transforms.http.RetryPolicy;
import dev.meetscope.transforms.http.RetryAfter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ZoomApiPiecesTest {
  @Test
  void uuidsWithSlashesAreEncodedTwice() {
    // zoom-formats.md §3.5 example.
    assertEquals("%252Fabc%253D%253D", ZoomPaths.meetingUuid("/abc=="));
    assertEquals("ab%252F%252Fcd%252Bef%253D%253D", ZoomPaths.meetingUuid("ab//cd+ef=="));
    assertEquals("aB3%252BcD9%252FeF1%253D%253D", ZoomPaths.meetingUuid("aB3+cD9/eF1=="));
    assertEquals("qwErTy12UiOp34AsDf56Gh%3D%3D", ZoomPaths.meetingUuid("qwErTy12UiOp34AsDf56Gh=="));
    assertEquals("81234567890", ZoomPaths.meetingUuid("81234567890"));
    assertEquals("%C3%A9-_.~", ZoomPaths.encode("é-_.~"));
    assertEquals("?a=1&c=x%20y", ZoomPaths.query(ZoomPaths.params("a", "1", "b", "", "c", "x y")));
    assertEquals("", ZoomPaths.query(Map.of()));
  }

  @Test
  void retryAfterAcceptsSecondsInstantsAndHttpDates() {
    Instant now = Instant.parse("2026-03-03T06:00:00Z");
    assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse("7", now));
    assertEquals(Optional.of(Duration.ofHours(18)), RetryAfter.parse("2026-03-04T00:00:00Z", now));
    assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse("Tue, 03 Mar 2026 06:00:30 GMT", now));
    assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("2026-03-03T05:00:00Z", now));
    assertEquals(Optional.empty(), RetryAfter.parse("soon", now));
    assertEquals(Optional.empty(), RetryAfter.parse(null, now));
  }

  @Test
  void backoffDoublesUpToTheCap() {
    RetryPolicy p = RetryPolicy.DEFAULT;
    assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 32L),
        List.of(1, 2, 3, 4, 5, 6, 7).stream().map(n -> p.backoff(n).toSeconds()).toList());
  }

  @Test
  void pullWindowResolvesYesterdayAndRejectsDatesOutsideTheReportWindow() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-03T02:00:00Z"), ZoneOffset.UTC);
    PullWindow utc = PullWindow.of("yesterday", ZoneOffset.UTC, clock);
    assertEquals(LocalDate.parse("2026-03-02"), utc.date());
    assertEquals(LocalDate.parse("2026-03-01"), utc.queryFrom());
    assertEquals(LocalDate.parse("2026-03-03"), utc.queryTo());
    // 02:00 UTC is still 2 March in New York: yesterday is 1 March there.
    PullWindow ny = PullWindow.of("yesterday", ZoneId.of("America/New_York"), clock);
    assertEquals(LocalDate.parse("2026-03-01"), ny.date());
    assertEquals(Instant.parse("2026-03-01T05:00:00Z"), ny.dayStart());
    assertEquals(Instant.parse("2026-03-02T05:00:00Z"), ny.dayEnd());
    // Today: the query never goes past Zoom's today.
    assertEquals(LocalDate.parse("2026-03-03"), PullWindow.of("2026-03-03", ZoneOffset.UTC, clock).queryTo());

    IllegalArgumentException future = assertThrows(IllegalArgumentException.class,
        () -> PullWindow.of("2026-03-04", ZoneOffset.UTC, clock));
    assertEquals("--date=2026-03-04 is in the future (today is 2026-03-03 in Z)", future.getMessage());
    IllegalArgumentException old = assertThrows(IllegalArgumentException.class,
        () -> PullWindow.of("2025-03-03", ZoneOffset.UTC, clock));
    assertEquals("--date=2025-03-03 is older than Zoom's report window: the Report API serves the last 12"
        + " months, so the oldest date pullable today is 2025-03-04", old.getMessage());
    assertEquals(LocalDate.parse("2025-03-04"), PullWindow.of("2025-03-04", ZoneOffset.UTC, clock).date());
    assertThrows(IllegalArgumentException.class, () -> PullWindow.of("03/02/2026", ZoneOffset.UTC, clock));
  }

  @Test
  void meetingsBelongToTheDayTheyEnd() {
    PullWindow w = PullWindow.of("2026-03-02", ZoneOffset.UTC,
        Clock.fixed(Instant.parse("2026-03-03T06:00:00Z"), ZoneOffset.UTC));
    assertTrue(w.contains(occ("2026-03-01T23:30:00Z", "2026-03-02T00:00:00Z", 30)));
    assertFalse(w.contains(occ("2026-03-02T23:30:00Z", "2026-03-03T00:00:00Z", 30)));
    assertTrue(w.contains(occ("2026-03-02T23:00:00Z", null, 59)));
    assertFalse(w.contains(occ("2026-03-02T23:00:00Z", null, 60)));
    assertFalse(w.contains(occ(null, null, null)));
  }

  @Test
  void landingNamesFollowZoomDownloadNames() {
    Instant start = Instant.parse("2026-03-02T15:00:10Z");
    assertEquals("GMT20260302-150010_Recording.transcript.vtt", LandingLayout.recordingFileName("TRANSCRIPT", start));
    assertEquals("GMT20260302-150010_Recording.cc.vtt", LandingLayout.recordingFileName("cc", start));
    assertEquals("GMT20260302-150010_RecordingnewChat.txt", LandingLayout.recordingFileName("CHAT", start));
    assertNull(LandingLayout.recordingFileName("MP4", start));
    assertEquals("20260302T150002Z_81234567890_aB3-cD9_eF1", LandingLayout.folder(new MeetingOccurrence(
        "81234567890", "aB3+cD9/eF1==", null, null, null, Instant.parse("2026-03-02T15:00:02Z"), null, null, null)));
    assertEquals("a~2Ab", LandingLayout.safeUuid("a*b"));
  }

  @Test
  void scopeErrorsAreRecognised() {
    assertTrue(ScopeErrors.isMissingScope(400, 4711, "Invalid access token, does not contain scopes:[report:read:admin]."));
    assertTrue(ScopeErrors.isMissingScope(401, 4700, "Invalid access token, does not contain permissions."));
    assertTrue(ScopeErrors.isMissingScope(400, 200, "Only available for paid account."));
    assertTrue(ScopeErrors.isMissingScope(403, null, null));
    assertFalse(ScopeErrors.isMissingScope(401, 124, "Invalid access token."));
    assertFalse(ScopeErrors.isMissingScope(404, 3001, "Meeting does not exist."));
    assertFalse(ScopeErrors.isMissingScope(400, 300, "The next page token is invalid or expired."));
  }

  @Test
  void credentialsNeverPrintAndNameWhatIsMissing() {
    ZoomCredentials c = new ZoomCredentials("acct", "id", "secret");
    assertEquals("ZoomCredentials[account_id=<redacted>, client_id=<redacted>, client_secret=<redacted>]", c.toString());
    assertEquals("Basic aWQ6c2VjcmV0", c.basicAuthorization());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ZoomCredentials.fromEnvironment(Map.of("ZOOM_CLIENT_ID", "id")));
    assertEquals("Zoom credentials missing: ZOOM_ACCOUNT_ID, ZOOM_CLIENT_SECRET (set them in the environment or"
        + " in the --credentialsFile properties file)", e.getMessage());
  }

  private static MeetingOccurrence occ(String start, String end, Integer minutes) {
    return new MeetingOccurrence("1", "u", null, null, null, start == null ? null : Instant.parse(start),
        end == null ? null : Instant.parse(end), minutes, null);
  }
}
