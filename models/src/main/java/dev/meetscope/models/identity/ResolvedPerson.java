package dev.meetscope.models.identity;

import dev.meetscope.models.record.ParticipantSession;
import java.util.List;

/** A person and the sessions that were merged into them, in join order. */
public record ResolvedPerson(PersonIdentity person, List<ParticipantSession> sessions) {
  public ResolvedPerson {
    sessions = sessions == null ? List.of() : List.copyOf(sessions);
  }
}
