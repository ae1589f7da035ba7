package dev.setwise.ui.common;

import java.time.Duration;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * A superset drawn as one block, the same way in the workout, the plan editor and a session's
 * detail: one frame round its exercises' cards, with the label and how it is done.
 */
public final class SupersetFrame {

  private SupersetFrame() {}

  /** "Superset A · one set of each in turn, then rest 1:30" round {@code cards}. */
  public static VBox of(String label, Integer roundRest, List<? extends Node> cards) {
    VBox frame = new VBox();
    frame.getStyleClass().add("superset-block");
    frame.getChildren().add(caption(label, roundRest));
    frame.getChildren().addAll(cards);
    frame.setAccessibleText("Superset " + label);
    return frame;
  }

  /** The same with a control for the rest after each round (the workout, where it can be changed). */
  public static VBox of(String label, Node restControl, List<? extends Node> cards) {
    VBox frame = of(label, (Integer) null, cards);
    Label how = howLabel(frame);
    how.setText(how(null) + ", then rest");
    ((HBox) how.getParent()).getChildren().add(restControl);
    return frame;
  }

  private static HBox caption(String label, Integer roundRest) {
    Label name = new Label("Superset " + label, Views.icon(MaterialDesignR.REPEAT));
    name.getStyleClass().add("superset-label");
    Label how = new Label(how(roundRest));
    how.getStyleClass().addAll("muted", "superset-how");
    how.setWrapText(true);
    HBox caption = new HBox(10, name, how);
    caption.setAlignment(Pos.CENTER_LEFT);
    caption.getStyleClass().add("superset-caption");
    return caption;
  }

  /** The line of {@code frame} that says how it is done, to update as its rest is typed. */
  public static Label howLabel(Node frame) {
    return (Label) frame.lookup(".superset-how");
  }

  /** "one set of each in turn, then rest 1:30". */
  public static String how(Integer roundRest) {
    return roundRest == null || roundRest <= 0 ? "one set of each in turn"
        : "one set of each in turn, then rest " + Formats.clock(Duration.ofSeconds(roundRest));
  }
}
