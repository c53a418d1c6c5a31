package dev.meetscope.models.parse.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;

/** Normalisation of single portal-CSV cells (zoom-formats.md §6 #33, #39, #40). */
final class CsvValues {
  /** Placeholders meaning "no value": the 2026 portal's {@code -}, R's {@code NA}. */
  private static final Set<String> NULLS = Set.of("", "-", "NA", "N/A");

  static final String YES = "YES";
  static final String NO_RESPONSE = "NO_RESPONSE";
  static final String UNKNOWN = "UNKNOWN";

  private CsvValues() {}

  /** The trimmed cell, or null for a missing cell, blank, {@code -}, {@code NA}, {@code N/A}. */
  static String clean(String cell) {
    if (cell == null) {
      return null;
    }
    String s = cell.strip();
    return NULLS.contains(s) ? null : s;
  }

  /** True when the raw cell is an R/Excel {@code NA} (evidence of a re-save). */
  static boolean isNa(String cell) {
    return cell != null && cell.strip().equals("NA");
  }

  /** {@code Yes}/{@code No} → true/false; blank → null (unknown, not "No"); anything else → null too. */
  static Boolean guest(String cell) {
    String s = clean(cell);
    if (s == null) {
      return null;
    }
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "yes", "y", "true" -> Boolean.TRUE;
      case "no", "n", "false" -> Boolean.FALSE;
      default -> null;
    };
  }

  static boolean isRecognisedGuest(String cell) {
    return clean(cell) == null || guest(cell) != null;
  }

  /** {@code Y}/{@code Yes}/{@code OK} → YES, {@code No Response} → NO_RESPONSE, blank or other → UNKNOWN. */
  static String consent(String cell) {
    String s = clean(cell);
    if (s == null) {
      return UNKNOWN;
    }
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "y", "yes", "ok" -> YES;
      case "no response" -> NO_RESPONSE;
      default -> UNKNOWN;
    };
  }

  static boolean isRecognisedConsent(String cell) {
    return clean(cell) == null || !consent(cell).equals(UNKNOWN);
  }

  static boolean yes(String cell) {
    String s = clean(cell);
    return s != null && s.equalsIgnoreCase("yes");
  }

  /** Whole (or Excel-decimal) minutes as seconds; null stays null. */
  static Long minutesToSeconds(String cell) {
    String s = clean(cell);
    if (s == null) {
      return null;
    }
    BigDecimal minutes = new BigDecimal(s); // NumberFormatException is handled by the caller
    if (minutes.signum() < 0) {
      throw new NumberFormatException("negative duration " + s);
    }
    return minutes.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  /** A meeting id without its print spaces ({@code 812 3456 7890} → {@code 81234567890}). */
  static String meetingId(String cell) {
    String s = clean(cell);
    return s == null ? null : s.replaceAll("[\\s\\u00A0]+", "");
  }
}
