package dev.meetscope.models.report;

import static dev.meetscope.models.report.Html.esc;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Inline SVG charts drawn on the server: the pages need no script or library to show them and work offline.
 * Every data mark has the class {@code mark}, which the page's check counts.
 */
final class Charts {
  static final String[] PALETTE = {"#3b6fd8", "#e8833a", "#2f9e6e", "#c2456b", "#8a63d2", "#b59a1b", "#1f9bb0",
      "#6b7280"};
  private static final int WIDTH = 860;
  private static final int LEFT = 210;

  private Charts() {}

  /** One bar: a label, its value, and the text shown after it. */
  record Bar(String label, double value, String note) {}

  /** One line of a time chart: a value per minute (null = no value), in the chart's y units. */
  record Line(String name, String color, Double[] values) {}

  /** A shaded minute range [from, to] with a label, e.g. an engagement drop or a mass drop-off. */
  record Band(double from, double to, String color, String label) {}

  static String figure(String id, String caption, String svg) {
    return "<figure class=\"chart\" id=\"" + esc(id) + "\">" + svg + "<figcaption>" + esc(caption)
        + "</figcaption></figure>\n";
  }

  /** Horizontal bars, longest scale = the largest value. */
  static String bars(List<Bar> bars, String color) {
    int row = 22;
    int height = Math.max(1, bars.size()) * row + 10;
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    StringBuilder s = svgOpen(WIDTH, height, "bars");
    int plot = WIDTH - LEFT - 170;
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int y = 5 + i * row;
      double w = max <= 0 ? 0 : Math.max(1, plot * b.value() / max);
      s.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(y + 15)
          .append("\" text-anchor=\"end\" font-size=\"12\">").append(esc(truncate(b.label(), 30))).append("</text>");
      s.append("<rect class=\"mark\" x=\"").append(LEFT).append("\" y=\"").append(y + 3).append("\" width=\"")
          .append(fmt(w)).append("\" height=\"").append(row - 6).append("\" rx=\"3\" fill=\"").append(color)
          .append("\"><title>").append(esc(b.label() + ": " + b.note())).append("</title></rect>");
      s.append("<text x=\"").append(fmt(LEFT + w + 6)).append("\" y=\"").append(y + 15)
          .append("\" font-size=\"12\" fill=\"#5c6575\">").append(esc(b.note())).append("</text>");
    }
    return s.append("</svg>").toString();
  }

  /**
   * Lines over the meeting's minutes with shaded bands; y from 0 to {@code yMax}.
   *
   * @param minutes number of minutes on the x axis
   */
  static String timeSeries(int minutes, List<Line> lines, List<Band> bands, double yMax, String yLabel) {
    int height = 230;
    int top = 22;
    int bottom = 30;
    int left = 48;
    int plotW = WIDTH - left - 16;
    int plotH = height - top - bottom;
    double xStep = minutes <= 1 ? plotW : (double) plotW / (minutes - 1);
    StringBuilder s = svgOpen(WIDTH, height, "timeseries");
    for (Band b : bands) {
      double x0 = left + Math.max(0, b.from()) * xStep;
      double x1 = left + Math.min(minutes - 1, b.to()) * xStep;
      s.append("<rect class=\"band\" x=\"").append(fmt(x0)).append("\" y=\"").append(top).append("\" width=\"")
          .append(fmt(Math.max(3, x1 - x0))).append("\" height=\"").append(plotH).append("\" fill=\"")
          .append(b.color()).append("\" opacity=\"0.18\"><title>").append(esc(b.label())).append("</title></rect>");
    }
    for (int g = 0; g <= 4; g++) {
      double y = top + plotH - plotH * g / 4.0;
      s.append("<line x1=\"").append(left).append("\" x2=\"").append(left + plotW).append("\" y1=\"").append(fmt(y))
          .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#e3e6eb\"/>");
      s.append("<text x=\"").append(left - 6).append("\" y=\"").append(fmt(y + 4))
          .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#5c6575\">").append(Html.tick(yMax * g / 4))
          .append("</text>");
    }
    int tick = minutes <= 20 ? 2 : minutes <= 60 ? 5 : minutes <= 180 ? 15 : 30;
    for (int m = 0; m < minutes; m += tick) {
      s.append("<text x=\"").append(fmt(left + m * xStep)).append("\" y=\"").append(height - 10)
          .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#5c6575\">").append(m).append("</text>");
    }
    s.append("<text x=\"").append(left - 10).append("\" y=\"").append(height - 10)
        .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#5c6575\">min</text>");
    s.append("<text x=\"").append(left).append("\" y=\"12\" font-size=\"11\" fill=\"#5c6575\">")
        .append(esc(yLabel)).append("</text>");
    for (Line line : lines) {
      StringBuilder d = new StringBuilder();
      boolean pen = false;
      for (int m = 0; m < Math.min(minutes, line.values().length); m++) {
        Double v = line.values()[m];
        if (v == null) {
          pen = false;
          continue;
        }
        double y = top + plotH - plotH * Math.max(0, Math.min(yMax, v)) / yMax;
        d.append(pen ? "L" : "M").append(fmt(left + m * xStep)).append(',').append(fmt(y));
        pen = true;
      }
      if (d.length() > 0) {
        s.append("<path class=\"mark\" d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(line.color())
            .append("\" stroke-width=\"2\"><title>").append(esc(line.name())).append("</title></path>");
      }
    }
    return s.append("</svg>").toString();
  }

  /** One coloured cell per minute by category (e.g. topic id); null = no category. */
  static String strip(Integer[] categories, Map<Integer, String> colors, Map<Integer, String> labels) {
    int height = 46;
    int left = 48;
    int plotW = WIDTH - left - 16;
    double w = categories.length == 0 ? plotW : (double) plotW / categories.length;
    StringBuilder s = svgOpen(WIDTH, height, "strip");
    for (int m = 0; m < categories.length; m++) {
      Integer c = categories[m];
      if (c == null) {
        continue;
      }
      s.append("<rect class=\"mark\" x=\"").append(fmt(left + m * w)).append("\" y=\"6\" width=\"")
          .append(fmt(Math.max(1, w - 0.5))).append("\" height=\"22\" fill=\"")
          .append(colors.getOrDefault(c, "#6b7280")).append("\"><title>minute ").append(m).append(": ")
          .append(esc(labels.getOrDefault(c, "topic " + c))).append("</title></rect>");
    }
    s.append("<text x=\"").append(left).append("\" y=\"42\" font-size=\"11\" fill=\"#5c6575\">0</text>");
    s.append("<text x=\"").append(left + plotW).append("\" y=\"42\" text-anchor=\"end\" font-size=\"11\" fill=\"#5c6575\">")
        .append(categories.length).append(" min</text>");
    return s.append("</svg>").toString();
  }

  private static StringBuilder svgOpen(int width, int height, String kind) {
    return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(kind)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" role=\"img\">");
  }

  private static String truncate(String s, int max) {
    return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
