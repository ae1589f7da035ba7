package dev.setwise.ui.progress;

import dev.setwise.domain.progress.ProgressCharts;
import dev.setwise.ui.common.Formats;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * A calendar of training days: one column per week (oldest left), Monday on top, a square per day
 * coloured by how many sessions it had, with the date and count on hover.
 */
final class TrainingCalendar {

  /** A day's square: 26 weeks of them fit half the Progress screen of a 1024-pixel window. */
  private static final double CELL = 12;


  private final GridPane grid = new GridPane();
  private final Label summary = new Label();
  private final VBox root;

  TrainingCalendar() {
    grid.setHgap(3);
    grid.setVgap(3);
    grid.getStyleClass().add("training-calendar");
    Label title = new Label("Training days");
    title.getStyleClass().add("chart-heading");
    summary.getStyleClass().add("muted");
    root = new VBox(8, title, grid, summary);
    root.getStyleClass().add("calendar-box");
    root.setPadding(new Insets(8, 12, 8, 12));
  }

  Node node() {
    return root;
  }

  void show(LocalDate monday, int weeks, LocalDate today, List<ProgressCharts.TrainingDay> days) {
    grid.getChildren().clear();
    if (monday == null) {
      return;
    }
    Map<LocalDate, Integer> counts = new HashMap<>();
    days.forEach(day -> counts.put(day.date(), day.sessions()));
    for (int row = 0; row < 7; row++) {
      // Every other weekday is named (Mon, Wed, Fri, Sun), in the locale's words.
      Label name = new Label(row % 2 == 0 ? Formats.weekday(DayOfWeek.of(row + 1)) : "");
      name.getStyleClass().addAll("muted", "calendar-day-name");
      name.setMinWidth(Region.USE_PREF_SIZE);
      grid.add(name, 0, row + 1);
    }
    int trained = 0;
    String lastMonth = "";
    for (int week = 0; week < weeks; week++) {
      LocalDate start = monday.plusWeeks(week);
      String month = Formats.monthName(start);
      if (!month.equals(lastMonth) && start.getDayOfMonth() <= 7) {
        Label label = new Label(month);
        label.getStyleClass().addAll("muted", "calendar-month");
        label.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(label, week + 1, 0, 3, 1);
        lastMonth = month;
      }
      for (int d = 0; d < 7; d++) {
        LocalDate date = start.plusDays(d);
        if (date.isAfter(today)) {
          continue;
        }
        int count = counts.getOrDefault(date, 0);
        if (count > 0) {
          trained++;
        }
        Region cell = new Region();
        cell.getStyleClass().addAll("calendar-cell", "level-" + Math.min(count, 3));
        cell.setMinSize(CELL, CELL);
        cell.setPrefSize(CELL, CELL);
        cell.setMaxSize(CELL, CELL);
        String text = Formats.date(date) + ": " + (count == 0 ? "rest day"
            : count == 1 ? "1 session" : count + " sessions");
        Tooltip tooltip = new Tooltip(text);
        tooltip.setShowDelay(Duration.millis(80));
        Tooltip.install(cell, tooltip);
        cell.setAccessibleText(text);
        grid.add(cell, week + 1, d + 1);
      }
    }
    summary.setText(trained + (trained == 1 ? " training day" : " training days") + " in the last " + weeks
        + " weeks");
  }
}
