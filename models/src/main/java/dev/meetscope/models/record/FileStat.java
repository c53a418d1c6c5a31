package dev.meetscope.models.record;

/**
 * What became of one input file. Invariant: {@code recordsRead == recordsParsed + recordsDeadLettered}.
 *
 * @param status {@code parsed} (at least one record used), {@code dead_lettered} (the whole file, or every
 *     record of it, rejected) or {@code no_data} (empty or header-only: not an error)
 */
public record FileStat(
    String meetingKey,
    String sourceFile,
    String format,
    String status,
    long bytes,
    long recordsRead,
    long recordsParsed,
    long recordsDeadLettered) {}
