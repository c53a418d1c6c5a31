package dev.meetscope.models.nlp;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One CoreNLP pipeline per configuration per JVM: built lazily on first use, shared by every thread (CoreNLP
 * pipelines are thread-safe for concurrent {@code annotate} calls), never serialized. Beam DoFns fetch them
 * in {@code @Setup}. Loading the shift-reduce model takes seconds and ~0.5 GiB of heap, so a worker holds one
 * copy however many DoFn instances it runs.
 */
public final class CoreNlpHolder {
  private static final Map<Object, Lazy<StanfordCoreNLP>> PIPELINES = new ConcurrentHashMap<>();
  private static final String SPLITTER = "splitter";
  private static final String LEMMATIZER = "lemmatizer";

  private CoreNlpHolder() {}

  /** tokenize, ssplit, pos, parse, sentiment for already split, space-tokenised sentences. */
  public static StanfordCoreNLP sentiment(NlpConfig config) {
    return get(config, () -> new StanfordCoreNLP(config.sentimentProperties()));
  }

  /** tokenize, ssplit: cheap, used to split texts into sentences and tokens before anything is parsed. */
  public static StanfordCoreNLP splitter() {
    return get(SPLITTER, () -> new StanfordCoreNLP(splitterProperties()));
  }

  /** tokenize, ssplit, pos, lemma: the input of topic terms. */
  public static StanfordCoreNLP lemmatizer() {
    return get(LEMMATIZER, () -> {
      Properties p = splitterProperties();
      p.setProperty("annotators", "tokenize,ssplit,pos,lemma");
      return new StanfordCoreNLP(p);
    });
  }

  /** Plain CoreNLP (its defaults) with the given properties: the benchmark's baseline. */
  public static StanfordCoreNLP raw(Properties properties) {
    Properties copy = new Properties();
    copy.putAll(properties);
    return get("raw:" + copy, () -> new StanfordCoreNLP(copy));
  }

  /** Forgets every pipeline (tests); the next call builds a new one. Models stay in CoreNLP's own cache. */
  public static void reset() {
    PIPELINES.clear();
  }

  static Properties splitterProperties() {
    Properties p = new Properties();
    p.setProperty("annotators", "tokenize,ssplit");
    // Chat lines and transcript cues: a line break ends a sentence.
    p.setProperty("ssplit.newlineIsSentenceBreak", "always");
    return p;
  }

  private static StanfordCoreNLP get(Object key, Supplier<StanfordCoreNLP> build) {
    return PIPELINES.computeIfAbsent(key, k -> new Lazy<>(build)).get();
  }

  /** Builds its value once, outside the map's lock, so loading one model does not block another key. */
  private static final class Lazy<T> {
    private final Supplier<T> supplier;
    private volatile T value;

    Lazy(Supplier<T> supplier) {
      this.supplier = supplier;
    }

    T get() {
      T v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            v = supplier.get();
            value = v;
          }
        }
      }
      return v;
    }
  }
}
