package dev.meetscope.models.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private final Redactor redactor = Redactor.of(
      List.of("Ada Example", "山田 花子", "Lee"), List.of("ada@example.com"), List.of("EMP-1042", "12"));

  @Test
  void replacesNamesCaseInsensitivelyWithFlexibleWhitespace() {
    assertEquals("thanks [redacted], and [redacted] again",
        redactor.redact("thanks ADA EXAMPLE, and ada\u00A0 example again"));
  }

  @Test
  void handlesZoomNameShapes() {
    assertEquals("[redacted] (Ada’s iPhone): hello",
        redactor.redact("Ada Example (Ada’s iPhone): hello"));
    assertEquals("Grace Sample ([redacted])", redactor.redact("Grace Sample (Ada Example)"));
    assertEquals("[redacted]: I agree", redactor.redact("Ada Example: I agree"));
    assertEquals("10:02:11 From [redacted] to Everyone:", redactor.redact(
        "10:02:11 From Ada Example to Everyone:"));
    assertEquals("[redacted]'s draft", redactor.redact("Ada Example's draft"));
  }

  @Test
  void respectsWordBoundaries() {
    assertEquals("Leeds office; [redacted] said", redactor.redact("Leeds office; Lee said"));
    assertEquals("Ada Examples", redactor.redact("Ada Examples"));
  }

  @Test
  void cjkNamesNeedNoSpaces() {
    assertEquals("[redacted]さん、ありがとう", redactor.redact("山田花子さん、ありがとう"));
    assertEquals("[redacted]です", redactor.redact("山田\u3000花子です"));
  }

  @Test
  void decomposedTextIsMatchedAfterNfc() {
    Redactor r = Redactor.of(List.of("José Núñez"), List.of(), List.of());
    assertEquals("hi [redacted]", r.redact("hi Jose\u0301 Nu\u0301n\u0303ez"));
  }

  @Test
  void emailsAndLongEnoughKeys() {
    assertEquals("\"[redacted]\",\"[redacted]\",12,xEMP-1042",
        redactor.redact("\"ADA@Example.com\",\"EMP-1042\",12,xEMP-1042"));
    assertEquals("mail [redacted].", redactor.redact("mail ada@example.com."));
    assertEquals("bada@example.com", redactor.redact("bada@example.com"));
  }

  @Test
  void longerTermsWin() {
    Redactor r = Redactor.of(List.of("Ada", "Ada Example"), List.of(), List.of());
    assertEquals("[redacted] and [redacted]", r.redact("Ada Example and Ada"));
  }

  @Test
  void unchangedTextIsTheSameInstance() {
    String text = "nothing to see";
    assertSame(text, redactor.redact(text));
    assertEquals(null, redactor.redact(null));
    assertSame(text, Redactor.none().redact(text));
  }

  @Test
  void neverPrintsItsTerms() {
    assertEquals("Redactor[active]", redactor.toString());
    assertEquals("Redactor[none]", Redactor.of(List.of(), List.of(), List.of("12")).toString());
  }
}
