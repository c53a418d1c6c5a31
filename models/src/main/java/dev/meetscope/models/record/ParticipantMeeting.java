package dev.meetscope.models.record;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code participant_meeting}: one person in one meeting occurrence. Column names are the
 * snake_case of the component names and follow docs/metrics.md. A metric that cannot be computed (no
 * report, no transcript, no chat) is null, never 0.
 *
 * @param participantKey the stable identity string ({@code ck:…}, {@code uid:…}, {@code reg:…},
 *     {@code email:…}, {@code name:<meetingKey>:<normalised>}) until governance replaces it by its HMAC
 * @param displayName the name of the person's first session (or first label); host-only output
 * @param email null for guests; host-only output
 * @param isHost true when a report role, the manifest or a webhook names the person as host
 * @param firstJoin start of the first presence interval inside the meeting span; null when unknown
 * @param lastLeave end of the last presence interval inside the meeting span
 * @param privateChatMessages private messages sent; null unless {@code countPrivateChat} is set
 * @param reactionsReceived reactions others left on this person's public messages (net of removals)
 * @param matchMethod how the person's transcript and chat labels were matched: {@code exact},
 *     {@code normalised}, {@code fuzzy}, {@code unmatched}, or {@code none} when there was no label
 * @param confidence [0, 1] share of the inputs behind the row that were present and matched
 */
public record ParticipantMeeting(
    String meetingKey,
    String participantKey,
    String displayName,
    String email,
    Boolean isHost,
    Instant firstJoin,
    Instant lastLeave,
    Long attendedSeconds,
    Double attendanceRatio,
    Integer sessions,
    Integer rejoins,
    Long lateJoinSeconds,
    Long earlyLeaveSeconds,
    Double attentionScore,
    Double talkSeconds,
    Double speakingPct,
    Integer turns,
    Integer words,
    Double wordsPerMinute,
    Double longestMonologueSeconds,
    Integer monologues,
    Integer questionsAsked,
    Integer interruptionsMade,
    Integer interrupted,
    Integer chatMessages,
    Integer chatQuestions,
    Integer chatReplies,
    Integer reactions,
    Integer reactionsReceived,
    Integer privateChatMessages,
    String chatActivity,
    Double sentimentAvg,
    List<String> keyTopicsContributed,
    Double engagementScore,
    Double engagementAttention,
    Double engagementSpeaking,
    Double engagementChat,
    Double engagementQuestions,
    Double engagementTone,
    String matchMethod,
    List<String> flags,
    Double confidence,
    String metricsVersion) {

  public ParticipantMeeting {
    flags = flags == null ? List.of() : List.copyOf(flags);
    keyTopicsContributed = keyTopicsContributed == null ? null : List.copyOf(keyTopicsContributed);
  }

  /** The same row under another key: governance replaces the identity string by its keyed HMAC. */
  public ParticipantMeeting withParticipantKey(String key) {
    return new ParticipantMeeting(meetingKey, key, displayName, email, isHost, firstJoin, lastLeave,
        attendedSeconds, attendanceRatio, sessions, rejoins, lateJoinSeconds, earlyLeaveSeconds,
        attentionScore, talkSeconds, speakingPct, turns, words, wordsPerMinute,
        longestMonologueSeconds, monologues, questionsAsked, interruptionsMade, interrupted,
        chatMessages, chatQuestions, chatReplies, reactions, reactionsReceived, privateChatMessages,
        chatActivity, sentimentAvg, keyTopicsContributed, engagementScore, engagementAttention,
        engagementSpeaking, engagementChat, engagementQuestions, engagementTone, matchMethod, flags,
        confidence, metricsVersion);
  }

  /** The same row with its engagement score and components (docs/metrics.md, "Scores") under {@code version}. */
  public ParticipantMeeting withEngagement(Double score, Double attention, Double speaking, Double chat,
      Double questions, Double tone, String version) {
    return new ParticipantMeeting(meetingKey, participantKey, displayName, email, isHost, firstJoin, lastLeave,
        attendedSeconds, attendanceRatio, sessions, rejoins, lateJoinSeconds, earlyLeaveSeconds,
        attentionScore, talkSeconds, speakingPct, turns, words, wordsPerMinute,
        longestMonologueSeconds, monologues, questionsAsked, interruptionsMade, interrupted,
        chatMessages, chatQuestions, chatReplies, reactions, reactionsReceived, privateChatMessages,
        chatActivity, sentimentAvg, keyTopicsContributed, score, attention,
        speaking, chat, questions, tone, matchMethod, flags,
        confidence, version);
  }

  /** The same row with the NLP columns ({@code sentiment_avg}, {@code key_topics_contributed}) set. */
  public ParticipantMeeting withText(Double sentiment, List<String> keyTopics) {
    return new ParticipantMeeting(meetingKey, participantKey, displayName, email, isHost, firstJoin, lastLeave,
        attendedSeconds, attendanceRatio, sessions, rejoins, lateJoinSeconds, earlyLeaveSeconds,
        attentionScore, talkSeconds, speakingPct, turns, words, wordsPerMinute,
        longestMonologueSeconds, monologues, questionsAsked, interruptionsMade, interrupted,
        chatMessages, chatQuestions, chatReplies, reactions, reactionsReceived, privateChatMessages,
        chatActivity, sentiment, keyTopics, engagementScore, engagementAttention,
        engagementSpeaking, engagementChat, engagementQuestions, engagementTone, matchMethod, flags,
        confidence, metricsVersion);
  }
}
