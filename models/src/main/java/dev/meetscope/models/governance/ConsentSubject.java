package dev.meetscope.models.governance;

import dev.meetscope.models.parse.ParsedMeeting;
import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingManifest;
import dev.meetscope.models.record.ParticipantSession;

/**
 * What consent is decided on for one meeting. Built from the manifest first, then from the participant
 * report (the row marked host) and webhook events, so an allow-listed host is recognised even without a
 * {@code meeting.json}.
 *
 * @param analyticsEnabled the manifest flag; null = not stated
 */
public record ConsentSubject(
    String meetingKey,
    String meetingId,
    String meetingUuid,
    String hostEmail,
    String hostId,
    Boolean analyticsEnabled) {

  public static ConsentSubject of(ParsedMeeting m) {
    MeetingManifest manifest = m.manifest() == null ? MeetingManifest.empty() : m.manifest();
    String meetingId = manifest.meetingId();
    String uuid = manifest.uuid();
    String hostEmail = manifest.hostEmail();
    String hostId = manifest.hostId();
    for (ParticipantSession s : m.sessions()) {
      meetingId = first(meetingId, s.meetingId());
      uuid = first(uuid, s.meetingUuid());
      if ("host".equals(s.role())) {
        hostEmail = first(hostEmail, s.email());
      }
    }
    for (MeetingEvent e : m.events()) {
      meetingId = first(meetingId, e.meetingId());
      uuid = first(uuid, e.meetingUuid());
      hostId = first(hostId, e.hostId());
    }
    return new ConsentSubject(m.meetingKey(), meetingId == null ? null : meetingId.replace(" ", ""),
        uuid, hostEmail, hostId, manifest.analyticsEnabled());
  }

  private static String first(String current, String candidate) {
    return current != null && !current.isBlank() ? current
        : (candidate == null || candidate.isBlank() ? current : candidate);
  }
}
