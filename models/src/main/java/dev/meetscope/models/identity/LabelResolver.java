package dev.meetscope.models.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Attributes every transcript speaker label and chat sender label of a meeting: to a roster person via
 * {@link NameMatcher}, or, when unmatched, to a person of its own. Unmatched labels are never merged into a
 * roster person; unmatched labels with the same {@link NameKeys#loose loose key} (the same name written in
 * the transcript and in the chat, or {@code Ada Example} renamed to {@code Ada Example (she/her)}) become one
 * person, whose identity is {@code name:<meetingKey>:<normalised label>} using the shortest normalised label
 * of the group. With no roster at all (a transcript or chat alone) the labels are the people.
 */
public final class LabelResolver {
  private LabelResolver() {}

  /**
   * @param byLabel every label given, mapped to its match (identity never null)
   * @param labelPeople the people made of unmatched labels
   */
  public record Resolution(Map<String, LabelMatch> byLabel, List<PersonIdentity> labelPeople) {}

  /**
   * @param labels labels in first-seen order (duplicates ignored)
   * @param hints marks a label person as host by name when no roster person is a host
   */
  public static Resolution resolve(String meetingKey, List<PersonIdentity> roster, List<String> labels,
      HostHints hints, double fuzzyThreshold, double fuzzyMargin) {
    NameMatcher matcher = new NameMatcher(roster, fuzzyThreshold, fuzzyMargin);
    Map<String, LabelMatch> byLabel = new LinkedHashMap<>();
    Map<String, List<String>> unmatchedByKey = new LinkedHashMap<>();
    Map<String, Set<String>> clusterFlags = new LinkedHashMap<>();
    for (String label : labels) {
      if (label == null || byLabel.containsKey(label)) {
        continue;
      }
      LabelMatch m = matcher.match(label);
      if (m.identity() != null) {
        byLabel.put(label, m);
      } else {
        String key = NameKeys.loose(label);
        key = key == null ? "" : key;
        unmatchedByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(label);
        clusterFlags.computeIfAbsent(key, k -> new TreeSet<>()).addAll(m.flags());
        byLabel.put(label, m);
      }
    }
    Set<String> used = new HashSet<>();
    roster.forEach(p -> used.add(p.identity()));
    boolean rosterHasHost = roster.stream().anyMatch(PersonIdentity::host);
    List<PersonIdentity> labelPeople = new ArrayList<>();
    for (Map.Entry<String, List<String>> cluster : unmatchedByKey.entrySet()) {
      List<String> members = cluster.getValue();
      String canonical = members.stream()
          .map(l -> NameKeys.strict(l) == null ? "" : NameKeys.strict(l))
          .min(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
          .orElse("");
      String identity = IdentityResolver.nameIdentity(meetingKey, canonical);
      if (used.contains(identity)) {
        identity = identity + "#label";
      }
      used.add(identity);
      Set<String> flags = new TreeSet<>(clusterFlags.get(cluster.getKey()));
      flags.add(roster.isEmpty() ? "no_roster" : "unmatched_label");
      boolean host = !rosterHasHost && members.stream().map(NameKeys::strict)
          .anyMatch(hints.hostNames()::contains);
      labelPeople.add(new PersonIdentity(identity, members.get(0).strip(), null, host, members, false,
          List.copyOf(flags)));
      for (String label : members) {
        LabelMatch m = byLabel.get(label);
        byLabel.put(label, new LabelMatch(label, identity, MatchMethod.UNMATCHED, 0, m.flags()));
      }
    }
    if (labelPeople.stream().filter(PersonIdentity::host).count() > 1) {
      labelPeople.replaceAll(p -> new PersonIdentity(p.identity(), p.displayName(), p.email(), false,
          p.aliases(), p.fromRoster(), p.flags()));
    }
    return new Resolution(byLabel, labelPeople);
  }
}
