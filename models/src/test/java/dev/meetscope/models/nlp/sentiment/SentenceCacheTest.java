package dev.meetscope.models.nlp.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SentenceCacheTest {
  @Test
  void evictsTheLeastRecentlyUsed() {
    SentenceCache cache = new SentenceCache(2);
    cache.put("a", SentenceResult.of(0.1));
    cache.put("b", SentenceResult.of(0.2));
    assertEquals(0.1, cache.get("a").score());
    cache.put("c", SentenceResult.of(0.3));
    assertNull(cache.get("b"));
    assertEquals(0.1, cache.get("a").score());
    assertEquals(0.3, cache.get("c").score());
    assertEquals(2, cache.size());
  }

  @Test
  void sizeZeroTurnsItOff() {
    SentenceCache cache = new SentenceCache(0);
    cache.put("a", SentenceResult.of(0.1));
    assertNull(cache.get("a"));
    assertEquals(0, cache.size());
  }
}
