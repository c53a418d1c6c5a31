package dev.meetscope.models.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameMatcherTest {
  private static PersonIdentity person(String identity, String... aliases) {
    return new PersonIdentity(identity, aliases[0], null, false, List.of(aliases), true, List.of());
  }

  private static final NameMatcher MATCHER = new NameMatcher(List.of(
      person("uid:1", "Ada Example"),
      person("uid:2", "Grace Sample"),
      person("uid:3", "Dana Host"),
      person("uid:4", "José Núñez"),
      person("uid:5", "Lee Placeholder"),
      person("uid:6", "山田 花子"),
      person("name:m:lab room", "Lab Room", "Sam Tester"),
      person("uid:7", "Chris Example"),
      person("uid:8", "chris example"),
      person("uid:9", "Pat Sampla"),
      person("uid:10", "Pat Sample")));

  @ParameterizedTest(name = "{0} → {1} {2}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // exact
      "Ada Example|uid:1|exact|-",
      "Sam Tester|name:m:lab room|exact|-",
      "Chris Example|uid:7|exact|-",
      // normalised: case, whitespace, accents, brackets, pronouns, roles, devices, Last, First
      "ada example|uid:1|normalised|-",
      "'ADA  EXAMPLE '|uid:1|normalised|-",
      "Grace Sample (she/her)|uid:2|normalised|-",
      "Grace Sample she/her|uid:2|normalised|-",
      "Sample, Grace|uid:2|normalised|-",
      "Grace Sample’s iPad|uid:2|normalised|-",
      "Jose Nunez|uid:4|normalised|-",
      "Lee Placeholder (SL)|uid:5|normalised|-",
      "Dana Host (Host)|uid:3|normalised|-",
      "山田　花子|uid:6|normalised|-",
      "Lab Room (Sam Tester)|name:m:lab room|normalised|-",
      // fuzzy: one typo, word order, extra initial or title
      "Grace Sampel|uid:2|fuzzy|-",
      "Sample Grace|uid:2|fuzzy|-",
      "Lee P. Placeholder|uid:5|fuzzy|-",
      "Dr. Grace Sample|uid:2|fuzzy|-",
      // unmatched: another surname, a bare first name or device, ambiguity at any level
      "Grace Sampson|-|unmatched|-",
      "Ada’s iPhone|-|unmatched|-",
      "Grace|-|unmatched|-",
      "Note|-|unmatched|-",
      "CHRIS EXAMPLE|-|unmatched|ambiguous_label",
      "Pat Sampl|-|unmatched|ambiguous_label"})
  void matchTable(String label, String identity, String method, String flag) {
    LabelMatch m = MATCHER.match(label);
    assertEquals(identity, m.identity());
    assertEquals(method, m.method());
    assertEquals(flag == null ? List.of() : List.of(flag), m.flags());
  }
}
