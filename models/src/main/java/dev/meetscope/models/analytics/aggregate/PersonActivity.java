package dev.meetscope.models.analytics.aggregate;

import dev.meetscope.models.analytics.chat.ChatItem;
import dev.meetscope.models.analytics.conversation.SpeechCue;
import dev.meetscope.models.analytics.conversation.Turn;
import dev.meetscope.models.identity.PersonIdentity;
import dev.meetscope.models.record.ParticipantSession;
import java.util.List;

/**
 * Everything about one person of one meeting: the input of {@link ParticipantMetrics}. In a Beam pipeline
 * this is what a per-person grouping of sessions, annotated cues, turns and chat items yields.
 *
 * @param matchMethod the weakest method by which the person's labels were matched ({@code none} without
 *     labels)
 * @param labelFlags flags of the person's label matches (e.g. {@code ambiguous_label})
 */
public record PersonActivity(
    PersonIdentity person,
    String matchMethod,
    List<String> labelFlags,
    List<ParticipantSession> sessions,
    List<SpeechCue> cues,
    List<Turn> turns,
    List<ChatItem> chats) {

  public PersonActivity {
    labelFlags = labelFlags == null ? List.of() : List.copyOf(labelFlags);
    sessions = sessions == null ? List.of() : List.copyOf(sessions);
    cues = cues == null ? List.of() : List.copyOf(cues);
    turns = turns == null ? List.of() : List.copyOf(turns);
    chats = chats == null ? List.of() : List.copyOf(chats);
  }
}
