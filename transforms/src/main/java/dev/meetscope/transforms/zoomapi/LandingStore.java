package dev.meetscope.transforms.zoomapi;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.OptionalLong;

/**
 * The landing folder the pull writes into. Paths are relative, {@code /}-separated. Every write is atomic
 * for readers: content goes to a staging name first and is renamed into place, so a present file is a
 * complete file (which is what lets a rerun skip it).
 */
public interface LandingStore {
  /** Size of a file, or empty when it does not exist. */
  OptionalLong size(String path) throws IOException;

  byte[] read(String path) throws IOException;

  void write(String path, byte[] content) throws IOException;

  /**
   * Streams {@code content} to {@code path} and returns the byte count. When {@code expectedSize} is
   * given and differs, nothing is put in place and an IOException says so.
   */
  long write(String path, InputStream content, Long expectedSize) throws IOException;

  /** Relative paths of the files directly in {@code folder} whose names start with {@code prefix}. */
  List<String> list(String folder, String prefix) throws IOException;

  void delete(List<String> paths) throws IOException;

  /** Removes staging leftovers of interrupted writes (and the staging folder itself where folders exist). */
  void cleanStaging() throws IOException;

  /** Where the store points, for messages. */
  String describe();
}
