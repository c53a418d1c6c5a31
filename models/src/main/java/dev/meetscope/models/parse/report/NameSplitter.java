package dev.meetscope.models.parse.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a {@code Name (Original Name)} cell (zoom-formats.md §3.1, §6 #37).
 *
 * <p>Zoom writes {@code Current (Original)} only after a rename, but genuine names carry parentheses too
 * ({@code Ada Example (Example Base)}, {@code Grace Sample (she/her)}), and nothing in the file tells them
 * apart. The heuristic: a trailing {@code (Host)} is a role marker, removed; then a final parenthesised
 * part is taken as the original name unless it looks like something people append to their own name:
 * pronouns or anything with a slash, digits, {@code @} or {@code .} (phones, e-mails, domains), an
 * acronym ({@code (EB)}), or a word of organisations, roles or devices ({@code Base}, {@code University},
 * {@code Lab}, {@code Team}, {@code iPad}, …) or a role as the whole text ({@code (Guest)},
 * {@code (Interpreter)}). Kept parentheses are flagged
 * {@code name_parentheses_kept}; a split is flagged {@code original_name_heuristic}.
 */
final class NameSplitter {
  static final String SPLIT_FLAG = "original_name_heuristic";
  static final String KEPT_FLAG = "name_parentheses_kept";

  private static final Pattern HOST_SUFFIX = Pattern.compile("(?i)^(.*\\S)\\s*\\(host\\)$");
  private static final Pattern TRAILING_PARENS = Pattern.compile("^(.+?)\\s*\\(([^()]*)\\)$");
  private static final Pattern NOT_A_NAME = Pattern.compile("[/@.\\d]");
  private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,6}");
  /** Any of these words in the parentheses marks an affiliation or a device, not a person. */
  private static final Set<String> AFFILIATION_WORDS = Set.of(
      // organisations
      "inc", "ltd", "llc", "gmbh", "plc", "corp", "corporation", "company", "co", "university", "univ",
      "college", "school", "academy", "institute", "lab", "labs", "laboratory", "base", "team", "group",
      "dept", "department", "office", "ministry", "council", "agency", "foundation", "hospital", "clinic",
      "center", "centre", "society", "association", "club", "hq", "org",
      // devices and rooms
      "zoom", "room", "phone", "iphone", "ipad", "android", "mobile", "pc", "laptop", "mac", "macbook",
      "desktop", "tablet");
  /** Roles count only as the whole parenthesised text: "Dana Host" is a person, "(Host)" a role. */
  private static final Set<String> ROLES = Set.of("host", "co-host", "cohost", "guest", "interpreter",
      "moderator", "presenter", "panelist", "panellist", "speaker", "staff", "student", "teacher", "tutor",
      "admin", "external", "intern", "organiser", "organizer");

  /** The outcome: display name, original name (null unless split), role (null or {@code host}), flags. */
  record Split(String displayName, String originalName, String role, List<String> flags) {}

  private NameSplitter() {}

  static Split split(String raw) {
    if (raw == null || raw.isBlank()) {
      return new Split(null, null, null, List.of());
    }
    String name = raw.strip();
    String role = null;
    Matcher host = HOST_SUFFIX.matcher(name);
    if (host.matches()) {
      role = "host";
      name = host.group(1).strip();
    }
    Matcher m = TRAILING_PARENS.matcher(name);
    if (!m.matches()) {
      return new Split(name, null, role, List.of());
    }
    String current = m.group(1).strip();
    String inner = m.group(2).strip();
    List<String> flags = new ArrayList<>();
    if (inner.isEmpty() || inner.equalsIgnoreCase(current) || isAffiliation(inner)) {
      flags.add(KEPT_FLAG);
      return new Split(name, null, role, flags);
    }
    flags.add(SPLIT_FLAG);
    return new Split(current, inner, role, flags);
  }

  private static boolean isAffiliation(String inner) {
    if (NOT_A_NAME.matcher(inner).find() || ACRONYM.matcher(inner).matches()
        || ROLES.contains(inner.toLowerCase(Locale.ROOT))) {
      return true;
    }
    for (String word : inner.toLowerCase(Locale.ROOT).split("[\\s,&;:'’]+")) {
      if (AFFILIATION_WORDS.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
