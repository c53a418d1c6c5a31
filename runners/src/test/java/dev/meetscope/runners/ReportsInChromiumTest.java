package dev.meetscope.runners;

import static dev.meetscope.runners.NightlyJobTest.FIXTURES;
import static dev.meetscope.runners.NightlyJobTest.meetscope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meetscope.runners.cli.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML reports of a nightly run, loaded in headless Chromium (Debian's package, installed by .ci/run): every
 * chart has drawn marks with a size on the page, offline. Set {@code MEETSCOPE_SCREENSHOTS=<folder>} to keep a PNG.
 */
@Tag("slow")
class ReportsInChromiumTest {
  static final Path SAMPLE = FIXTURES.resolve("2026-03-02-weekly-sync-0001");

  @Test
  void everyChartOfTheMeetingPageAndTheIndexRendersInChromium(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    NightlyJobTest.Run run = meetscope("nightly", "--input=" + SAMPLE, "--output=" + out, "--sink=jsonl");
    assertEquals(ExitCodes.OK, run.exit(), run.err());

    Path index = out.resolve("reports/index.html");
    List<Path> pages;
    try (Stream<Path> s = Files.list(out.resolve("reports/meetings"))) {
      pages = s.filter(p -> p.toString().endsWith(".html")).toList();
    }
    assertEquals(1, pages.size(), pages.toString());

    String meetingDom = dumpDom(pages.get(0), dir);
    List<String> figures = attributes(meetingDom, "<figure [^>]*class=\"chart\"[^>]*>");
    assertTrue(figures.size() >= 3, "charts on the meeting page: " + figures);
    for (String figure : figures) {
      assertTrue(figure.contains("data-rendered=\"yes\""), "not drawn: " + figure);
    }
    assertTrue(meetingDom.contains("data-charts-rendered=\"" + figures.size() + "\""), "the page script ran");

    String indexDom = dumpDom(index, dir);
    assertTrue(indexDom.contains("data-charts-rendered=\"1\""), indexDom.substring(0, Math.min(400, indexDom.length())));
    assertTrue(indexDom.contains("href=\"meetings/" + pages.get(0).getFileName() + "\""));

    String keep = System.getenv("MEETSCOPE_SCREENSHOTS");
    if (keep != null) {
      screenshot(pages.get(0), Path.of(keep).resolve("meeting.png"), dir);
      screenshot(index, Path.of(keep).resolve("index.png"), dir);
    }
  }

  static List<String> chromium(Path profile, String... args) {
    List<String> cmd = new ArrayList<>(List.of(chromiumBinary(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile));
    cmd.addAll(List.of(args));
    return cmd;
  }

  static String chromiumBinary() {
    for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new AssertionError("Chromium is not installed: .ci/run installs Debian's chromium package"
        + " (apt-get install -y chromium)");
  }

  static String dumpDom(Path page, Path dir) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(dir, "chromium-");
    Process p = new ProcessBuilder(chromium(profile, "--dump-dom", page.toUri().toString()))
        .redirectError(dir.resolve("chromium.log").toFile()).start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("chromium.log")));
    return dom;
  }

  static void screenshot(Path page, Path png, Path dir) throws IOException, InterruptedException {
    Files.createDirectories(png.getParent());
    Path profile = Files.createTempDirectory(dir, "chromium-");
    Process p = new ProcessBuilder(chromium(profile, "--screenshot=" + png, "--window-size=1200,2400",
        "--hide-scrollbars", page.toUri().toString())).redirectErrorStream(true)
        .redirectOutput(dir.resolve("chromium-shot.log").toFile()).start();
    p.waitFor(120, TimeUnit.SECONDS);
  }

  private static List<String> attributes(String html, String regex) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(html);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
