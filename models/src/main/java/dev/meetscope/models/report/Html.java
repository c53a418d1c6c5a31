package dev.meetscope.models.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Escaping and number formats shared by the report pages. */
public final class Html {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private Html() {}

  /** Text safe inside an element or a quoted attribute. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * The page with the entities {@link #esc} writes (and numeric ones) decoded, tags and attributes kept, so
   * a search finds a name however it was escaped. Used to ask whether a written page mentions someone (purge).
   */
  public static String decodeEntities(String html) {
    String text = html;
    StringBuilder b = new StringBuilder(text.length());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);")
        .matcher(text);
    while (m.find()) {
      String e = m.group(1);
      String decoded = switch (e) {
        case "lt" -> "<";
        case "gt" -> ">";
        case "amp" -> "&";
        case "quot" -> "\"";
        case "apos" -> "'";
        default -> new String(Character.toChars(e.startsWith("#x")
            ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
      };
      m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(decoded));
    }
    m.appendTail(b);
    return b.toString();
  }

  /** A number with at most {@code decimals} decimals, or an en dash for null (metrics.md: null is "unknown"). */
  static String num(Number v, int decimals) {
    if (v == null) {
      return "–";
    }
    double d = v.doubleValue();
    if (decimals == 0) {
      return String.format(Locale.ROOT, "%,d", Math.round(d));
    }
    return String.format(Locale.ROOT, "%,." + decimals + "f", d);
  }

  /** An axis label: whole numbers without decimals. */
  static String tick(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  static String pct(Double ratio) {
    return ratio == null ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * ratio);
  }

  static String minutes(Number seconds) {
    return seconds == null ? "–" : String.format(Locale.ROOT, "%.1f min", seconds.doubleValue() / 60);
  }

  static String dateTime(Instant t) {
    return t == null ? "–" : DATE_TIME.format(t);
  }

  static String date(Instant t) {
    return t == null ? "–" : DATE.format(t);
  }

  /** The page frame: offline, no external assets; a script marks each drawn chart for tests and readers. */
  static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + esc(title) + "</title><style>" + CSS + "</style></head>\n<body>\n" + body
        + "\n<footer>Meetscope — text and timing signals only; sentiment is of words, never of faces or voices."
        + "</footer>\n<script>" + RENDER_CHECK + "</script>\n</body></html>\n";
  }

  private static final String CSS = """
      body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1100px;
      padding:24px;color:#1d2330;background:#fafbfc}
      h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #e3e6eb;
      padding-bottom:4px}.muted{color:#5c6575}.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
      .card{background:#fff;border:1px solid #e3e6eb;border-radius:8px;padding:10px 14px;min-width:120px}
      .card b{display:block;font-size:22px}.summary{background:#eef4ff;border-radius:8px;padding:10px 14px}
      .alert{background:#fff3e0;border-left:4px solid #f08c00;padding:6px 10px;margin:6px 0}
      table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}
      th,td{border-bottom:1px solid #e9ecf0;padding:5px 8px;text-align:right}
      th:first-child,td:first-child,td.text,th.text{text-align:left}th{background:#f2f4f7;position:sticky;top:0}
      figure.chart{margin:8px 0;background:#fff;border:1px solid #e3e6eb;border-radius:8px;padding:8px}
      figure.chart svg{width:100%;height:auto;display:block}figcaption{font-size:12px;color:#5c6575}
      .legend span{display:inline-block;margin-right:12px;font-size:12px}
      .legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
      footer{margin-top:32px;font-size:12px;color:#8a93a3}a{color:#1f5fbf}
      """;

  /** Marks each chart figure with its drawn size and mark count, and the body with how many rendered. */
  private static final String RENDER_CHECK = """
      (function(){var n=0;document.querySelectorAll('figure.chart').forEach(function(f){
      var s=f.querySelector('svg');if(!s)return;var b=s.getBoundingClientRect();
      var marks=s.querySelectorAll('rect.mark,path.mark,circle.mark,line.mark').length;
      var ok=b.width>0&&b.height>0&&marks>0;f.setAttribute('data-rendered',ok?'yes':'no');
      f.setAttribute('data-size',Math.round(b.width)+'x'+Math.round(b.height));f.setAttribute('data-marks',marks);
      if(ok)n++;});document.body.setAttribute('data-charts-rendered',String(n));})();
      """;
}
