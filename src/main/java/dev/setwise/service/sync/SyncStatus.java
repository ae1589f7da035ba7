package dev.setwise.service.sync;

import dev.setwise.domain.sync.OutboxEntry;
import dev.setwise.domain.sync.SyncConflict;
import dev.setwise.domain.sync.SyncSettings;
import java.util.List;
import java.util.Optional;

/**
 * Where sync stands for a profile: its settings (empty when sync is off), how many local changes
 * wait to be sent, the open conflicts and the changes the server refused last time. An indicator
 * reads it as: off ({@link #enabled()} false); offline ({@code lastOutcome} OFFLINE: a normal state);
 * {@code conflicts().size()} conflicts; {@code waiting} changes waiting; else synced at
 * {@code lastSuccessAt}.
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
