package dev.meetscope.models.nlp;

import java.util.Locale;

/**
 * The constituency parser behind the sentiment model (docs/nlp.md explains the choice). Both model files are
 * packaged in the runnable jar, so either can be selected at run time.
 */
public enum ParserChoice {
  /** Shift-reduce (models-english jar): linear in sentence length; the default. */
  SR("edu/stanford/nlp/models/srparser/englishSR.ser.gz"),
  /** CoreNLP's default PCFG (models jar): roughly cubic in sentence length. */
  PCFG("edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz");

  private final String modelPath;

  ParserChoice(String modelPath) {
    this.modelPath = modelPath;
  }

  public String modelPath() {
    return modelPath;
  }

  /** {@code sr} or {@code pcfg}, case-insensitive. */
  public static ParserChoice parse(String value) {
    if (value != null) {
      for (ParserChoice p : values()) {
        if (p.name().equalsIgnoreCase(value.strip())) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException("parser must be sr or pcfg (got '" + value + "')");
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
