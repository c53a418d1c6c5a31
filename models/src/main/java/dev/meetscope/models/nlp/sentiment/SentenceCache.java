package dev.meetscope.models.nlp.sentiment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded least-recently-used map from a sentence's tokens to its result, shared by the threads of one
 * JVM. Town-hall chats repeat "thanks!" thousands of times and meetings repeat backchannels ("Yeah.",
 * "Right."); each distinct sentence is parsed once per worker.
 */
public final class SentenceCache {
  private final int capacity;
  private final LinkedHashMap<String, SentenceResult> map;

  public SentenceCache(int capacity) {
    this.capacity = capacity;
    this.map = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, SentenceResult> eldest) {
        return size() > SentenceCache.this.capacity;
      }
    };
  }

  public synchronized SentenceResult get(String key) {
    return capacity == 0 ? null : map.get(key);
  }

  public synchronized void put(String key, SentenceResult result) {
    if (capacity > 0) {
      map.put(key, result);
    }
  }

  public synchronized int size() {
    return map.size();
  }

  public synchronized void clear() {
    map.clear();
  }
}
