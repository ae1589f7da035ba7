package dev.setwise.ui;

import dev.setwise.domain.StorageException;
import dev.setwise.service.backup.BackupInfo;
import java.nio.file.Path;
import java.util.List;

/**
 * The question when the database is refused, put while the opening window shows: the opening
 * window steps aside for the question (its own window, as before) and comes back, with the folder
 * now being opened, when the person chose a restore or another folder. When the person had closed
 * the opening window already, nothing is asked: they wanted to quit. Runs on the starting thread.
 */
final class OpeningQuestion implements FolderOpening.Asker {

  private final OpeningWindow opening;
  private final FxToolkit toolkit;
  private final FolderOpening.Asker question;

  OpeningQuestion(OpeningWindow opening, FxToolkit toolkit, FolderOpening.Asker question) {
    this.opening = opening;
    this.toolkit = toolkit;
    this.question = question;
  }

  @Override
  public FolderOpening.Choice ask(StorageException failure, String notice, Path dataDir, List<BackupInfo> backups) {
    if (opening.closedByPerson()) {
      return new FolderOpening.Quit();
    }
    toolkit.run(opening::hideForQuestion);
    FolderOpening.Choice choice = question.ask(failure, notice, dataDir, backups);
    Path next = choice instanceof FolderOpening.OtherFolder other ? other.folder() : dataDir;
    if (!(choice instanceof FolderOpening.Quit)) {
      boolean dark = dev.setwise.ui.common.UiPreferences.load(next).dark();
      toolkit.run(() -> opening.openingAgain(next, dark));
    }
    return choice;
  }
}
