package dev.meetscope.models.governance;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The roster CSV ({@code --roster=FILE}) behind the manager view: who reports to whom. A header row is
 * required; names are matched case-insensitively with spaces, {@code -} and {@code _} ignored:
 * <ul>
 *   <li>person: {@code person}, {@code email}, {@code person_email}, {@code employee_email},
 *       {@code person_key}, {@code customer_key};
 *   <li>manager: {@code manager}, {@code manager_email};
 *   <li>optional department: {@code department}, {@code dept}.
 * </ul>
 * Problems (a missing cell, a manager that is not an email, a person listed twice) are collected in
 * {@link #problems()} rather than thrown: the caller refuses to start when there are any, since a silently
 * shortened roster would change group sizes.
 */
public final class Roster {
  public static final String OPTION = "--roster";

  private static final Set<String> PERSON = Set.of("person", "email", "personemail", "employeeemail",
      "personkey", "customerkey");
  private static final Set<String> MANAGER = Set.of("manager", "manageremail");
  private static final Set<String> DEPARTMENT = Set.of("department", "dept");
  private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

  private final List<RosterEntry> entries;
  private final Map<String, RosterEntry> byPerson;
  private final List<String> problems;

  private Roster(List<RosterEntry> entries, List<String> problems) {
    this.entries = List.copyOf(entries);
    Map<String, RosterEntry> map = new LinkedHashMap<>();
    for (RosterEntry e : entries) {
      map.put(e.person(), e);
    }
    this.byPerson = Collections.unmodifiableMap(map);
    this.problems = List.copyOf(problems);
  }

  public static Roster parse(String csv) {
    String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    List<RosterEntry> entries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<Integer> lineStarts = lineStarts(text);
    CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).build();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      int personCol = -1;
      int managerCol = -1;
      int deptCol = -1;
      boolean header = true;
      Map<String, Long> firstLine = new LinkedHashMap<>();
      for (CSVRecord r : parser) {
        long line = lineOf(lineStarts, recordStart(text, r.getCharacterPosition()));
        if (header) {
          header = false;
          for (int i = 0; i < r.size(); i++) {
            String h = r.get(i).toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
            if (PERSON.contains(h) && personCol < 0) {
              personCol = i;
            } else if (MANAGER.contains(h) && managerCol < 0) {
              managerCol = i;
            } else if (DEPARTMENT.contains(h) && deptCol < 0) {
              deptCol = i;
            }
          }
          if (personCol < 0 || managerCol < 0) {
            problems.add("line " + line + ": the header needs a person column (person, email, …) and a "
                + "manager column (manager, manager_email)");
            break;
          }
          continue;
        }
        String person = cell(r, personCol);
        String manager = cell(r, managerCol);
        String dept = cell(r, deptCol);
        if (person == null) {
          problems.add("line " + line + ": the person cell is empty");
          continue;
        }
        if (manager == null) {
          problems.add("line " + line + ": the manager cell is empty");
          continue;
        }
        if (!EMAIL.matcher(manager).matches()) {
          problems.add("line " + line + ": the manager must be an email address");
          continue;
        }
        String key = EMAIL.matcher(person).matches() ? person.toLowerCase(Locale.ROOT) : person;
        Long first = firstLine.putIfAbsent(key, line);
        if (first != null) {
          problems.add("line " + line + ": the person is already listed on line " + first);
          continue;
        }
        entries.add(new RosterEntry(key, manager.toLowerCase(Locale.ROOT), dept, line));
      }
    } catch (IOException | RuntimeException e) {
      // commons-csv reports malformed quoting as an unchecked exception wrapping an IOException.
      problems.add("the roster is not valid CSV: " + e.getMessage());
    }
    return new Roster(entries, problems);
  }

  public List<RosterEntry> entries() {
    return entries;
  }

  public List<String> problems() {
    return problems;
  }

  /** The manager of a person given as email (any case) or key; null when not on the roster. */
  public String managerOf(String person) {
    RosterEntry e = find(person);
    return e == null ? null : e.managerEmail();
  }

  public String departmentOf(String person) {
    RosterEntry e = find(person);
    return e == null ? null : e.department();
  }

  /** Direct reports of a manager (email, any case), in roster order. */
  public List<RosterEntry> directReports(String managerEmail) {
    String m = managerEmail == null ? "" : managerEmail.strip().toLowerCase(Locale.ROOT);
    return entries.stream().filter(e -> e.managerEmail().equals(m)).toList();
  }

  /** Direct-report counts per manager, sorted by manager email. */
  public Map<String, Integer> teamSizes() {
    Map<String, Integer> sizes = new TreeMap<>();
    for (RosterEntry e : entries) {
      sizes.merge(e.managerEmail(), 1, Integer::sum);
    }
    return sizes;
  }

  /**
   * Rows of the {@code roster} table: the person's participant_key, manager email, department. The person's
   * own email or key is not written.
   */
  public List<Map<String, String>> pseudonymisedRows(Pseudonymizer pseudonymizer) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (RosterEntry e : entries) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("participant_key", pseudonymizer.participantKey(e.stableIdentity()));
      row.put("manager_email", e.managerEmail());
      row.put("department", e.department());
      rows.add(row);
    }
    return rows;
  }

  @Override
  public String toString() {
    return "Roster[" + entries.size() + " people, " + problems.size() + " problems]";
  }

  private RosterEntry find(String person) {
    if (person == null) {
      return null;
    }
    String p = person.strip();
    RosterEntry e = byPerson.get(p);
    return e != null ? e : byPerson.get(p.toLowerCase(Locale.ROOT));
  }

  private static String cell(CSVRecord r, int col) {
    if (col < 0 || col >= r.size()) {
      return null;
    }
    String v = r.get(col).strip();
    return v.isEmpty() ? null : v;
  }

  /** Offsets where lines start; CRLF, LF and a lone CR each end a line. */
  private static List<Integer> lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        starts.add(i + 1);
      }
    }
    return starts;
  }

  /** The record's first character: commons-csv reports the position before skipped empty lines. */
  private static long recordStart(String text, long position) {
    int p = (int) position;
    while (p < text.length() && (text.charAt(p) == '\r' || text.charAt(p) == '\n')) {
      p++;
    }
    return p;
  }

  /** 1-based line of a character position. */
  private static long lineOf(List<Integer> lineStarts, long position) {
    int i = Collections.binarySearch(lineStarts, (int) position);
    return i >= 0 ? i + 1 : -i - 1;
  }
}
