package dev.meetscope.models.analytics;

import dev.meetscope.models.analytics.aggregate.PersonActivity;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A meeting ready for the per-person step: the small shared context (a Beam side input), one
 * {@link PersonActivity} per person (the elements to fan out), and the person each speaker or chat sender
 * label was attributed to (label → participant key; for joining per-label text results).
 */
public record MeetingPlan(MeetingContext context, List<PersonActivity> people, Map<String, String> labelPeople) {
  public MeetingPlan {
    people = List.copyOf(people);
    labelPeople = labelPeople == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labelPeople));
  }

  public MeetingPlan(MeetingContext context, List<PersonActivity> people) {
    this(context, people, Map.of());
  }

  /** One {@link LabelPerson} per label, in label order. */
  public List<LabelPerson> labels() {
    return labelPeople.entrySet().stream()
        .map(e -> new LabelPerson(context.meetingKey(), e.getKey(), e.getValue())).toList();
  }
}
