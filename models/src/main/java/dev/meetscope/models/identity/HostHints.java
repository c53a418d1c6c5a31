package dev.meetscope.models.identity;

import dev.meetscope.models.record.MeetingEvent;
import dev.meetscope.models.record.MeetingManifest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What names the host besides a report row's role: Zoom user ids ({@code host_id} of the manifest or of
 * webhook events), e-mails and names from the manifest.
 */
public record HostHints(Set<String> hostIds, Set<String> hostEmails, Set<String> hostNames) {
  public HostHints {
    hostIds = hostIds == null ? Set.of() : Set.copyOf(hostIds);
    hostEmails = hostEmails == null ? Set.of() : Set.copyOf(hostEmails);
    hostNames = hostNames == null ? Set.of() : Set.copyOf(hostNames);
  }

  public static HostHints none() {
    return new HostHints(Set.of(), Set.of(), Set.of());
  }

  public static HostHints from(MeetingManifest manifest, List<MeetingEvent> events) {
    Set<String> ids = new TreeSet<>();
    Set<String> emails = new TreeSet<>();
    Set<String> names = new TreeSet<>();
    if (manifest != null) {
      addIfPresent(ids, manifest.hostId());
      if (manifest.hostEmail() != null && !manifest.hostEmail().isBlank()) {
        emails.add(manifest.hostEmail().strip().toLowerCase(Locale.ROOT));
      }
      String name = NameKeys.strict(manifest.hostName());
      if (name != null) {
        names.add(name);
      }
    }
    if (events != null) {
      for (MeetingEvent e : events) {
        addIfPresent(ids, e.hostId());
      }
    }
    return new HostHints(ids, emails, names);
  }

  private static void addIfPresent(Set<String> set, String value) {
    if (value != null && !value.isBlank()) {
      set.add(value.strip());
    }
  }
}
