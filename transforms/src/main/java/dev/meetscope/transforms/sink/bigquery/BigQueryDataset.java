package dev.meetscope.transforms.sink.bigquery;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --bigQueryDataset} option: {@code project:dataset} (or {@code project.dataset}). Project ids
 * follow Google Cloud's rules (6–30 lower-case letters, digits and hyphens, starting with a letter, optionally
 * behind a {@code domain.com:} prefix); dataset ids are letters, digits and underscores, at most 1024.
 *
 * @param project the Google Cloud project that owns the dataset
 * @param dataset the dataset id
 */
public record BigQueryDataset(String project, String dataset) implements Serializable {
  private static final Pattern SPEC = Pattern.compile(
      "((?:[a-z0-9-]+(?:\\.[a-z0-9-]+)+:)?[a-z][a-z0-9-]{4,28}[a-z0-9])[:.]([A-Za-z0-9_]{1,1024})");
  private static final String EXAMPLE = " (for example acme-analytics:meetscope)";

  public BigQueryDataset {
    if (project == null || dataset == null || !SPEC.matcher(project + ":" + dataset).matches()) {
      throw new IllegalArgumentException("--bigQueryDataset must be project:dataset" + EXAMPLE + ", got '"
          + project + ":" + dataset + "'");
    }
  }

  /** Parses {@code project:dataset} or {@code project.dataset}; the message names the option and an example. */
  public static BigQueryDataset parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("--sink=bigquery needs --bigQueryDataset=project:dataset" + EXAMPLE);
    }
    Matcher m = SPEC.matcher(spec.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("--bigQueryDataset must be project:dataset" + EXAMPLE
          + "; a project id is 6-30 lower-case letters, digits or hyphens starting with a letter, a dataset id"
          + " letters, digits or underscores (got '" + spec + "')");
    }
    return new BigQueryDataset(m.group(1), m.group(2));
  }

  /** {@code project:dataset.table}, the table spec BigQueryIO takes. */
  public String tableSpec(String table) {
    return project + ":" + dataset + "." + table;
  }

  @Override
  public String toString() {
    return project + ":" + dataset;
  }
}
