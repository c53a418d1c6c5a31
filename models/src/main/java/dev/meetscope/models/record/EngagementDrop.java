package dev.meetscope.models.record;

/**
 * One entry of {@code engagement_drops} (filled by the scoring stage; null until then): minutes where the
 * per-minute engagement index stays at least 30 % below its trailing 10-minute median.
 */
public record EngagementDrop(Integer startMinute, Integer endMinute, Double dropPct) {}
