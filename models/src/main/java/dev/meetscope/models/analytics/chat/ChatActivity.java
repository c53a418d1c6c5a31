package dev.meetscope.models.analytics.chat;

/**
 * {@code chat_activity} by public messages per attended hour: {@code none} (0 messages), {@code low}
 * (&lt; 2), {@code medium} (&lt; 6), {@code high} (≥ 6). The hours are the person's attended time, else
 * (no presence data) the meeting duration, and at least one minute so a burst from a one-second attendee is
 * not a division by zero.
 */
public final class ChatActivity {
  public static final String NONE = "none";
  public static final String LOW = "low";
  public static final String MEDIUM = "medium";
  public static final String HIGH = "high";

  private ChatActivity() {}

  public static String classify(int messages, Long attendedSeconds, long meetingSeconds) {
    if (messages <= 0) {
      return NONE;
    }
    long seconds = attendedSeconds != null && attendedSeconds > 0 ? attendedSeconds : meetingSeconds;
    double hours = Math.max(60, seconds) / 3600.0;
    double perHour = messages / hours;
    return perHour < 2 ? LOW : perHour < 6 ? MEDIUM : HIGH;
  }
}
