package dev.setwise.service.folder;

import java.util.Optional;

/**
 * The data folder is held by another Setwise (or cannot be locked), so what needs it to itself
 * was refused and nothing was changed. The message is one line naming the holder and what to do:
 * "Setwise serve (pid 1234, since 18:02) is using this data folder; stop it first".
 */
public final class FolderBusyException extends RuntimeException {

  private final transient FolderHolder holder;

  FolderBusyException(String message, Throwable cause) {
    super(message, cause);
    this.holder = null;
  }

  private FolderBusyException(FolderHolder holder, String message) {
    super(message);
    this.holder = holder;
  }

  static FolderBusyException heldBy(FolderHolder holder, String message) {
    return new FolderBusyException(holder, message);
  }

  /** Who holds the folder, when its record could be read. */
  public Optional<FolderHolder> holder() {
    return Optional.ofNullable(holder);
  }
}
