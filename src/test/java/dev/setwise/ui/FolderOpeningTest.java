package dev.setwise.ui;

import static dev.setwise.support.DamagedFolders.DB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.StartupException;
import dev.setwise.domain.StorageException;
import dev.setwise.service.backup.BackupInfo;
import dev.setwise.service.backup.BackupService;
import dev.setwise.service.folder.FolderLease;
import dev.setwise.support.DamagedFolders;
import dev.setwise.support.MutableClock;
import dev.setwise.support.TestContext;
import dev.setwise.ui.data.DataFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's start on a folder whose database is refused: the question, and each answer to it. */
class FolderOpeningTest {

  @TempDir
  Path dir;

  private final MutableClock clock = new MutableClock(TestContext.START);

  /** What the dialog was shown, and the answers it gives in turn. */
  private static final class Answers implements FolderOpening.Asker {
    final Deque<FolderOpening.Choice> choices = new ArrayDeque<>();
    final List<String> shown = new ArrayList<>();
    final List<Integer> backupsShown = new ArrayList<>();

    Answers then(FolderOpening.Choice choice) {
      choices.add(choice);
      return this;
    }

    @Override
    public FolderOpening.Choice ask(StorageException failure, String notice, Path dataDir, List<BackupInfo> backups) {
      shown.add((notice == null ? "" : notice + " | ") + failure.getMessage());
      backupsShown.add(backups.size());
      return choices.remove();
    }
  }

  private Path emptiedBesideBackups() throws IOException {
    Path data = DamagedFolders.sound(dir.resolve("data"));
    Files.write(data.resolve(DB), new byte[0]);
    return data;
  }

  @Test
  void aSoundFolderOpensWithoutAQuestion() {
    Path data = DamagedFolders.sound(dir.resolve("data"));
    Answers answers = new Answers();

    try (DataFolder folder = FolderOpening.open(data, clock, answers)) {
      assertThat(folder.context().profiles().list()).hasSize(1);
    }
    assertThat(answers.shown).isEmpty();
  }

  @Test
  void restoreFromABackupSetsTheRefusedFileAsideAndOpensTheBackup() throws IOException {
    Path data = emptiedBesideBackups();
    BackupInfo newest = dev.setwise.AppContext.backupsOf(data, clock).list().get(0);
    Answers answers = new Answers().then(new FolderOpening.Restore(newest));

    try (DataFolder folder = FolderOpening.open(data, clock, answers)) {
      assertThat(folder.context().profiles().list()).extracting(p -> p.name()).containsExactly("Alex");
    }
    assertThat(answers.shown).singleElement().asString().startsWith(DB + " in " + data + " is empty (0 bytes)");
    assertThat(answers.backupsShown).containsExactly(1);
    try (Stream<Path> aside = Files.list(data.resolve(BackupService.SET_ASIDE_FOLDER))) {
      assertThat(aside).singleElement().satisfies(file -> assertThat(Files.size(file)).isZero());
    }
  }

  @Test
  void openAnotherFolderOpensThatOneAndQuitGivesUpTheFolder() throws IOException {
    Path data = emptiedBesideBackups();
    Path other = DamagedFolders.sound(dir.resolve("other"));
    Answers answers = new Answers().then(new FolderOpening.OtherFolder(other));

    try (DataFolder folder = FolderOpening.open(data, clock, answers)) {
      assertThat(folder.dir()).isEqualTo(other.toAbsolutePath().normalize());
      // The first folder is no longer held: a restore there is not refused.
      FolderLease.exclusive(data, FolderLease.Kind.RESTORE, null, clock).close();
    }
    assertThat(Files.size(data.resolve(DB))).as("the refused file is left as it is").isZero();

    assertThat(FolderOpening.open(data, clock, new Answers().then(new FolderOpening.Quit()))).isNull();
    FolderLease.exclusive(data, FolderLease.Kind.RESTORE, null, clock).close();
  }

  @Test
  void aRestoreThatFailsIsSaidAndTheQuestionPutAgain() throws IOException {
    Path data = emptiedBesideBackups();
    BackupInfo newest = dev.setwise.AppContext.backupsOf(data, clock).list().get(0);
    Files.writeString(newest.file(), "not a backup any more");
    Answers answers = new Answers().then(new FolderOpening.Restore(newest)).then(new FolderOpening.Quit());

    assertThat(FolderOpening.open(data, clock, answers)).isNull();

    assertThat(answers.shown).hasSize(2);
    assertThat(answers.shown.get(1)).startsWith("Cannot restore " + newest.name() + ": ");
  }

  @Test
  void withoutADisplayTheRefusalItselfIsTheError() throws IOException {
    Path data = emptiedBesideBackups();

    assertThatThrownBy(() -> FolderOpening.open(data, clock, (failure, notice, folder, backups) -> {
      throw new StartupException("no display", null);
    })).isInstanceOf(StorageException.class).hasMessageStartingWith(DB + " in " + data + " is empty");
  }
}
