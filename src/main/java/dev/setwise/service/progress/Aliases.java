package dev.setwise.service.progress;

import dev.setwise.domain.progress.ExerciseKey;
import dev.setwise.store.ProgressRepository.AliasRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A profile's aliases as read in one transaction: which key each key counts as, and its name. */
final class Aliases {

  private final Map<String, AliasRow> byAlias = new HashMap<>();
  private final Map<String, List<String>> byTarget = new HashMap<>();

  Aliases(List<AliasRow> rows) {
    for (AliasRow row : rows) {
      byAlias.put(row.aliasKey(), row);
      if (!row.aliasKey().equals(row.targetKey())) {
        byTarget.computeIfAbsent(row.targetKey(), k -> new ArrayList<>()).add(row.aliasKey());
      }
    }
  }

  /** The key a key counts as (itself unless an alias points it elsewhere). */
  String canonical(String key) {
    AliasRow row = byAlias.get(key);
    return row == null ? key : row.targetKey();
  }

  String canonicalOfName(String name) {
    return canonical(ExerciseKey.of(name));
  }

  /** The keys that count as {@code canonical}, other than itself. */
  List<String> aliasesOf(String canonical) {
    return byTarget.getOrDefault(canonical, List.of());
  }

  /** Every key that counts as {@code canonical}, itself first. */
  List<String> keysOf(String canonical) {
    List<String> keys = new ArrayList<>();
    keys.add(canonical);
    keys.addAll(aliasesOf(canonical));
    return keys;
  }

  /** The name a rename gave {@code canonical}, or null. */
  String nameOf(String canonical) {
    AliasRow self = byAlias.get(canonical);
    if (self != null && self.targetKey().equals(canonical)) {
      return self.targetName();
    }
    for (String alias : aliasesOf(canonical)) {
      return byAlias.get(alias).targetName();
    }
    return null;
  }

  boolean isAliasElsewhere(String key) {
    AliasRow row = byAlias.get(key);
    return row != null && !row.targetKey().equals(key);
  }

  List<AliasRow> all() {
    return List.copyOf(byAlias.values());
  }
}
