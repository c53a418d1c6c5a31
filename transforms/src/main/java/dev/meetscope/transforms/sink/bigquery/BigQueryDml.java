package dev.meetscope.transforms.sink.bigquery;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.util.Data;
import com.google.api.services.bigquery.Bigquery;
import com.google.api.services.bigquery.BigqueryScopes;
import com.google.api.services.bigquery.model.ErrorProto;
import com.google.api.services.bigquery.model.GetQueryResultsResponse;
import com.google.api.services.bigquery.model.JobReference;
import com.google.api.services.bigquery.model.QueryParameter;
import com.google.api.services.bigquery.model.QueryParameterType;
import com.google.api.services.bigquery.model.QueryParameterValue;
import com.google.api.services.bigquery.model.QueryRequest;
import com.google.api.services.bigquery.model.QueryResponse;
import com.google.api.services.bigquery.model.TableCell;
import com.google.api.services.bigquery.model.TableList;
import com.google.api.services.bigquery.model.TableRow;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The few BigQuery REST calls {@code meetscope purge} needs: list a dataset's tables ({@code tables.list},
 * every page), read a table's schema ({@code tables.get}), and run one GoogleSQL statement with named
 * parameters ({@code jobs.query}, then {@code jobs.getQueryResults} until the job is complete), returning
 * {@code numDmlAffectedRows} or the rows of a SELECT.
 */
public final class BigQueryDml {
  public static final String DEFAULT_ENDPOINT = "https://bigquery.googleapis.com";
  /** How long one call waits server-side for the job (the API's own long poll: no client sleep). */
  private static final long WAIT_MS = 10_000L;
  /** A DML job normally finishes in seconds; this many long polls (about an hour) means it hangs. */
  private static final int MAX_POLLS = 360;
  private static final Pattern PARAMETER = Pattern.compile("@([A-Za-z_][A-Za-z0-9_]*)");

  private final Bigquery client;

  private BigQueryDml(String endpoint, HttpRequestInitializer credentials) {
    String root = endpoint.endsWith("/") ? endpoint : endpoint + "/";
    this.client = new Bigquery.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), credentials)
        .setRootUrl(root).setServicePath("bigquery/v2/").setApplicationName("meetscope-purge").build();
  }

  /** The real API (or another endpoint) with Application Default Credentials. */
  public static BigQueryDml withApplicationDefaultCredentials(String endpoint) throws IOException {
    GoogleCredentials credentials = GoogleCredentials.getApplicationDefault().createScoped(BigqueryScopes.BIGQUERY);
    return new BigQueryDml(endpoint, new HttpCredentialsAdapter(credentials));
  }

  /**
   * For tests: no credentials at all, and only for an endpoint on this machine's loopback interface, so a
   * missing login can never silently send unauthenticated calls to a real server.
   */
  public static BigQueryDml unauthenticatedLoopback(String endpoint) {
    String host = URI.create(endpoint).getHost();
    boolean loopback;
    try {
      loopback = host != null && InetAddress.getByName(host).isLoopbackAddress();
    } catch (IOException e) {
      loopback = false;
    }
    if (!loopback) {
      throw new IllegalArgumentException("unauthenticated BigQuery calls are only for a loopback test server, not "
          + endpoint);
    }
    return new BigQueryDml(endpoint, request -> { });
  }

  /** The ids of the dataset's tables of type TABLE (views and external tables take no DML), every page. */
  public List<String> tables(String project, String dataset) throws IOException {
    List<String> out = new ArrayList<>();
    String page = null;
    do {
      String token = page(page);
      TableList list = call(() -> client.tables().list(project, dataset).setPageToken(token).execute());
      if (list.getTables() != null) {
        for (TableList.Tables t : list.getTables()) {
          if (t.getType() == null || "TABLE".equals(t.getType())) {
            out.add(t.getTableReference().getTableId());
          }
        }
      }
      page = list.getNextPageToken();
    } while (page != null && !page.isEmpty());
    return out;
  }

  public TableSchema schema(String project, String dataset, String table) throws IOException {
    return call(() -> client.tables().get(project, dataset, table).execute()).getSchema();
  }

  /** Runs one DML statement; the rows it affected. */
  public long execute(String project, String sql, Map<String, ?> parameters) throws IOException {
    Object[] last = new Object[1];
    run(project, sql, parameters, (count, rows) -> last[0] = count);
    return last[0] == null ? 0L : (Long) last[0];
  }

  /** Runs one SELECT; its rows, each cell as a string or null. */
  public List<List<String>> select(String project, String sql, Map<String, ?> parameters) throws IOException {
    List<List<String>> out = new ArrayList<>();
    run(project, sql, parameters, (count, rows) -> {
      for (TableRow row : rows) {
        List<String> cells = new ArrayList<>();
        for (TableCell c : row.getF()) {
          Object v = c.getV();
          cells.add(v == null || Data.isNull(v) ? null : v.toString());
        }
        out.add(cells);
      }
    });
    return out;
  }

  /**
   * The query parameters a statement uses: a {@code String} value is a STRING, a collection an
   * ARRAY&lt;STRING&gt;. Parameters the statement does not name are left out.
   */
  static List<QueryParameter> parameters(String sql, Map<String, ?> values) {
    List<QueryParameter> out = new ArrayList<>();
    java.util.Set<String> used = new java.util.LinkedHashSet<>();
    PARAMETER.matcher(sql).results().forEach(m -> used.add(m.group(1)));
    for (String name : used) {
      Object v = values.get(name);
      if (v == null) {
        throw new IllegalArgumentException("no value for @" + name);
      }
      QueryParameter p = new QueryParameter().setName(name);
      if (v instanceof Collection<?> list) {
        List<QueryParameterValue> elements = new ArrayList<>();
        list.forEach(e -> elements.add(new QueryParameterValue().setValue(String.valueOf(e))));
        p.setParameterType(new QueryParameterType().setType("ARRAY")
                .setArrayType(new QueryParameterType().setType("STRING")))
            .setParameterValue(new QueryParameterValue().setArrayValues(elements));
      } else {
        p.setParameterType(new QueryParameterType().setType("STRING"))
            .setParameterValue(new QueryParameterValue().setValue(v.toString()));
      }
      out.add(p);
    }
    return out;
  }

  private interface Results {
    void accept(Long affectedRows, List<TableRow> rows);
  }

  private void run(String project, String sql, Map<String, ?> parameters, Results results) throws IOException {
    QueryRequest request = new QueryRequest().setQuery(sql).setUseLegacySql(false).setParameterMode("NAMED")
        .setQueryParameters(parameters(sql, parameters)).setTimeoutMs(WAIT_MS);
    QueryResponse first = call(() -> client.jobs().query(project, request).execute());
    failOn(first.getErrors(), first.getJobComplete());
    JobReference job = first.getJobReference();
    if (Boolean.TRUE.equals(first.getJobComplete())) {
      results.accept(first.getNumDmlAffectedRows(), rows(first.getRows()));
      if (first.getPageToken() == null) {
        return;
      }
    }
    String page = Boolean.TRUE.equals(first.getJobComplete()) ? first.getPageToken() : null;
    for (int poll = 0; poll < MAX_POLLS; poll++) {
      String token = page;
      GetQueryResultsResponse r = call(() -> client.jobs().getQueryResults(project, job.getJobId())
          .setLocation(job.getLocation()).setTimeoutMs(WAIT_MS).setPageToken(token).execute());
      failOn(r.getErrors(), r.getJobComplete());
      if (!Boolean.TRUE.equals(r.getJobComplete())) {
        continue;
      }
      results.accept(r.getNumDmlAffectedRows(), rows(r.getRows()));
      page = r.getPageToken();
      if (page == null) {
        return;
      }
    }
    throw new QueryFailed("job " + job.getJobId() + " did not complete");
  }

  private static List<TableRow> rows(List<TableRow> rows) {
    return rows == null ? List.of() : rows;
  }

  /** A complete job with errors failed (errors of a running job may be retried by BigQuery). */
  private static void failOn(List<ErrorProto> errors, Boolean complete) throws QueryFailed {
    if (Boolean.TRUE.equals(complete) && errors != null && !errors.isEmpty()) {
      throw new QueryFailed(errors.get(0).getMessage());
    }
  }

  private interface Call<T> {
    T run() throws IOException;
  }

  /** The API's error message (not the whole response) as a {@link QueryFailed}. */
  private static <T> T call(Call<T> call) throws IOException {
    try {
      return call.run();
    } catch (GoogleJsonResponseException e) {
      String message = e.getDetails() != null && e.getDetails().getMessage() != null ? e.getDetails().getMessage()
          : e.getStatusMessage();
      throw new QueryFailed("HTTP " + e.getStatusCode() + ": " + message);
    }
  }

  private static String page(String token) {
    return token == null || token.isEmpty() ? null : token;
  }

  /** A BigQuery call that failed, with the API's message. */
  public static final class QueryFailed extends IOException {
    public QueryFailed(String message) {
      super(message);
    }

    /** DML cannot change rows still in the streaming buffer (BigQuery's own wording). */
    public boolean streamingBuffer() {
      return getMessage() != null && getMessage().contains("streaming buffer");
    }
  }
}
