/**
 * Immutable records that flow through Meetscope. They are plain Java records with no Beam types; the
 * transforms module gives every record a Beam schema (column names are the snake_case of the component
 * names), so one definition drives Parquet, JSONL and BigQuery.
 *
 * <p>Every record read from a file carries its lineage: {@code meetingKey}, {@code sourceFile},
 * {@code sourceLine}.
 */
package dev.meetscope.models.record;
