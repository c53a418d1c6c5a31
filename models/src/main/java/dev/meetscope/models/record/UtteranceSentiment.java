package dev.meetscope.models.record;

import java.time.Instant;

/**
 * One row of {@code utterance_sentiment}: the sentiment of one transcript cue or public chat message
 * (docs/nlp.md). Lineage points at the source record.
 *
 * @param source {@code utterance} or {@code chat}
 * @param format the source record's format ({@code cloud_transcript}, {@code cloud_chat}, …)
 * @param sentiment word-weighted mean over the text's sentences (and scored emoji), in [0, 1] with 0.5
 *     neutral; null when a sentence failed (see {@code dead_letter}, stage {@code nlp}) or nothing in the
 *     text could be scored
 * @param sentences sentences in the text
 * @param pieces pieces parsed (split run-on sentences count once per piece)
 * @param words the weight of the text in person and minute means: word tokens plus scored emoji
 * @param emoji emoji scored from the lexicon
 * @param failedSentences pieces that failed to parse
 * @param wallTime the source record's UTC time when known
 */
public record UtteranceSentiment(
    String meetingKey,
    String source,
    String format,
    String sourceFile,
    long sourceLine,
    String speakerLabel,
    Instant wallTime,
    Double sentiment,
    int sentences,
    int pieces,
    int words,
    int emoji,
    int failedSentences,
    String metricsVersion) {}
