package dev.meetscope.models.analytics;

import dev.meetscope.models.analytics.aggregate.PersonActivity;
import java.util.List;

/**
 * A meeting ready for the per-person step: the small shared context (a Beam side input) and one
 * {@link PersonActivity} per person (the elements to fan out).
 */
public record MeetingPlan(MeetingContext context, List<PersonActivity> people) {
  public MeetingPlan {
    people = List.copyOf(people);
  }
}
