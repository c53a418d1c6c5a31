package dev.meetscope.models.nlp.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunOnSplitterTest {
  private static List<String> tokens(String s) {
    return Arrays.asList(s.split(" "));
  }

  private static List<String> pieces(String s, int max, int hardMax) {
    List<String> t = tokens(s);
    List<String> out = new ArrayList<>();
    for (int[] r : RunOnSplitter.split(t, max, hardMax)) {
      out.add(String.join(" ", t.subList(r[0], r[1])));
    }
    return out;
  }

  @Test
  void shortSentencesStayWhole() {
    assertEquals(List.of("I 'll send the deck by Friday ."), pieces("I 'll send the deck by Friday .", 8, 20));
  }

  @Test
  void strongPunctuationWinsOverConnectives() {
    assertEquals(List.of("we checked the numbers and they look fine ;", "the forecast is late and finance knows"),
        pieces("we checked the numbers and they look fine ; the forecast is late and finance knows", 10, 40));
  }

  @Test
  void commaBeforeConnectiveBeatsBareConnective() {
    assertEquals(List.of("the budget is tight and travel is over ,", "so we cut the offsite"),
        pieces("the budget is tight and travel is over , so we cut the offsite", 10, 40));
  }

  @Test
  void splitsRecursivelyUntilEveryPieceFits() {
    String s = "we went through it and it was fine and then we looked at hiring and that was slow and then "
        + "the office move came up and nobody had a plan";
    List<String> p = pieces(s, 8, 40);
    assertEquals(s, String.join(" ", p));
    p.forEach(piece -> assertEquals(true, piece.split(" ").length <= 8, piece));
    assertEquals("we went through it and it was fine", p.get(0));
  }

  @Test
  void withoutBoundariesLongPiecesAreCutEvenlyAtTheHardCap() {
    List<String> t = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      t.add("w" + i);
    }
    List<int[]> r = RunOnSplitter.split(t, 5, 10);
    assertEquals(3, r.size());
    assertEquals(List.of(0, 8, 8, 16, 16, 25),
        List.of(r.get(0)[0], r.get(0)[1], r.get(1)[0], r.get(1)[1], r.get(2)[0], r.get(2)[1]));
  }

  @Test
  void withoutBoundariesPiecesUpToTheHardCapStayWhole() {
    List<String> t = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      t.add("w" + i);
    }
    assertEquals(1, RunOnSplitter.split(t, 5, 10).size());
  }
}
