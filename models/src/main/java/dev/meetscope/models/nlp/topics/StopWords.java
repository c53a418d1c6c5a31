package dev.meetscope.models.nlp.topics;

import java.util.Set;

/**
 * Words that never make a topic term: English function words, meeting talk that occurs in every meeting
 * ("agenda", "screen", "mute"), fillers, generic verbs and adjectives, and calendar words (a due date is no
 * subject).
 */
public final class StopWords {
  static final Set<String> WORDS = Set.of(
      // function words and pronouns
      "a", "an", "the", "and", "or", "but", "if", "then", "so", "of", "to", "in", "on", "at", "by", "for",
      "with", "about", "from", "into", "over", "under", "up", "down", "out", "off", "as", "than", "too", "very",
      "just", "also", "only", "even", "still", "again", "already", "yet", "here", "there", "this", "that",
      "these", "those", "it", "its", "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his",
      "she", "her", "they", "them", "their", "what", "which", "who", "whom", "whose", "when", "where", "why",
      "how", "all", "any", "some", "each", "every", "both", "few", "more", "most", "other", "such", "no", "not",
      "nor", "own", "same", "can", "will", "would", "should", "could", "may", "might", "must", "shall",
      "one", "two", "first", "second", "next", "last", "much", "many", "lot", "lots", "bit", "way", "kind",
      "sort", "thing", "things", "stuff", "something", "anything", "nothing", "everything", "someone",
      "anyone", "everyone", "everybody", "somebody", "nobody", "people", "person", "guy", "guys", "folks",
      "team", "side", "part", "end", "number", "numbers", "case", "place", "point", "idea",
      // fillers and backchannels
      "um", "uh", "erm", "hmm", "mm", "mhm", "yeah", "yes", "yep", "nope", "okay", "ok", "oh", "ah",
      "right", "well", "like", "actually", "basically", "honestly", "really", "literally", "sure", "alright",
      "thanks", "thank", "hi", "hello", "hey", "bye", "please", "sorry", "great", "good", "nice", "cool",
      "fine", "awesome", "perfect",
      // meeting talk
      "meeting", "call", "agenda", "item", "items", "question", "questions", "update", "updates", "slide",
      "slides", "screen", "mute", "camera", "audio", "link", "chat", "recording", "minute", "minutes", "hour",
      "hours", "time", "today", "tomorrow", "yesterday", "tonight", "week", "weeks", "month", "months", "year",
      "years", "day", "days", "morning", "afternoon", "evening", "quarter", "doc", "note", "notes",
      "action", "concern", "concerns", "opinion", "context", "timeline", "review", "latest",
      // generic verbs
      "be", "have", "do", "go", "get", "say", "think", "know", "want", "need", "make", "take", "look", "see",
      "come", "let", "put", "try", "mean", "keep", "give", "tell", "feel", "seem", "use", "talk", "work",
      "start", "move", "wait", "hear", "share", "send", "check", "follow", "agree", "bring", "find", "show",
      "join", "drop", "happen", "guess", "wonder", "hope", "sound", "spoke", "speak", "ask", "help",
      "forget", "revisit", "park", "cover", "switch", "wrap", "recap", "repeat",
      // generic adjectives
      "new", "old", "big", "small", "little", "high", "low", "long", "short", "early", "late", "real", "able",
      "clear", "quick", "busy", "strong", "fair", "whole", "true", "current", "main",       "different", "important", "bad", "better", "best", "biggest", "happy", "open",
      // calendar words
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
      "march", "april", "june", "july", "august", "september", "october", "november", "december",
      "eod", "eow", "q1", "q2", "q3", "q4");

  private StopWords() {}

  public static boolean contains(String lowerWord) {
    return WORDS.contains(lowerWord);
  }
}
