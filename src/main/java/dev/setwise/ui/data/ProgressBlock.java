package dev.setwise.ui.data;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/** A progress bar with a line under it saying what is being done ("Checking the file: 120 of 400 items"). */
final class ProgressBlock extends VBox {

  ProgressBlock(DoubleProperty progress, StringProperty text) {
    super(8);
    ProgressBar bar = new ProgressBar();
    bar.setId("task-progress");
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.setPrefHeight(14);
    bar.progressProperty().bind(progress);
    Label line = new Label();
    line.getStyleClass().add("muted");
    line.textProperty().bind(text);
    line.setAccessibleText("Progress");
    getChildren().addAll(bar, line);
  }
}
