package dev.meetscope.models.parse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTimesTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void dayAboveTwelveInFirstPlaceMeansDayFirst() {
    assertEquals(new CsvTimes.Decision(DateOrder.DAY_FIRST, null),
        CsvTimes.decide(List.of("02/03/2026 10:00", "16/04/2026 14:00"), null));
  }

  @Test
  void dayAboveTwelveInSecondPlaceMeansMonthFirst() {
    assertEquals(new CsvTimes.Decision(DateOrder.MONTH_FIRST, null),
        CsvTimes.decide(List.of("3/4/26 9:00", "3/14/26 9:00"), null));
  }

  @Test
  void amPmTimesAreMonthFirstEvenWhenUndecidable() {
    assertEquals(new CsvTimes.Decision(DateOrder.MONTH_FIRST, null),
        CsvTimes.decide(List.of("03/04/2026 09:00:05 AM", "03/04/2026 10:01:40 am"), null));
  }

  @Test
  void undecidableWithoutAmPmIsAProblemUnlessAFallbackIsConfigured() {
    List<String> cells = List.of("03/04/2026 09:00", "03/04/2026 10:00");
    CsvTimes.Decision d = CsvTimes.decide(cells, null);
    assertNull(d.order());
    assertEquals("Cannot tell DD/MM from MM/DD: no date in the file has a day above 12 (e.g."
        + " '03/04/2026 09:00') and no date order is configured.", d.problem());
    assertEquals(new CsvTimes.Decision(DateOrder.DAY_FIRST, null),
        CsvTimes.decide(cells, DateOrder.DAY_FIRST));
  }

  @Test
  void datesThatReadTheSameBothWaysAreNotAmbiguous() {
    assertEquals(new CsvTimes.Decision(DateOrder.MONTH_FIRST, null),
        CsvTimes.decide(Arrays.asList("04/04/2026 09:00", null, "2026-04-04 10:00"), null));
  }

  @Test
  void conflictingEvidenceIsAProblem() {
    CsvTimes.Decision d = CsvTimes.decide(List.of("13/04/2026 09:00", "04/13/2026 09:00"), null);
    assertNull(d.order());
    assertEquals("The file mixes day-first dates (1) and month-first dates (1); no single order reads it.",
        d.problem());
  }

  @Test
  void parsesEveryPortalShapeInTheMeetingZone() {
    CsvTimes us = new CsvTimes(DateOrder.MONTH_FIRST, NEW_YORK);
    assertEquals(Instant.parse("2026-03-04T14:00:05Z"), us.parse("03/04/2026 09:00:05 AM"));
    assertEquals(Instant.parse("2026-03-04T14:54:15Z"), us.parse("3/4/2026 9:54:15 AM"));
    assertEquals(Instant.parse("2026-05-04T21:03:15Z"), us.parse("05/04/2026 05:03:15 pm"));
    assertEquals(Instant.parse("2026-03-14T13:00:00Z"), us.parse("3/14/26 9:00"));
    assertEquals(Instant.parse("2026-03-14T18:05:00Z"), us.parse("3/14/26  14:05"));
    assertEquals(Instant.parse("2026-03-14T18:05:00Z"), us.parse("2026-03-14 14:05:00"));
    assertNull(us.parse(null));
    CsvTimes uk = new CsvTimes(DateOrder.DAY_FIRST, ZoneId.of("Europe/London"));
    assertEquals(Instant.parse("2026-04-16T13:00:00Z"), uk.parse("16/04/2026 14:00"));
    assertEquals(Instant.parse("2026-03-02T10:00:00Z"), uk.parse("02/03/2026 10:00"));
  }

  @Test
  void rejectsImpossibleOrForeignTimes() {
    CsvTimes us = new CsvTimes(DateOrder.MONTH_FIRST, ZoneOffset.UTC);
    assertThrows(DateTimeException.class, () -> us.parse("13/04/2026 09:00"));
    assertThrows(DateTimeException.class, () -> us.parse("02/30/2026 09:00"));
    assertThrows(DateTimeException.class, () -> us.parse("soon after ten"));
    assertThrows(DateTimeException.class, () -> us.parse("03/04/2026 13:00:00 PM"));
  }

  @Test
  void recognisesExcelShortYears() {
    assertTrue(CsvTimes.isShortYear("3/14/26 9:00"));
    assertEquals(false, CsvTimes.isShortYear("03/14/2026 09:00:00 AM"));
  }
}
