package dev.setwise.service.sync;

import dev.setwise.domain.sync.OutboxEntry;
import dev.setwise.domain.sync.SyncConflict;
import dev.setwise.domain.sync.SyncSettings;
import java.util.List;
import java.util.Optional;

/**
 * Where sync stands for a profile: its settings (empty when sync is off), how many local changes
 * wait to be sent, the open conflicts and the changes the server refused last time.
 */
public record SyncStatus(Optional<SyncSettings> settings, long waiting, List<SyncConflict> conflicts,
    List<OutboxEntry> refused) {

  public SyncStatus {
    conflicts = List.copyOf(conflicts);
    refused = List.copyOf(refused);
  }

  public boolean enabled() {
    return settings.isPresent();
  }
}
