package dev.setwise.service;

import dev.setwise.domain.StorageException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/** What a disk error means, in a few words for a person ("the disk is full", "permission denied" …). */
public final class DiskErrors {

  private DiskErrors() {}

  /** "the disk is full", "permission denied" …: {@code error} (or the first cause that says) in words. */
  public static String describe(Throwable error) {
    if (isDiskFull(error)) {
      return "the disk is full";
    }
    String reason = error instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : "";
    String text = (reason + " " + error.getMessage()).toLowerCase(Locale.ROOT);
    if (error instanceof AccessDeniedException || text.contains("permission denied")
        || text.contains("read-only file system")) {
      return "permission denied";
    }
    if (error instanceof FileAlreadyExistsException) {
      return "a file of that name is in the way";
    }
    if (error instanceof NoSuchFileException) {
      return "a file or folder is missing";
    }
    return "a disk error (the details are in the log file)";
  }

  /** True when {@code error} or one of its causes says the disk is full ({@code ENOSPC}, {@code SQLITE_FULL} …). */
  public static boolean isDiskFull(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof StorageException storage && storage.reason() == StorageException.Reason.DISK_FULL) {
        return true;
      }
      String reason = cause instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : "";
      String text = (reason + " " + cause.getMessage()).toLowerCase(Locale.ROOT);
      if (text.contains("no space left") || text.contains("disk full") || text.contains("not enough space")
          || text.contains("database or disk is full") || text.contains("sqlite_full")) {
        return true;
      }
    }
    return false;
  }
}
