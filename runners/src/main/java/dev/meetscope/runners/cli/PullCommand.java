package dev.meetscope.runners.cli;

import dev.meetscope.runners.cli.OptionArgs.Option;
import dev.meetscope.transforms.zoomapi.BeamLandingStore;
import dev.meetscope.transforms.zoomapi.LandingLayout;
import dev.meetscope.transforms.zoomapi.PullReport;
import dev.meetscope.transforms.zoomapi.PullReport.FileStatus;
import dev.meetscope.transforms.zoomapi.PullWindow;
import dev.meetscope.transforms.http.RetryPolicy;
import dev.meetscope.transforms.http.Sleeper;
import dev.meetscope.transforms.zoomapi.ZoomApiClient;
import dev.meetscope.transforms.zoomapi.ZoomApiException;
import dev.meetscope.transforms.zoomapi.ZoomCredentials;
import dev.meetscope.transforms.zoomapi.ZoomDayPuller;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code meetscope pull}: fetches one day of meetings from the Zoom API into the landing folder the
 * nightly job reads (see docs/zoom-api.md). Credentials come from {@code ZOOM_ACCOUNT_ID},
 * {@code ZOOM_CLIENT_ID}, {@code ZOOM_CLIENT_SECRET} in the environment or a {@code --credentialsFile}.
 */
public final class PullCommand implements Command {
  private static final String NAME = "pull";
  private static final List<Option> OPTIONS = List.of(
      new Option("date", null, "The day to pull, YYYY-MM-DD or 'yesterday' (in --timeZone); meetings that"
          + " ended that day. Required."),
      new Option("output", null, "Landing folder to write, local or gs://bucket/path; one folder per meeting"
          + " occurrence plus _pull_report.json. Required."),
      new Option("timeZone", "UTC", "IANA zone that defines the day's start and end."),
      new Option("credentialsFile", null, "Properties file with ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID,"
          + " ZOOM_CLIENT_SECRET (default: read them from the environment)."),
      new Option("apiBase", "https://api.zoom.us/v2", "Zoom REST API base URL."),
      new Option("oauthBase", "https://zoom.us", "Zoom OAuth base URL (token endpoint {oauthBase}/oauth/token)."),
      new Option("fileTypes", "TRANSCRIPT,CHAT,CC", "Cloud-recording file types to download."),
      new Option("maxRetries", "5", "Retries of one call after 5xx or network errors (exponential backoff"
          + " from 1 s, capped at 32 s)."),
      new Option("maxRateLimitWaitSeconds", "120", "Longest wait a 429 may ask for; a longer one (the daily"
          + " limit) stops the pull, which can be rerun later."));
  private static final Set<String> CREDENTIAL_OPTIONS = Set.of("accountid", "clientid", "clientsecret",
      "secret", "token", "zoom_account_id", "zoom_client_id", "zoom_client_secret");

  private final Map<String, String> env;
  private final Clock clock;
  private final Sleeper sleeper;

  public PullCommand() {
    this(System.getenv(), Clock.systemUTC(), Sleeper.SYSTEM);
  }

  /** For tests: an explicit environment, clock and sleeper. */
  public PullCommand(Map<String, String> env, Clock clock, Sleeper sleeper) {
    this.env = Map.copyOf(env);
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String summary() {
    return "Fetch one day of meetings (participants, transcripts, chats, captions) from the Zoom API";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("meetscope pull --date=YYYY-MM-DD|yesterday --output=<folder or gs://...> [options]");
    out.println();
    out.println(summary() + " into a landing folder the nightly job reads. Rerunning a day fetches only");
    out.println("what is missing. Credentials: ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET from the");
    out.println("environment or --credentialsFile; never on the command line.");
    out.println();
    new OptionArgs(OPTIONS).printOptions(out);
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    for (String arg : args) {
      String name = arg.startsWith("--") ? arg.substring(2).split("=", 2)[0].toLowerCase(Locale.ROOT) : "";
      if (CREDENTIAL_OPTIONS.contains(name)) {
        throw new UsageException("meetscope pull: credentials are never taken from the command line; set"
            + " ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET in the environment or use --credentialsFile");
      }
    }
    OptionArgs options = new OptionArgs(OPTIONS).parse(NAME, args);
    if (options.help()) {
      printHelp(out);
      return ExitCodes.OK;
    }
    String output = options.required(NAME, "output");
    String dateOption = options.required(NAME, "date");
    ZoneId zone;
    try {
      zone = ZoneId.of(options.get("timeZone"));
    } catch (DateTimeException e) {
      throw new UsageException("meetscope pull: --timeZone must be an IANA zone such as Europe/Berlin, got '"
          + options.get("timeZone") + "'");
    }
    PullWindow window;
    try {
      window = PullWindow.of(dateOption, zone, clock);
    } catch (IllegalArgumentException e) {
      throw new UsageException("meetscope pull: " + e.getMessage());
    }
    Set<String> fileTypes = new LinkedHashSet<>();
    for (String t : options.get("fileTypes").split(",")) {
      String type = t.strip().toUpperCase(Locale.ROOT);
      if (!type.isEmpty() && LandingLayout.recordingFileName(type, null) == null) {
        throw new UsageException("meetscope pull: --fileTypes accepts TRANSCRIPT, CHAT, CC; got '" + t.strip() + "'");
      }
      if (!type.isEmpty()) {
        fileTypes.add(type);
      }
    }
    RetryPolicy policy = RetryPolicy.DEFAULT
        .withMaxServerErrorRetries((int) options.getLong(NAME, "maxRetries", 0, 20))
        .withMaxRateLimitWait(Duration.ofSeconds(options.getLong(NAME, "maxRateLimitWaitSeconds", 1, 86_400)));
    ZoomCredentials credentials = credentials(options.get("credentialsFile"));

    if (output.matches("[A-Za-z][A-Za-z0-9+.-]*://.*") && !output.startsWith("file:")) {
      // gs:// and other schemes need Beam's registrars; local paths do not (and skip their start-up cost).
      FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    }
    ZoomApiClient client = new ZoomApiClient(options.get("apiBase"), options.get("oauthBase"), credentials,
        clock, sleeper, policy);
    ZoomDayPuller puller = new ZoomDayPuller(client, new BeamLandingStore(output), clock, fileTypes);
    PullReport report;
    try {
      report = puller.pull(window);
    } catch (ZoomApiException e) {
      err.println("meetscope pull: " + e.getMessage());
      return ExitCodes.PIPELINE_FAILED;
    }
    out.printf("Pulled %d meeting occurrences that ended on %s (%s) into %s: %d participant pages,"
            + " %d files downloaded, %d already present, %d gone (404), %d still processing.%n",
        report.occurrences().size(), window.date(), zone.getId(), output,
        report.occurrences().stream().mapToInt(PullReport.Occurrence::pages).sum(),
        report.count(FileStatus.DOWNLOADED), report.count(FileStatus.SKIPPED_EXISTING),
        report.count(FileStatus.NOT_FOUND), report.count(FileStatus.PROCESSING));
    if (report.failed()) {
      err.println("meetscope pull: " + report.problems().size() + " problem(s); details in "
          + LandingLayout.PULL_REPORT + ":");
      report.problems().forEach(p -> err.println("  " + p));
      return ExitCodes.PIPELINE_FAILED;
    }
    return ExitCodes.OK;
  }

  private ZoomCredentials credentials(String file) throws IOException {
    try {
      if (file != null && !file.isBlank()) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
          throw new MissingInputException("meetscope pull: --credentialsFile " + file + " does not exist");
        }
        return ZoomCredentials.fromPropertiesFile(path);
      }
      return ZoomCredentials.fromEnvironment(env);
    } catch (NoSuchFileException e) {
      throw new MissingInputException("meetscope pull: --credentialsFile " + file + " does not exist");
    } catch (IllegalArgumentException e) {
      throw new UsageException("meetscope pull: " + e.getMessage());
    }
  }
}
