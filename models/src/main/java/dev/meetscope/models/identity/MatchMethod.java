package dev.meetscope.models.identity;

import java.util.List;

/** Values of {@code participant_meeting.match_method}, strongest first. */
public final class MatchMethod {
  public static final String EXACT = "exact";
  public static final String NORMALISED = "normalised";
  public static final String FUZZY = "fuzzy";
  public static final String UNMATCHED = "unmatched";
  /** The person had no transcript or chat label to match. */
  public static final String NONE = "none";

  private static final List<String> STRENGTH = List.of(NONE, EXACT, NORMALISED, FUZZY, UNMATCHED);

  private MatchMethod() {}

  /** The weaker of two methods ({@code none} is the identity element). */
  public static String weaker(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return STRENGTH.indexOf(a) >= STRENGTH.indexOf(b) ? a : b;
  }
}
