package dev.setwise.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/**
 * The build writes {@code setwise.bss} beside {@code setwise.css} ({@link BinaryStylesheet}), and
 * JavaFX loads it in place of the CSS a scene names: it must hold exactly the rules the CSS says
 * (docs/decisions/0062).
 */
class BinaryStylesheetTest {

  @Test
  void theBinaryStylesheetHoldsTheRulesOfTheCss() throws Exception {
    URL css = BinaryStylesheet.class.getResource("/dev/setwise/ui/setwise.css");
    URL bss = BinaryStylesheet.class.getResource("/dev/setwise/ui/setwise.bss");
    assertThat(bss).as("setwise.bss is made by the build (process-classes)").isNotNull();

    List<String> parsed = rules(new CssParser().parse(css));
    List<String> binary = rules(Stylesheet.loadBinary(bss));

    assertThat(parsed).isNotEmpty();
    assertThat(binary).isEqualTo(parsed);
  }

  private static List<String> rules(Stylesheet sheet) {
    return sheet.getRules().stream().map(BinaryStylesheetTest::describe).toList();
  }

  /** Selectors and declarations (property, value, importance) of one rule. */
  private static String describe(Rule rule) {
    return rule.getSelectors() + " { " + rule.getDeclarations().stream()
        .map(d -> d.getProperty() + ": " + d.getParsedValue() + (d.isImportant() ? " !important" : ""))
        .toList() + " }";
  }
}
