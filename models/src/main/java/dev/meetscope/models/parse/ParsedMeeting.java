package dev.meetscope.models.parse;

import dev.meetscope.models.record.ChatMessage;
import dev.meetscope.models.record.DeadLetter;
import dev.meetscope.models.record.FileStat;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.ParticipantSession;
import dev.meetscope.models.record.Utterance;
import java.util.List;

/** Everything parsed from one meeting folder, keyed by {@code meetingKey}. */
public record ParsedMeeting(
    String meetingKey,
    MeetingManifest manifest,
    List<ParticipantSession> sessions,
    List<Utterance> utterances,
    List<ChatMessage> chatMessages,
    List<MeetingEvent> events,
    List<DeadLetter> deadLetters,
    List<FileStat> fileStats) {}
