package dev.setwise.ui.common;

import dev.setwise.domain.Problem;
import dev.setwise.domain.SetwiseException;
import dev.setwise.domain.StorageException;
import dev.setwise.domain.ValidationException;
import dev.setwise.service.DamagedDataException;
import dev.setwise.service.DiskErrors;
import dev.setwise.service.backup.BackupException;
import dev.setwise.service.folder.FolderBusyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;

/** Turns a failure into one short sentence for a person: never a stack trace or SQL. */
public final class ErrorText {

  private ErrorText() {}

  /**
   * The message to show when {@code action} ("save the workout") failed with {@code error}.
   * Business outcomes keep their own message (with the first problem of a validation failure), as
   * do backups (their messages are written for people; a disk error is put in words); anything
   * else says what could not be done and where the details are.
   */
  public static String of(String action, Throwable error) {
    if (error instanceof ValidationException validation && !validation.problems().isEmpty()) {
      Problem first = validation.problems().get(0);
      String more = validation.problems().size() > 1
          ? " (and " + (validation.problems().size() - 1) + " more)" : "";
      return validation.getMessage() + ": " + FieldNames.describe(first) + more;
    }
    if (error instanceof SetwiseException || error instanceof StorageException
        || error instanceof FolderBusyException) {
      return error.getMessage();
    }
    if (error instanceof BackupException backup) {
      return backupMessage(backup);
    }
    if (error instanceof DamagedDataException) {
      return error.getMessage();
    }
    if (error instanceof CancellationException) {
      return "Cancelled: nothing was changed.";
    }
    if (error instanceof UncheckedIOException io && io.getCause() != null) {
      return io.getMessage() + ": " + diskProblem(io.getCause()) + ".";
    }
    return "Could not " + action + ". Nothing was lost; the details are in the log file.";
  }

  /**
   * A backup's own message, except that the name of a disk error at its end ("…: AccessDeniedException")
   * becomes words ("…: permission denied").
   */
  private static String backupMessage(BackupException backup) {
    String message = backup.getMessage();
    if (backup.getCause() instanceof IOException io) {
      String suffix = ": " + io.getClass().getSimpleName();
      if (message.endsWith(suffix)) {
        return message.substring(0, message.length() - suffix.length()) + ": " + diskProblem(io);
      }
    }
    return message;
  }

  /** {@code text} ending with a full stop (messages of the services often have none). */
  public static String sentence(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    char last = text.charAt(text.length() - 1);
    return last == '.' || last == '!' || last == '?' || last == '…' ? text : text + ".";
  }

  /** "permission denied", "the disk is full" …: what a disk error means, in a few words. */
  public static String diskProblem(Throwable error) {
    return DiskErrors.describe(error);
  }
}
