package dev.meetscope.models.identity;

import dev.meetscope.models.record.ParticipantSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges the sessions of one meeting occurrence into people (rejoins, device switches, renames, breakout
 * rows). Keys, strongest first: {@code customer_key} → {@code participant_user_id} / {@code id} →
 * {@code registrant_id} → e-mail → normalised display name. The per-session {@code user_id} and
 * {@code participant_uuid} are never keys.
 *
 * <p>Sessions sharing a key value are merged level by level, strongest first, unless the two groups
 * already carry different values of a stronger key (two signed-in users who share an e-mail stay apart;
 * both get the flag {@code identity_conflict}). The name level is conservative: sessions without any
 * stronger key ("keyless", e.g. guests) that share a normalised display name or original name are merged,
 * and join the one keyed person with that name when there is exactly one; two keyed people are never
 * merged by name, and a keyless name shared by several keyed people stays its own person (flag
 * {@code ambiguous_name}).
 *
 * <p>The whole list of a meeting's sessions is held in memory (20,000 sessions are a few MB).
 */
public final class IdentityResolver {
  private static final int CK = 0;
  private static final int UID = 1;
  private static final int REG = 2;
  private static final int EMAIL = 3;
  private static final int STRONG_LEVELS = 4;
  /** The flag the governance gate puts on an opted-out person's anonymised sessions. */
  public static final String OPTED_OUT_FLAG = "opted_out";

  private IdentityResolver() {}

  public static List<ResolvedPerson> resolve(String meetingKey, List<ParticipantSession> input,
      HostHints hints) {
    List<ParticipantSession> sessions = new ArrayList<>(input);
    sessions.sort(SESSION_ORDER);
    int n = sessions.size();
    Groups groups = new Groups(n);
    for (int i = 0; i < n; i++) {
      ParticipantSession s = sessions.get(i);
      addKey(groups, i, CK, clean(s.customerKey()));
      addKey(groups, i, UID, clean(s.participantUserId()));
      addKey(groups, i, UID, clean(s.participantId()));
      addKey(groups, i, REG, clean(s.registrantId()));
      String email = clean(s.email());
      addKey(groups, i, EMAIL, email == null ? null : email.toLowerCase(Locale.ROOT));
    }
    for (int level = 0; level < STRONG_LEVELS; level++) {
      Map<String, Integer> firstWithValue = new HashMap<>();
      for (int i = 0; i < n; i++) {
        for (String value : groups.ownKeys.get(i).get(level)) {
          Integer first = firstWithValue.putIfAbsent(value, i);
          if (first != null) {
            groups.unionUnlessConflict(first, i, level);
          }
        }
      }
    }
    mergeByName(sessions, groups);
    return build(meetingKey, sessions, groups, hints);
  }

  private static void mergeByName(List<ParticipantSession> sessions, Groups groups) {
    Map<String, List<Integer>> byName = new TreeMap<>();
    for (int i = 0; i < sessions.size(); i++) {
      for (String name : names(sessions.get(i))) {
        byName.computeIfAbsent(name, k -> new ArrayList<>()).add(i);
      }
    }
    for (List<Integer> members : byName.values()) {
      Set<Integer> keyed = new TreeSet<>();
      Set<Integer> keyless = new TreeSet<>();
      for (int i : members) {
        int root = groups.find(i);
        (groups.hasStrongKey(root) ? keyed : keyless).add(root);
      }
      if (keyless.isEmpty()) {
        continue;
      }
      Integer anchor = keyless.iterator().next();
      for (int root : keyless) {
        groups.union(anchor, root);
      }
      if (keyed.size() == 1) {
        groups.union(keyed.iterator().next(), anchor);
      } else if (keyed.size() > 1) {
        groups.flag(anchor, "ambiguous_name");
      }
    }
  }

  private static List<ResolvedPerson> build(String meetingKey, List<ParticipantSession> sessions,
      Groups groups, HostHints hints) {
    Map<Integer, List<Integer>> members = new TreeMap<>();
    for (int i = 0; i < sessions.size(); i++) {
      members.computeIfAbsent(groups.find(i), k -> new ArrayList<>()).add(i);
    }
    List<ResolvedPerson> people = new ArrayList<>();
    List<Boolean> hostByStrongEvidence = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> group : members.entrySet()) {
      List<ParticipantSession> own = new ArrayList<>();
      group.getValue().forEach(i -> own.add(sessions.get(i)));
      Set<String> flags = new TreeSet<>(groups.flags(group.getKey()));
      String identity = identityOf(meetingKey, own);
      if (identity.startsWith("name:")) {
        flags.add("name_only_identity");
      }
      if (own.stream().anyMatch(s -> s.flags().contains(OPTED_OUT_FLAG))) {
        flags.add(OPTED_OUT_FLAG); // governance: counts in meeting totals, never gets a row of its own
      }
      Set<String> aliases = new LinkedHashSet<>();
      String displayName = null;
      String email = null;
      boolean host = false;
      for (ParticipantSession s : own) {
        addAlias(aliases, s.displayName());
        addAlias(aliases, s.originalName());
        if (displayName == null) {
          displayName = clean(s.displayName()) != null ? s.displayName() : clean(s.originalName());
        }
        if (email == null) {
          email = clean(s.email());
        }
        host |= "host".equalsIgnoreCase(clean(s.role()))
            || contains(hints.hostIds(), clean(s.participantId()))
            || contains(hints.hostIds(), clean(s.participantUserId()))
            || contains(hints.hostEmails(),
                clean(s.email()) == null ? null : s.email().strip().toLowerCase(Locale.ROOT));
      }
      hostByStrongEvidence.add(host);
      people.add(new ResolvedPerson(new PersonIdentity(identity, displayName, email, host,
          List.copyOf(aliases), true, List.copyOf(flags)), own));
    }
    if (!hostByStrongEvidence.contains(true) && !hints.hostNames().isEmpty()) {
      people = markHostByName(people, hints.hostNames());
    }
    people.sort(Comparator.comparing(p -> p.person().identity()));
    return people;
  }

  /** The manifest's host name marks a host only when exactly one person carries it. */
  private static List<ResolvedPerson> markHostByName(List<ResolvedPerson> people, Set<String> names) {
    int match = -1;
    for (int i = 0; i < people.size(); i++) {
      boolean hit = people.get(i).person().aliases().stream()
          .map(NameKeys::strict).anyMatch(names::contains);
      if (hit) {
        if (match >= 0) {
          return people;
        }
        match = i;
      }
    }
    if (match >= 0) {
      ResolvedPerson p = people.get(match);
      PersonIdentity id = p.person();
      people.set(match, new ResolvedPerson(new PersonIdentity(id.identity(), id.displayName(),
          id.email(), true, id.aliases(), id.fromRoster(), id.flags()), p.sessions()));
    }
    return people;
  }

  /** The best key the person has; ties within a level go to the smallest value (deterministic). */
  static String identityOf(String meetingKey, List<ParticipantSession> own) {
    String best = minOf(own, s -> clean(s.customerKey()));
    if (best != null) {
      return "ck:" + best;
    }
    best = minOf(own, s -> clean(s.participantUserId()));
    if (best == null) {
      best = minOf(own, s -> clean(s.participantId()));
    }
    if (best != null) {
      return "uid:" + best;
    }
    best = minOf(own, s -> clean(s.registrantId()));
    if (best != null) {
      return "reg:" + best;
    }
    best = minOf(own, s -> clean(s.email()) == null ? null : s.email().strip().toLowerCase(Locale.ROOT));
    if (best != null) {
      return "email:" + best;
    }
    for (ParticipantSession s : own) {
      List<String> names = names(s);
      if (!names.isEmpty()) {
        return nameIdentity(meetingKey, names.get(0));
      }
    }
    return nameIdentity(meetingKey, "");
  }

  public static String nameIdentity(String meetingKey, String normalisedName) {
    return "name:" + meetingKey + ":" + normalisedName;
  }

  private static String minOf(List<ParticipantSession> own,
      java.util.function.Function<ParticipantSession, String> key) {
    String min = null;
    for (ParticipantSession s : own) {
      String v = key.apply(s);
      if (v != null && (min == null || v.compareTo(min) < 0)) {
        min = v;
      }
    }
    return min;
  }

  /** Strict normalised display name, then original name. */
  private static List<String> names(ParticipantSession s) {
    List<String> names = new ArrayList<>(2);
    String display = NameKeys.strict(s.displayName());
    String original = NameKeys.strict(s.originalName());
    if (display != null) {
      names.add(display);
    }
    if (original != null && !original.equals(display)) {
      names.add(original);
    }
    return names;
  }

  private static void addAlias(Set<String> aliases, String name) {
    if (clean(name) != null) {
      aliases.add(name.strip());
    }
  }

  private static void addKey(Groups groups, int i, int level, String value) {
    if (value != null) {
      groups.ownKeys.get(i).get(level).add(value);
      groups.keys(i, level).add(value);
    }
  }

  private static boolean contains(Set<String> set, String value) {
    return value != null && set.contains(value);
  }

  static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  private static final Comparator<ParticipantSession> SESSION_ORDER = Comparator
      .comparing(ParticipantSession::joinTime, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(ParticipantSession::sourceFile, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparingLong(ParticipantSession::sourceLine)
      .thenComparing(ParticipantSession::displayName, Comparator.nullsLast(Comparator.naturalOrder()));

  /** Union-find whose roots carry the key values of their whole group. */
  private static final class Groups {
    final int[] parent;
    /** Per session and level: the session's own key values. */
    final List<List<Set<String>>> ownKeys = new ArrayList<>();
    /** Per root and level: the key values of the whole group. */
    final List<List<Set<String>>> keys = new ArrayList<>();
    final Map<Integer, Set<String>> flags = new HashMap<>();

    Groups(int n) {
      parent = new int[n];
      for (int i = 0; i < n; i++) {
        parent[i] = i;
        List<Set<String>> own = new ArrayList<>();
        List<Set<String>> group = new ArrayList<>();
        for (int l = 0; l < STRONG_LEVELS; l++) {
          own.add(new TreeSet<>());
          group.add(new TreeSet<>());
        }
        ownKeys.add(own);
        keys.add(group);
      }
    }

    Set<String> keys(int root, int level) {
      return keys.get(root).get(level);
    }

    int find(int i) {
      while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
      }
      return i;
    }

    boolean hasStrongKey(int root) {
      for (int l = 0; l < STRONG_LEVELS; l++) {
        if (!keys(root, l).isEmpty()) {
          return true;
        }
      }
      return false;
    }

    void unionUnlessConflict(int a, int b, int level) {
      int ra = find(a);
      int rb = find(b);
      if (ra == rb) {
        return;
      }
      for (int stronger = 0; stronger < level; stronger++) {
        Set<String> ka = keys(ra, stronger);
        Set<String> kb = keys(rb, stronger);
        if (!ka.isEmpty() && !kb.isEmpty() && java.util.Collections.disjoint(ka, kb)) {
          flag(ra, "identity_conflict");
          flag(rb, "identity_conflict");
          return;
        }
      }
      union(ra, rb);
    }

    void union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra == rb) {
        return;
      }
      int root = Math.min(ra, rb);
      int child = Math.max(ra, rb);
      parent[child] = root;
      for (int l = 0; l < STRONG_LEVELS; l++) {
        keys(root, l).addAll(keys(child, l));
      }
      Set<String> childFlags = flags.remove(child);
      if (childFlags != null) {
        flags.computeIfAbsent(root, k -> new TreeSet<>()).addAll(childFlags);
      }
    }

    void flag(int i, String flag) {
      flags.computeIfAbsent(find(i), k -> new TreeSet<>()).add(flag);
    }

    Set<String> flags(int root) {
      return flags.getOrDefault(root, Set.of());
    }
  }
}
