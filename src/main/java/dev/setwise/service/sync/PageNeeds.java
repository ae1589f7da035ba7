package dev.setwise.service.sync;

import java.util.Set;
import java.util.UUID;

/**
 * What a page of the change feed needs fetched before it can be applied: plans its sessions use
 * that this device lacks, sessions whose recorded history (amendments) must be read, sessions in
 * progress here whose server state must be read (the page starts another one), and whether applying
 * it deletes data here (then a backup is made first).
 */
public record PageNeeds(Set<UUID> plans, Set<UUID> histories, Set<UUID> refresh, boolean deletesLocalData) {

  public PageNeeds {
    plans = Set.copyOf(plans);
    histories = Set.copyOf(histories);
    refresh = Set.copyOf(refresh);
  }
}
