package dev.meetscope.transforms.sink.bigquery;

import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableSchema;
import dev.meetscope.models.governance.PersonPurge;
import dev.meetscope.models.governance.Redactor;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The GoogleSQL DML that removes one person from one BigQuery table, generated from the table's live schema
 * ({@code tables.get}) so it follows the dataset rather than a column list in code. It mirrors
 * {@link PersonPurge}: the person's values travel only as query parameters ({@value #KEYS},
 * {@value #EMAILS}, {@value #NAMES}: {@code ARRAY<STRING>}; {@value #PATTERN}: {@code STRING}), never inside
 * the SQL.
 *
 * <ul>
 *   <li>{@code run_audit}: nothing.
 *   <li>A table of {@link PersonPurge#PERSON_TABLES}: {@code DELETE} the rows whose {@link
 *       PersonPurge#KEY_COLUMNS} cell (or {@code alias_keys} element) is one of their keys, whose {@code email}
 *       is theirs, or whose {@link PersonPurge#NAME_COLUMNS} cell is their name after normalisation.
 *   <li>Every table: one {@code UPDATE} that scrubs the remaining rows as {@code PersonPurge} scrubs a file
 *       row: a nullable key column ({@link #holdsKey}) equal to one of their keys becomes NULL; every other
 *       STRING outside {@link #CODE_COLUMNS} (free text, names, ids) is redacted with {@link #pattern};
 *       string arrays lose the elements equal to a key and have the others redacted; STRUCT and
 *       ARRAY&lt;STRUCT&gt; columns are scrubbed field by field. One statement per table keeps a table's scrub
 *       atomic and costs one DML job instead of one per column.
 * </ul>
 */
public final class BigQueryPurgeSql {
  public static final String KEYS = "keys";
  public static final String EMAILS = "emails";
  public static final String NAMES = "names";
  public static final String PATTERN = "pattern";
  /**
   * Columns whose values are Meetscope's own vocabulary (codes, enums, versions, hashes of meetings), never
   * text written by or about a person: they are not redacted. Any other STRING column is, so a column added
   * later is scrubbed until it is listed here.
   */
  public static final Set<String> CODE_COLUMNS = Set.of("meeting_key", "format", "dialect", "time_base", "kind",
      "stage", "source", "span_source", "match_method", "metrics_version", "scoring_profile", "score", "component",
      "baseline", "metric", "rule", "chat_activity", "flags", "iso_week", "local_time", "local_date",
      BigQueryTables.MEETING_DATE);
  /** {@link #pattern}'s group 1 or 2 is the boundary character it consumed before a match: put it back. */
  static final String REPLACEMENT = "r'\\1\\2" + Redactor.MARK + "'";
  private static final String ALIAS_KEYS = "alias_keys";
  /** Never matches (a position both at and not at an ASCII word boundary): an empty alternative. */
  private static final String NOTHING = "\\b\\B";
  private static final String SPACE = "[\\s\\x0B\\x{3000}\\x{00A0}]";
  private static final String NOT_WORD = "[^\\p{L}\\p{N}]";

  private BigQueryPurgeSql() {}

  /**
   * The statements for one table, in the order to run them (DELETE before UPDATE); empty for {@code
   * run_audit} or a table with nothing to look at.
   *
   * @param redact false when the person has no term to search in text ({@link #pattern} is null): the
   *     statements then do not use {@value #PATTERN}
   */
  public static List<String> statements(String project, String dataset, String table, TableSchema schema,
      boolean redact) {
    if (PersonPurge.UNTOUCHED_TABLES.contains(table)) {
      return List.of();
    }
    String ref = "`" + project + "." + dataset + "." + table + "`";
    List<TableFieldSchema> fields = schema.getFields() == null ? List.of() : schema.getFields();
    List<String> out = new ArrayList<>();
    if (PersonPurge.PERSON_TABLES.contains(table)) {
      List<String> conditions = personConditions(fields);
      if (!conditions.isEmpty()) {
        out.add("DELETE FROM " + ref + "\nWHERE " + String.join("\n   OR ", conditions));
      }
    }
    List<String> sets = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    for (TableFieldSchema f : fields) {
      String value = scrubbed(f, quoted(f.getName()), redact, 0);
      if (value != null) {
        sets.add(quoted(f.getName()) + " = " + value);
        changes.add(changes(f, quoted(f.getName()), redact, 0));
      }
    }
    if (!sets.isEmpty()) {
      out.add("UPDATE " + ref + "\nSET " + String.join(",\n    ", sets) + "\nWHERE "
          + String.join("\n   OR ", changes));
    }
    return out;
  }

  /**
   * The RE2 pattern (BigQuery's regex engine) that finds the person's names, emails and ids in text as
   * {@link Redactor} does: case-insensitive, any run of whitespace (also U+3000, NBSP) between name tokens,
   * none needed between CJK characters, longer terms first, each term quoted with {@code \Q…\E}; names also
   * in NFD. RE2 has no look-around, so the boundary before a term (not after a letter or digit, except for
   * CJK) is consumed as group 1 and put back by the replacement, and no boundary is checked after a term:
   * {@code Lee} also hits the start of {@code Leeds}. That errs towards removing more than the file purge,
   * never less. Null when there is no term (ids shorter than {@link Redactor#MIN_KEY_LENGTH} are skipped).
   */
  public static String pattern(Collection<String> normalisedNames, Collection<String> emails,
      Collection<String> ids) {
    Set<String> words = new LinkedHashSet<>();
    Set<String> cjk = new LinkedHashSet<>();
    for (String name : normalisedNames) {
      if (name == null || name.isBlank()) {
        continue;
      }
      for (String form : new LinkedHashSet<>(List.of(Normalizer.normalize(name, Normalizer.Form.NFC),
          Normalizer.normalize(name, Normalizer.Form.NFD)))) {
        (isCjk(form.codePointAt(0)) ? cjk : words).add(term(form, nameRegex(form)));
      }
    }
    for (String email : emails) {
      if (email != null && !email.isBlank()) {
        words.add(term(email.strip(), quote(email.strip())));
      }
    }
    for (String id : ids) {
      String k = id == null ? "" : id.strip();
      if (k.length() >= Redactor.MIN_KEY_LENGTH) {
        (isCjk(k.codePointAt(0)) ? cjk : words).add(term(k, quote(k)));
      }
    }
    if (words.isEmpty() && cjk.isEmpty()) {
      return null;
    }
    return "(?i)(^|" + NOT_WORD + ")(?:" + alternation(words) + ")|()(?:" + alternation(cjk) + ")";
  }

  /** The SQL expression of a name cell normalised as {@code NameNormalizer} does (NFC, spaces, case). */
  static String normalisedName(String column) {
    return "NORMALIZE_AND_CASEFOLD(TRIM(REGEXP_REPLACE(" + column + ", r'[\\s\\p{Z}]+', ' ')), NFC)";
  }

  /** True for a column that can hold a participant key: nulled when it is one of the person's. */
  static boolean holdsKey(String column) {
    return PersonPurge.KEY_COLUMNS.contains(column) || column.equals(BigQueryTables.HOST_KEY)
        || (column.endsWith("_key") && !column.equals(BigQueryTables.MEETING_KEY));
  }

  /**
   * True for a column of Meetscope's pseudonyms ({@code participant_key}, {@code host_key}, {@code owner_key},
   * the meeting hash): 64 hex characters that never hold a name, so they are not redacted (a short id would
   * otherwise hit the start of another person's key). {@code customer_key} is Zoom's own value and is.
   */
  static boolean isPseudonym(String column) {
    return column.endsWith("_key") && !column.equals("customer_key");
  }

  private static boolean nullsKey(TableFieldSchema f) {
    return holdsKey(f.getName()) && !"REQUIRED".equalsIgnoreCase(f.getMode());
  }

  private static List<String> personConditions(List<TableFieldSchema> fields) {
    List<String> conditions = new ArrayList<>();
    for (TableFieldSchema f : fields) {
      String name = f.getName();
      String col = quoted(name);
      if (isRecord(f)) {
        continue;
      }
      if (isRepeated(f) && name.equals(ALIAS_KEYS) && isString(f)) {
        conditions.add("EXISTS (SELECT 1 FROM UNNEST(" + col + ") AS a WHERE a IN UNNEST(@" + KEYS + "))");
      }
      if (isRepeated(f) || !isString(f)) {
        continue;
      }
      if (PersonPurge.KEY_COLUMNS.contains(name)) {
        conditions.add(col + " IN UNNEST(@" + KEYS + ")");
      }
      if (name.equals("email")) {
        conditions.add("LOWER(TRIM(" + col + ")) IN UNNEST(@" + EMAILS + ")");
      }
      if (PersonPurge.NAME_COLUMNS.contains(name)) {
        conditions.add(normalisedName(col) + " IN UNNEST(@" + NAMES + ")");
      }
    }
    return conditions;
  }

  /** The scrubbed value of a column or struct field, or null when the purge never changes it. */
  private static String scrubbed(TableFieldSchema f, String ref, boolean redact, int depth) {
    String name = f.getName();
    if (CODE_COLUMNS.contains(name) && !holdsKey(name)) {
      return null;
    }
    if (isRecord(f)) {
      List<String> replaced = new ArrayList<>();
      String e = "e" + depth;
      String element = isRepeated(f) ? e : ref;
      for (TableFieldSchema sub : f.getFields()) {
        String v = scrubbed(sub, element + "." + quoted(sub.getName()), redact, depth + 1);
        if (v != null) {
          replaced.add(v + " AS " + quoted(sub.getName()));
        }
      }
      if (replaced.isEmpty()) {
        return null;
      }
      String struct = "SELECT AS STRUCT " + element + ".* REPLACE (" + String.join(", ", replaced) + ")";
      return isRepeated(f)
          ? "ARRAY(" + struct + " FROM UNNEST(" + ref + ") AS " + e + " WITH OFFSET AS o" + depth
              + " ORDER BY o" + depth + ")"
          : "IF(" + ref + " IS NULL, NULL, (" + struct + "))";
    }
    if (!isString(f)) {
      return null;
    }
    if (isRepeated(f)) {
      String x = "x" + depth;
      return "ARRAY(SELECT " + (redact ? redacted(x) : x) + " FROM UNNEST(" + ref + ") AS " + x
          + " WITH OFFSET AS o" + depth + " WHERE " + x + " NOT IN UNNEST(@" + KEYS + ") ORDER BY o" + depth + ")";
    }
    boolean red = redact && !isPseudonym(name);
    if (nullsKey(f)) {
      return "IF(" + ref + " IN UNNEST(@" + KEYS + "), NULL, " + (red ? redacted(ref) : ref) + ")";
    }
    return red ? redacted(ref) : null;
  }

  /** When the scrubbed value differs: the WHERE of the UPDATE, so untouched rows are not rewritten. */
  private static String changes(TableFieldSchema f, String ref, boolean redact, int depth) {
    if (isRecord(f)) {
      List<String> any = new ArrayList<>();
      String e = "e" + depth;
      String element = isRepeated(f) ? e : ref;
      for (TableFieldSchema sub : f.getFields()) {
        String subRef = element + "." + quoted(sub.getName());
        if (scrubbed(sub, subRef, redact, depth + 1) != null) {
          any.add(changes(sub, subRef, redact, depth + 1));
        }
      }
      String condition = String.join(" OR ", any);
      return isRepeated(f) ? "EXISTS (SELECT 1 FROM UNNEST(" + ref + ") AS " + e + " WHERE " + condition + ")"
          : "(" + condition + ")";
    }
    if (isRepeated(f)) {
      String x = "x" + depth;
      return "EXISTS (SELECT 1 FROM UNNEST(" + ref + ") AS " + x + " WHERE " + x + " IN UNNEST(@" + KEYS + ")"
          + (redact ? " OR " + contains(x) : "") + ")";
    }
    List<String> or = new ArrayList<>();
    if (nullsKey(f)) {
      or.add(ref + " IN UNNEST(@" + KEYS + ")");
    }
    if (redact && !isPseudonym(f.getName())) {
      or.add(contains(ref));
    }
    return String.join(" OR ", or);
  }

  private static String redacted(String ref) {
    return "REGEXP_REPLACE(" + ref + ", @" + PATTERN + ", " + REPLACEMENT + ")";
  }

  private static String contains(String ref) {
    return "REGEXP_CONTAINS(" + ref + ", @" + PATTERN + ")";
  }

  private static String alternation(Set<String> terms) {
    if (terms.isEmpty()) {
      return NOTHING;
    }
    List<String> sorted = new ArrayList<>(terms);
    sorted.sort(Comparator.naturalOrder());
    List<String> regexes = new ArrayList<>();
    sorted.forEach(t -> regexes.add(t.substring(t.indexOf('\0') + 1)));
    return String.join("|", regexes);
  }

  /**
   * A term as a string that sorts longer source text first (as {@link Redactor} orders them: a name that
   * contains another wins), then by text: a zero-padded negated length, NUL, the regex.
   */
  private static String term(String source, String regex) {
    return String.format(Locale.ROOT, "%08d", 99_999_999 - source.length()) + source + '\0' + regex;
  }

  /** A normalised name: quoted tokens, any whitespace run between them (optional between CJK). */
  private static String nameRegex(String name) {
    String[] tokens = name.split(" ");
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < tokens.length; i++) {
      if (i > 0) {
        boolean cjkJoin = isCjk(tokens[i - 1].codePointBefore(tokens[i - 1].length()))
            && isCjk(tokens[i].codePointAt(0));
        re.append(SPACE).append(cjkJoin ? '*' : '+');
      }
      re.append(quote(tokens[i]));
    }
    return re.toString();
  }

  /** RE2 literal text: {@code \Q…\E}, with a {@code \E} inside the text split out. */
  static String quote(String literal) {
    return "\\Q" + literal.replace("\\E", "\\E\\\\E\\Q") + "\\E";
  }

  private static boolean isCjk(int codePoint) {
    Character.UnicodeScript s = Character.UnicodeScript.of(codePoint);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
  }

  private static String quoted(String name) {
    return "`" + name + "`";
  }

  private static boolean isRecord(TableFieldSchema f) {
    String t = f.getType() == null ? "" : f.getType().toUpperCase(Locale.ROOT);
    return t.equals("RECORD") || t.equals("STRUCT");
  }

  private static boolean isString(TableFieldSchema f) {
    return "STRING".equalsIgnoreCase(f.getType());
  }

  private static boolean isRepeated(TableFieldSchema f) {
    return "REPEATED".equalsIgnoreCase(f.getMode());
  }
}
