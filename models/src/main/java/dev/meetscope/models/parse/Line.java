package dev.meetscope.models.parse;

/** One line of a decoded file, without its line end. {@code number} is 1-based. */
public record Line(int number, String text) {

  public boolean isBlank() {
    return text.isBlank();
  }
}
