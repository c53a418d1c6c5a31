package dev.meetscope.models.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceTextTest {

  private static List<String> lines(String text) {
    return new SourceText("f", text).lines().stream().map(Line::text).toList();
  }

  @Test
  void everyLineEndKindEndsOneLine() {
    assertEquals(List.of("a", "b", "c", "d", "e"), lines("a\r\nb\nc\rd\r\r\ne"));
  }

  @Test
  void lastLineWithoutNewlineIsKept() {
    assertEquals(List.of("a", "b"), lines("a\nb"));
    assertEquals(List.of("a", "b"), lines("a\nb\n"));
  }

  @Test
  void blankLinesArePreservedAndNumbered() {
    List<Line> l = new SourceText("f", "a\r\n\r\nb").lines();
    assertEquals(3, l.size());
    assertEquals(new Line(3, "b"), l.get(2));
    assertEquals("", l.get(1).text());
  }

  @Test
  void byteOrderMarkIsRemoved() {
    SourceText s = new SourceText("f", "\uFEFFWEBVTT\n");
    assertEquals("WEBVTT\n", s.text());
    assertEquals("WEBVTT", s.lines().get(0).text());
  }

  @Test
  void consecutiveLoneCarriageReturnsAreSeparateLines() {
    assertEquals(List.of("a", "", "b"), lines("a\r\rb"));
  }
}
