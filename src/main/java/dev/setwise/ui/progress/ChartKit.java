package dev.setwise.ui.progress;

import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.NumberText;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * JavaFX's own charts as the app draws them: time along a number axis of days (readable dates at
 * any span), values with thousands grouping, a tooltip with the exact value on every point, and
 * AtlantaFX's chart colours (light and dark) with a little of our own CSS ({@code .progress-chart}).
 */
final class ChartKit {

  /** Room a date under the time axis takes, gap included: ticks are spaced so their dates never overlap. */
  private static final double DATE_LABEL_WIDTH = 110;

  private static final String TICKS = "setwise.ticks";
  private static final String TICKS_LISTENED = "setwise.ticks.listened";

  private ChartKit() {}

  /** A line chart over time with a titled value axis. */
  static LineChart<Number, Number> line(String title, String valueLabel) {
    LineChart<Number, Number> chart = new LineChart<>(timeAxis(), valueAxis(valueLabel));
    style(chart, title);
    chart.setCreateSymbols(true);
    return chart;
  }

  /** An area chart over time (volume). */
  static AreaChart<Number, Number> area(String title, String valueLabel) {
    AreaChart<Number, Number> chart = new AreaChart<>(timeAxis(), valueAxis(valueLabel));
    style(chart, title);
    chart.setCreateSymbols(true);
    return chart;
  }

  private static void style(XYChart<Number, Number> chart, String title) {
    chart.setTitle(title);
    chart.setLegendVisible(false);
    chart.setAnimated(false);
    chart.getStyleClass().add("progress-chart");
    chart.setMinHeight(200);
    chart.setPrefHeight(240);
    chart.setVerticalGridLinesVisible(false);
  }

  private static NumberAxis timeAxis() {
    NumberAxis axis = new NumberAxis();
    axis.setAutoRanging(false);
    axis.setMinorTickVisible(false);
    axis.setTickLabelGap(6);
    return axis;
  }

  private static NumberAxis valueAxis(String label) {
    NumberAxis axis = new NumberAxis();
    axis.setLabel(label);
    axis.setForceZeroInRange(false);
    axis.setMinorTickVisible(false);
    axis.setTickLabelFormatter(new StringConverter<>() {
      @Override
      public String toString(Number value) {
        double v = value.doubleValue();
        if (Math.abs(v) >= 1_000) {
          return NumberText.format(Math.round(v / 100.0) / 10.0) + "k";
        }
        return NumberText.volume(Math.round(v * 10) / 10.0);
      }

      @Override
      public Number fromString(String text) {
        return 0;
      }
    });
    return axis;
  }

  /**
   * Shows {@code points} (one per period start) as the chart's one series, with {@code value} on
   * the value axis and {@code label} in each point's tooltip; the time axis covers {@code from} to
   * {@code to} with dates that suit the span.
   */
  static <T> void show(XYChart<Number, Number> chart, List<T> points, Function<T, LocalDate> day,
      Function<T, Number> value, Function<T, String> label, LocalDate from, LocalDate to) {
    XYChart.Series<Number, Number> series = new XYChart.Series<>();
    for (T point : points) {
      Number y = value.apply(point);
      if (y == null) {
        continue;
      }
      XYChart.Data<Number, Number> data = new XYChart.Data<>(day.apply(point).toEpochDay(), y);
      String text = label.apply(point);
      data.nodeProperty().addListener((obs, old, node) -> hover(node, text));
      series.getData().add(data);
    }
    chart.getData().setAll(List.of(series));
    NumberAxis axis = (NumberAxis) chart.getXAxis();
    long start = from.toEpochDay();
    long end = Math.max(to.toEpochDay(), start + 7);
    long span = end - start;
    long pad = Math.max(1, span / 40);
    axis.setLowerBound(start - pad);
    axis.setUpperBound(end + pad);
    // The dates are written as everywhere else (Formats), a month or a year when the span is long;
    // as many ticks as the axis has room for.
    Runnable ticks = () -> axis.setTickUnit(niceStep(span, (int) Math.max(2, axis.getWidth() / DATE_LABEL_WIDTH)));
    ticks.run();
    axis.getProperties().put(TICKS, ticks);
    if (!axis.getProperties().containsKey(TICKS_LISTENED)) {
      axis.getProperties().put(TICKS_LISTENED, Boolean.TRUE);
      axis.widthProperty().addListener((obs, old, now) -> ((Runnable) axis.getProperties().get(TICKS)).run());
    }
    boolean years = span > 3 * 365;
    boolean months = span > 400;
    axis.setTickLabelFormatter(new StringConverter<>() {
      @Override
      public String toString(Number number) {
        LocalDate day = LocalDate.ofEpochDay(Math.round(number.doubleValue()));
        return years ? Integer.toString(day.getYear()) : months ? Formats.month(day) : Formats.date(day);
      }

      @Override
      public Number fromString(String text) {
        return 0;
      }
    });
  }

  /** At most {@code ticks} ticks (and never more than seven): a week, two, four, a quarter, half a year, a year or several. */
  static long niceStep(long days, int ticks) {
    long most = Math.max(1, Math.min(ticks, 7));
    long[] steps = {7, 14, 28, 56, 91, 182, 365, 730, 1825, 3650};
    for (long step : steps) {
      if (days / step <= most) {
        return step;
      }
    }
    return 3650;
  }

  private static void hover(Node node, String text) {
    if (node == null) {
      return;
    }
    Tooltip tooltip = new Tooltip(text);
    tooltip.setShowDelay(Duration.millis(80));
    Tooltip.install(node, tooltip);
    node.getStyleClass().add("chart-point");
  }
}
