package dev.meetscope.models.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Which CoreNLP version and model files this build carries. The runnable jar packs only the model files it
 * uses (not the 474 MB and 445 MB model jars) and lists them in {@link #RESOURCE}, written by the build from the
 * same list that filters the jars; {@link #load} reads it and checks that each file is really on the classpath.
 */
public final class ModelInventory {
  public static final String RESOURCE = "META-INF/meetscope-models.properties";

  /** One model file: its key (e.g. {@code parser.sr}), the model jar it comes from, its path, its size. */
  public record ModelFile(String key, String jar, String path, Long bytes) {
    public boolean present() {
      return bytes != null;
    }
  }

  private final String coreNlpVersion;
  private final List<ModelFile> files;
  private final boolean fromBuild;

  private ModelInventory(String coreNlpVersion, List<ModelFile> files, boolean fromBuild) {
    this.coreNlpVersion = coreNlpVersion;
    this.files = List.copyOf(files);
    this.fromBuild = fromBuild;
  }

  public String coreNlpVersion() {
    return coreNlpVersion;
  }

  public List<ModelFile> files() {
    return files;
  }

  /** The inventory of the current classpath. Without the build's list it checks the files the code names. */
  public static ModelInventory load() {
    ClassLoader loader = ModelInventory.class.getClassLoader();
    Properties p = new Properties();
    boolean fromBuild = false;
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
        fromBuild = true;
      }
    } catch (IOException e) {
      fromBuild = false;
    }
    TreeMap<String, String> entries = new TreeMap<>();
    if (fromBuild) {
      for (String name : p.stringPropertyNames()) {
        if (name.startsWith("model.")) {
          entries.put(name.substring("model.".length()), p.getProperty(name));
        }
      }
    } else {
      entries.put("parser.pcfg", "models|" + ParserChoice.PCFG.modelPath());
      entries.put("parser.sr", "models-english|" + ParserChoice.SR.modelPath());
      entries.put("sentiment", "models|edu/stanford/nlp/models/sentiment/sentiment.ser.gz");
      entries.put("tagger", "models|edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger");
    }
    List<ModelFile> files = new ArrayList<>();
    entries.forEach((key, value) -> {
      String[] parts = value.split("\\|", 2);
      String jar = parts.length == 2 ? parts[0] : "?";
      String path = parts.length == 2 ? parts[1] : parts[0];
      files.add(new ModelFile(key, jar, path, size(loader.getResource(path))));
    });
    return new ModelInventory(p.getProperty("corenlp.version", "unknown"), files, fromBuild);
  }

  /** Lines for people: the version, then one line per model file with its size or "MISSING". */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("Stanford CoreNLP ").append(coreNlpVersion)
        .append(fromBuild ? "" : " (no " + RESOURCE + ": not the runnable jar)").append('\n');
    for (ModelFile f : files) {
      sb.append(String.format("  %-12s %-18s %s from stanford-corenlp-%s-%s.jar%n", f.key(),
          f.present() ? String.format("%,d bytes", f.bytes()) : "MISSING", f.path(), coreNlpVersion, f.jar()));
    }
    return sb.toString();
  }

  private static Long size(URL url) {
    if (url == null) {
      return null;
    }
    try {
      URLConnection c = url.openConnection();
      c.setUseCaches(false);
      long n = c.getContentLengthLong();
      if (n < 0) {
        try (InputStream in = c.getInputStream()) {
          n = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
      }
      return n;
    } catch (IOException e) {
      return null;
    }
  }
}
