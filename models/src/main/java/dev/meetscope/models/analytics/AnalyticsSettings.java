package dev.meetscope.models.analytics;

import dev.meetscope.models.identity.NameMatcher;
import java.io.Serializable;
import java.time.ZoneId;

/**
 * Thresholds of the attendance and conversation metrics (docs/metrics.md); the defaults are the documented
 * ones, every value can be overridden so tests and users can shrink or widen them.
 *
 * @param zone zone of local wall-clock times (local saved chat and captions) when the manifest gives none;
 *     null = UTC (flagged {@code zone_assumed_utc})
 * @param rejoinGapSeconds gaps between two sessions up to this long (breakout moves, reconnects) do not
 *     split a presence interval
 * @param maxTurnGapSeconds a silence longer than this between two cues of the same speaker starts a new turn
 * @param interruptionToleranceMs a new turn starting up to this long after the previous turn's end can be
 *     an interruption
 * @param backchannelMaxWords a turn of at most this many backchannel words is not an interruption
 * @param monologueSeconds a turn longer than this is a monologue
 * @param answerWindowSeconds a question is answered when another person's turn or chat follows within this
 * @param crosstalkInterruptions this many interruptions within {@code crosstalkWindowSeconds} are crosstalk
 * @param dropoffWindowSeconds longest window of a mass drop-off; also how soon a rejoin cancels a departure
 * @param dropoffShare share of those present who must leave in the window
 * @param dropoffMinLeavers fewest people who make a drop-off "mass" (so one of three leaving is not)
 * @param dropoffExcludeLastSeconds departures in the meeting's last seconds are never a drop-off
 * @param giniMinAttendance attendees present at least this share of the meeting enter the Gini
 * @param chatLookbackSeconds how far back a reply or reaction snippet is searched for its parent message
 * @param chatLookbackMessages how many earlier messages are searched at most
 * @param countPrivateChat count private messages per sender ({@code private_chat_messages}); their text is
 *     never stored either way
 * @param presenceToleranceSeconds speech this close to a presence interval still counts as inside it
 * @param fuzzyThreshold lowest fuzzy name score accepted
 * @param fuzzyMargin how much the best fuzzy candidate must beat the second
 */
public record AnalyticsSettings(
    ZoneId zone,
    long rejoinGapSeconds,
    long maxTurnGapSeconds,
    long interruptionToleranceMs,
    int backchannelMaxWords,
    double monologueSeconds,
    long answerWindowSeconds,
    int crosstalkInterruptions,
    long crosstalkWindowSeconds,
    long dropoffWindowSeconds,
    double dropoffShare,
    int dropoffMinLeavers,
    long dropoffExcludeLastSeconds,
    double giniMinAttendance,
    long chatLookbackSeconds,
    int chatLookbackMessages,
    boolean countPrivateChat,
    long presenceToleranceSeconds,
    double fuzzyThreshold,
    double fuzzyMargin) implements Serializable {

  public static AnalyticsSettings defaults() {
    return new AnalyticsSettings(null, 5, 60, 300, 3, 150, 60, 3, 30, 120, 0.10, 3, 300, 0.5, 3600, 500,
        false, 30, NameMatcher.DEFAULT_FUZZY_THRESHOLD, NameMatcher.DEFAULT_FUZZY_MARGIN);
  }

  public AnalyticsSettings withZone(ZoneId z) {
    return new AnalyticsSettings(z, rejoinGapSeconds, maxTurnGapSeconds, interruptionToleranceMs,
        backchannelMaxWords, monologueSeconds, answerWindowSeconds, crosstalkInterruptions,
        crosstalkWindowSeconds, dropoffWindowSeconds, dropoffShare, dropoffMinLeavers,
        dropoffExcludeLastSeconds, giniMinAttendance, chatLookbackSeconds, chatLookbackMessages,
        countPrivateChat, presenceToleranceSeconds, fuzzyThreshold, fuzzyMargin);
  }

  public AnalyticsSettings withCountPrivateChat(boolean count) {
    return new AnalyticsSettings(zone, rejoinGapSeconds, maxTurnGapSeconds, interruptionToleranceMs,
        backchannelMaxWords, monologueSeconds, answerWindowSeconds, crosstalkInterruptions,
        crosstalkWindowSeconds, dropoffWindowSeconds, dropoffShare, dropoffMinLeavers,
        dropoffExcludeLastSeconds, giniMinAttendance, chatLookbackSeconds, chatLookbackMessages, count,
        presenceToleranceSeconds, fuzzyThreshold, fuzzyMargin);
  }

  public AnalyticsSettings withRejoinGapSeconds(long seconds) {
    return new AnalyticsSettings(zone, seconds, maxTurnGapSeconds, interruptionToleranceMs,
        backchannelMaxWords, monologueSeconds, answerWindowSeconds, crosstalkInterruptions,
        crosstalkWindowSeconds, dropoffWindowSeconds, dropoffShare, dropoffMinLeavers,
        dropoffExcludeLastSeconds, giniMinAttendance, chatLookbackSeconds, chatLookbackMessages,
        countPrivateChat, presenceToleranceSeconds, fuzzyThreshold, fuzzyMargin);
  }

  public AnalyticsSettings withDropoffMinLeavers(int leavers) {
    return new AnalyticsSettings(zone, rejoinGapSeconds, maxTurnGapSeconds, interruptionToleranceMs,
        backchannelMaxWords, monologueSeconds, answerWindowSeconds, crosstalkInterruptions,
        crosstalkWindowSeconds, dropoffWindowSeconds, dropoffShare, leavers, dropoffExcludeLastSeconds,
        giniMinAttendance, chatLookbackSeconds, chatLookbackMessages, countPrivateChat,
        presenceToleranceSeconds, fuzzyThreshold, fuzzyMargin);
  }
}
