package dev.meetscope.models.nlp;

import dev.meetscope.models.record.MeetingTopic;
import dev.meetscope.models.record.PersonText;
import dev.meetscope.models.record.TextMinute;
import java.util.List;

/** The meeting-level NLP outputs of one meeting. */
public record MeetingTextResult(List<MeetingTopic> topics, List<PersonText> people, List<TextMinute> minutes) {
  public MeetingTextResult {
    topics = List.copyOf(topics);
    people = List.copyOf(people);
    minutes = List.copyOf(minutes);
  }
}
