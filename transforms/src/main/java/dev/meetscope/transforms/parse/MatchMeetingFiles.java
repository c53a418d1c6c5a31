package dev.meetscope.transforms.parse;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Matches the files of every meeting folder ({@code <folder>/<file>}) under a file pattern and groups them
 * by folder, so one meeting's manifest is read before its other files. Only file metadata is grouped, not
 * contents. Hidden and bookkeeping entries are skipped: files or meeting folders whose name starts with
 * {@code .} (e.g. {@code .DS_Store}) or {@code _} (e.g. the pull's {@code _staging/}, a run's {@code _METRICS.json}).
 */
public final class MatchMeetingFiles
    extends PTransform<PBegin, PCollection<KV<String, Iterable<MatchResult.Metadata>>>> {
  private final String filePattern;

  private MatchMeetingFiles(String filePattern) {
    this.filePattern = filePattern;
  }

  /** @param filePattern a pattern matching files inside meeting folders, e.g. {@code /in/*}{@code /*} */
  public static MatchMeetingFiles of(String filePattern) {
    if (filePattern == null || filePattern.isBlank()) {
      throw new IllegalArgumentException("file pattern must not be empty");
    }
    return new MatchMeetingFiles(filePattern);
  }

  @Override
  public PCollection<KV<String, Iterable<MatchResult.Metadata>>> expand(PBegin input) {
    return input
        .apply("MatchInputFiles", FileIO.match().filepattern(filePattern)
            .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        .apply("SkipHiddenFiles", Filter.by(m -> !isHidden(m.resourceId().toString())))
        .apply("KeyByMeetingFolder", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(MatchResult.Metadata.class)))
            .via(m -> KV.of(parentFolder(m.resourceId().toString()), m)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), MetadataCoderV2.of()))
        .apply("GroupFilesByMeeting", GroupByKey.create());
  }

  static boolean isHidden(String path) {
    String file = fileName(path);
    String folder = fileName(parentFolder(path));
    return file.startsWith(".") || file.startsWith("_") || folder.startsWith(".") || folder.startsWith("_");
  }

  static String fileName(String path) {
    int slash = path.lastIndexOf('/');
    return slash >= 0 ? path.substring(slash + 1) : path;
  }

  static String parentFolder(String path) {
    int slash = path.lastIndexOf('/');
    return slash > 0 ? path.substring(0, slash) : "";
  }
}
