package dev.meetscope.models.governance;

import dev.meetscope.models.parse.Line;
import dev.meetscope.models.parse.SourceText;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hosts and meetings whose analytics are allowed ({@code --consentAllowList=FILE}), one per line, {@code #}
 * comments and blank lines as in {@link OptOutList}. Prefixes {@code host:} and {@code meeting:} pick the
 * kind; otherwise an email is a host, 9–11 digits (spaces allowed, as Zoom prints {@code 812 3456 7890})
 * are a meeting id, and anything else is tried both as a Zoom host id and as a meeting occurrence UUID.
 */
public final class AllowList {
  public static final String OPTION = "--consentAllowList";

  private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
  private static final Pattern MEETING_ID = Pattern.compile("[0-9]{9,11}");

  private final Set<String> hostEmails;
  private final Set<String> hostIds;
  private final Set<String> meetingIds;
  private final Set<String> meetingUuids;

  private AllowList(Set<String> hostEmails, Set<String> hostIds, Set<String> meetingIds,
      Set<String> meetingUuids) {
    this.hostEmails = Collections.unmodifiableSet(hostEmails);
    this.hostIds = Collections.unmodifiableSet(hostIds);
    this.meetingIds = Collections.unmodifiableSet(meetingIds);
    this.meetingUuids = Collections.unmodifiableSet(meetingUuids);
  }

  public static AllowList empty() {
    return new AllowList(Set.of(), Set.of(), Set.of(), Set.of());
  }

  public static AllowList parse(String text) {
    Set<String> hostEmails = new LinkedHashSet<>();
    Set<String> hostIds = new LinkedHashSet<>();
    Set<String> meetingIds = new LinkedHashSet<>();
    Set<String> uuids = new LinkedHashSet<>();
    for (Line line : new SourceText(OPTION, text).lines()) {
      String entry = OptOutList.trim(line.text());
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      String lower = entry.toLowerCase(Locale.ROOT);
      if (lower.startsWith("host:")) {
        String v = requireValue(entry.substring(5), line);
        if (EMAIL.matcher(v).matches()) {
          hostEmails.add(v.toLowerCase(Locale.ROOT));
        } else {
          hostIds.add(v);
        }
      } else if (lower.startsWith("meeting:")) {
        String v = requireValue(entry.substring(8), line);
        String digits = v.replace(" ", "");
        if (MEETING_ID.matcher(digits).matches()) {
          meetingIds.add(digits);
        } else {
          uuids.add(v);
        }
      } else if (EMAIL.matcher(entry).matches()) {
        hostEmails.add(lower);
      } else if (MEETING_ID.matcher(entry.replace(" ", "")).matches()) {
        meetingIds.add(entry.replace(" ", ""));
      } else {
        hostIds.add(entry);
        uuids.add(entry);
      }
    }
    return new AllowList(hostEmails, hostIds, meetingIds, uuids);
  }

  public boolean isEmpty() {
    return hostEmails.isEmpty() && hostIds.isEmpty() && meetingIds.isEmpty() && meetingUuids.isEmpty();
  }

  public boolean containsHost(String hostEmail, String hostId) {
    return (hostEmail != null && hostEmails.contains(hostEmail.strip().toLowerCase(Locale.ROOT)))
        || (hostId != null && hostIds.contains(hostId.strip()));
  }

  public boolean containsMeeting(String meetingId, String meetingUuid) {
    return (meetingId != null && meetingIds.contains(meetingId.replace(" ", "")))
        || (meetingUuid != null && meetingUuids.contains(meetingUuid.strip()));
  }

  @Override
  public String toString() {
    return "AllowList[" + (hostEmails.size() + hostIds.size()) + " host entries, "
        + (meetingIds.size() + meetingUuids.size()) + " meeting entries]";
  }

  private static String requireValue(String v, Line line) {
    String t = OptOutList.trim(v);
    if (t.isEmpty()) {
      throw new InvalidOptionException(OPTION, "line " + line.number() + ": prefix has no value");
    }
    return t;
  }
}
