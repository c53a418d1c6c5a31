package dev.meetscope.models.nlp.actions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a spoken deadline ("by Friday", "end of day", "before the Q2 close", "next week") in a task. */
final class DuePhrases {
  private static final String DAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
  private static final String MONTH = "(?:january|february|march|april|may|june|july|august|september|october"
      + "|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?";
  private static final String PERIOD = "(?:day|week|month|quarter|sprint|year)";
  private static final String ORDINAL = "\\d{1,2}(?:st|nd|rd|th)?";
  private static final String WHEN = "(?:"
      + "(?:the )?end of (?:the |this |next )?" + PERIOD
      + "|eod|eow|cob|close of business"
      + "|(?:next |this |coming )?" + DAY + "(?: morning| afternoon| evening)?"
      + "|(?:next|this) " + PERIOD
      + "|tomorrow(?: morning| afternoon| evening)?|tonight|today|noon|later today|this afternoon|this evening"
      + "|" + MONTH + " " + ORDINAL
      + "|the " + ORDINAL + "(?: of " + MONTH + ")?"
      + "|\\d{1,2}(?::\\d\\d)? ?(?:am|pm)"
      + "|q[1-4](?: close)?"
      + "|the (?:[\\w-]+ )?(?:q[1-4] )?(?:close|deadline|launch|release|offsite|audit|review|meeting|call|sync|standup)"
      + ")";
  private static final Pattern DUE = Pattern.compile(
      "\\b(?:(?:by|before|until|no later than) " + WHEN
          + "|(?:on|for) (?:next |this )?" + DAY
          + "|after the (?:call|meeting|sync)"
          + "|(?:with)?in (?:a|an|one|two|three|four|five|\\d+) (?:hours?|days?|weeks?)"
          + "|asap|as soon as possible"
          + "|(?:the )?end of (?:the |this |next )?" + PERIOD + "|eod|eow|cob"
          + "|(?:next|this) " + PERIOD
          + "|tomorrow(?: morning| afternoon| evening)?|tonight|later today|this afternoon"
          + ")\\b",
      Pattern.CASE_INSENSITIVE);

  private DuePhrases() {}

  /** The first due phrase in {@code text}, or null. */
  static Matcher find(String text) {
    Matcher m = DUE.matcher(text);
    return m.find() ? m : null;
  }
}
