package dev.meetscope.models.parse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameSplitterTest {

  @Test
  void renameIsSplitIntoCurrentAndOriginalAndFlagged() {
    assertEquals(new NameSplitter.Split("New Name", "Old Name", null, List.of("original_name_heuristic")),
        NameSplitter.split("New Name (Old Name)"));
    assertEquals(new NameSplitter.Split("Lab Room", "Ada Example", null,
        List.of("original_name_heuristic")), NameSplitter.split("Lab Room (Ada Example)"));
  }

  @Test
  void roleWordsInsideAPersonsNameDoNotBlockTheSplit() {
    assertEquals(new NameSplitter.Split("Lab Room", "Dana Host", null, List.of("original_name_heuristic")),
        NameSplitter.split("Lab Room (Dana Host)"));
    assertEquals(new NameSplitter.Split("Lab Room (Co-host)", null, null, List.of("name_parentheses_kept")),
        NameSplitter.split("Lab Room (Co-host)"));
  }

  @Test
  void plainNameIsKeptWithoutFlags() {
    assertEquals(new NameSplitter.Split("José Núñez", null, null, List.of()),
        NameSplitter.split("  José Núñez "));
    assertEquals(new NameSplitter.Split("山田 花子", null, null, List.of()), NameSplitter.split("山田 花子"));
  }

  @Test
  void hostSuffixBecomesRoleAndIsRemoved() {
    assertEquals(new NameSplitter.Split("Dana Host", null, "host", List.of()),
        NameSplitter.split("Dana Host (Host)"));
    assertEquals(new NameSplitter.Split("Dana", "Dana Host", "host", List.of("original_name_heuristic")),
        NameSplitter.split("Dana (Dana Host) (host)"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Ada Example (Example Base)",
      "Grace Sample (she/her)",
      "Lee P. Placeholder (he/him/his)",
      "Sam Tester (Example University)",
      "Ada Example (EB)",
      "Grace Sample (grace@example.org)",
      "Dana Host (iPad)",
      "Lee Placeholder (Guest)",
      "Sam Tester (+1 555 0100)",
      "Ada Example (Ada Example)",
      "Grace Sample ()"})
  void genuineParenthesesAreKept(String raw) {
    assertEquals(new NameSplitter.Split(raw, null, null, List.of("name_parentheses_kept")),
        NameSplitter.split(raw));
  }

  @Test
  void blankIsNull() {
    assertEquals(new NameSplitter.Split(null, null, null, List.of()), NameSplitter.split(null));
    assertEquals(new NameSplitter.Split(null, null, null, List.of()), NameSplitter.split("  "));
  }

  @Test
  void onlyTheLastParenthesisedPartIsTheOriginalName() {
    assertEquals(new NameSplitter.Split("Grace (she/her)", "Grace Sample", null,
        List.of("original_name_heuristic")), NameSplitter.split("Grace (she/her) (Grace Sample)"));
  }
}
