package dev.meetscope.models.analytics.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextFeaturesTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Okay, so we're recording now.|5",
      "I don't know — maybe 3.5 or 4?|7",
      "mm-hmm|1",
      "山田です|4",
      "OK山田 yes|4",
      "''|0",
      "   |0",
      "well... fine|2"})
  void words(String text, int expected) {
    assertEquals(expected, TextFeatures.words(text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "That is all.|true",
      "Is it?|true",
      "Wow!|true",
      "and then…|true",
      "and then...|true",
      "he said \"stop.\"|true",
      "(that was the end.)|true",
      "終わりです。|true",
      "so what I was thinking|false",
      "and the slides,|false",
      "''|false"})
  void sentenceEnds(String text, boolean expected) {
    assertEquals(expected, TextFeatures.endsSentence(text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Can everyone see my screen?|true",
      "What do you think|true",
      "How about Friday|true",
      "Can you hear me|true",
      "Do we have a budget|true",
      "When we started, it was hard.|false",
      "What a great idea!|false",
      "Do it now|false",
      "Okay. Any questions?|true",
      "Any questions? Okay, moving on.|false",
      "本当ですか？|true",
      "We shipped it.|false"})
  void questions(String text, boolean expected) {
    assertEquals(expected, TextFeatures.isQuestion(text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Yeah.|true",
      "mm-hmm|true",
      "Right, right.|true",
      "Got it, thanks|true",
      "Yeah I agree|false",
      "Yeah yeah yeah yeah|false",
      "Wait, stop|false",
      "''|false"})
  void backchannels(String text, boolean expected) {
    assertEquals(expected, TextFeatures.isBackchannel(text, 3));
  }
}
