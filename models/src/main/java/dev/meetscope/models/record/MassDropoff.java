package dev.meetscope.models.record;

import java.time.Instant;

/**
 * One entry of {@code mass_dropoffs}: within at most 2 minutes at least 10 % of those present left (and did
 * not come back within the window).
 *
 * @param start time of the first departure; null when the meeting has no absolute time
 * @param end time of the last departure of the drop-off
 * @param leavers people who left in {@code [start, end]}
 * @param presentBefore people present just before {@code start}
 * @param share {@code leavers / presentBefore}
 */
public record MassDropoff(
    Instant start,
    Instant end,
    Double startOffsetSeconds,
    Double endOffsetSeconds,
    Integer leavers,
    Integer presentBefore,
    Double share) {}
