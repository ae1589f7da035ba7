package dev.setwise.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Plan;
import dev.setwise.domain.Session;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import dev.setwise.ui.UiFixture;
import dev.setwise.ui.data.ExportViewModel.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportViewModelTest {

  @TempDir
  Path dir;

  UiFixture f;
  ExportViewModel vm;
  Path out;

  @BeforeEach
  void open() throws Exception {
    f = new UiFixture(dir.resolve("data"));
    out = Files.createDirectories(dir.resolve("out"));
    Plan plan = f.t.plan(f.profile.get(), "Push A");
    Session session = f.t.app.sessions().start(f.owner(), plan.id(), null);
    f.t.app.sessions().complete(f.owner(), session.id(),
        Structures.done(session.structure(), 0, 0, 5, 100, TestContext.START));
    vm = new ExportViewModel(f.t.app.exports(), f.tasks, f.profile, f.t.clock);
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void theSaveDialogProposesTheProfileAndTodayAsFileName() {
    assertThat(vm.suggestedFileName()).isEqualTo("setwise-alex-2026-11-24.json");
    assertThat(ExportViewModel.fileNamePart("  Robin O'Neil / Gym ")).isEqualTo("robin-o-neil-gym");
    assertThat(ExportViewModel.fileNamePart("Zoë 2")).isEqualTo("zoë-2");
    assertThat(ExportViewModel.fileNamePart("???")).isEmpty();
    assertThat(ExportViewModel.withExtension(out.resolve("mine"))).isEqualTo(out.resolve("mine.json"));
    assertThat(ExportViewModel.withExtension(out.resolve("mine.txt"))).isEqualTo(out.resolve("mine.txt"));
  }

  @Test
  void anExportWritesTheFileAndSaysWhatItHoldsAndWhereItIs() throws Exception {
    Path target = out.resolve("alex.json");
    vm.start(target);

    assertThat(vm.stateProperty().get()).isEqualTo(State.DONE);
    assertThat(vm.messageProperty().get()).isEqualTo("Exported 1 plan and 1 session of Alex.");
    assertThat(vm.resultProperty().get().file()).isEqualTo(target.toAbsolutePath().normalize());
    assertThat(vm.progressProperty().get()).isEqualTo(1.0);
    String json = Files.readString(target);
    assertThat(json).startsWith("{\"format\":\"setwise-export\",\"version\":2").contains("\"Push A\"");
    assertThat(f.tasks.runningProperty().get()).isZero();
  }

  @Test
  void aCancelledExportLeavesNoFileAndAnOldFileOfThatNameAsItWas() throws Exception {
    Path target = out.resolve("alex.json");
    Files.writeString(target, "last month's export");
    // Cancel as soon as the export reports that it has begun writing (mid-way, as a click would).
    vm.progressTextProperty().addListener((obs, old, now) -> {
      if (now.contains("written")) {
        vm.cancel();
      }
    });

    vm.start(target);

    assertThat(vm.stateProperty().get()).isEqualTo(State.CANCELLED);
    assertThat(vm.messageProperty().get()).isEqualTo("Export cancelled. Nothing was written to alex.json.");
    assertThat(Files.readString(target)).isEqualTo("last month's export");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void aFailedExportSaysWhyInAShortSentence() throws Exception {
    Path target = out.resolve("no such folder").resolve("alex.json");
    vm.start(target);

    assertThat(vm.stateProperty().get()).isEqualTo(State.FAILED);
    assertThat(vm.messageProperty().get()).isEqualTo("The export failed. Cannot write "
        + target.toAbsolutePath().normalize() + ": the folder does not exist. Nothing was written to alex.json.");
    assertThat(target.getParent()).doesNotExist();

    // Afterwards a good target works: the view model is ready again.
    vm.start(out.resolve("alex.json"));
    assertThat(vm.stateProperty().get()).isEqualTo(State.DONE);
  }
}
