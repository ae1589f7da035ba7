package dev.setwise.service.backup;

import java.nio.file.Path;
import java.time.Instant;

/** One backup file in the data folder's {@code backups/}. */
public record BackupInfo(Path file, Instant createdAt, BackupReason reason, long sizeBytes) {

  public String name() {
    return file.getFileName().toString();
  }
}
