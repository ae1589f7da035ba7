package dev.setwise.ui.progress;

import dev.setwise.AppContext;
import dev.setwise.domain.Profile;
import dev.setwise.domain.SessionSummary;
import dev.setwise.domain.progress.ExerciseRecords;
import dev.setwise.domain.progress.RecordKind;
import dev.setwise.domain.progress.RecordValue;
import dev.setwise.ui.common.Views;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * A "Records" column for the History list: how many of the profile's records each session holds
 * (the first to reach the best heaviest weight, e1RM, set or session volume of an exercise), the
 * records named on hover. Read once per page shown, from the record indexes (a few seeks per
 * exercise, whatever the history's length).
 */
public final class HistoryRecordsColumn {

  private final Map<UUID, List<String>> held = new HashMap<>();
  private final TableView<SessionSummary> table;

  private HistoryRecordsColumn(TableView<SessionSummary> table) {
    this.table = table;
  }

  public static void install(TableView<SessionSummary> table, Supplier<AppContext.Progress> services,
      dev.setwise.ui.common.BackgroundTasks tasks, ReadOnlyObjectProperty<Profile> profile) {
    HistoryRecordsColumn column = new HistoryRecordsColumn(table);
    TableColumn<SessionSummary, UUID> records = new TableColumn<>("Records");
    records.setId("records-column");
    records.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().id()));
    records.setCellFactory(c -> column.new Cell());
    records.setSortable(false);
    records.setPrefWidth(100);
    records.setMinWidth(95);
    int at = Math.max(0, table.getColumns().size() - 1);
    table.getColumns().add(at, records);
    table.getItems().addListener((ListChangeListener<SessionSummary>) change -> {
      Profile owner = profile.get();
      if (owner == null) {
        return;
      }
      AppContext.Progress progress = services.get();
      tasks.read("load the records", () -> progress.stats().records(owner.id()), all -> {
        if (owner.equals(profile.get())) {
          column.show(all);
        }
      }, failure -> { });
    });
  }

  private void show(List<ExerciseRecords> all) {
    held.clear();
    for (ExerciseRecords records : all) {
      for (RecordKind kind : RecordKind.values()) {
        RecordValue value = records.get(kind);
        if (value != null) {
          held.computeIfAbsent(value.sessionId(), id -> new ArrayList<>())
              .add(records.exercise() + ": " + kind.title().toLowerCase(Locale.ROOT));
        }
      }
    }
    table.refresh();
  }

  private final class Cell extends TableCell<SessionSummary, UUID> {
    @Override
    protected void updateItem(UUID id, boolean empty) {
      super.updateItem(id, empty);
      List<String> records = empty || id == null ? null : held.get(id);
      if (records == null) {
        setGraphic(null);
        setText(null);
        setTooltip(null);
        return;
      }
      Label label = new Label(Integer.toString(records.size()), Views.icon(MaterialDesignT.TROPHY_OUTLINE));
      label.getStyleClass().add("history-records");
      setGraphic(label);
      setText(null);
      setTooltip(new Tooltip("Holds " + (records.size() == 1 ? "a record" : records.size() + " records") + ":\n"
          + String.join("\n", records)));
    }
  }
}
