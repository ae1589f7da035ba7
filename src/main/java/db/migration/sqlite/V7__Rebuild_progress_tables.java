package db.migration.sqlite;

import dev.setwise.store.SetLogRepository;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the progress tables of V6 from the snapshots of sessions completed before they existed.
 * Java rather than SQL so that it derives exactly as the app does (exercise names compared with
 * Java's case rules, e1RM by the same code): {@link SetLogRepository#rebuildAll}. Runs in
 * Flyway's transaction for this migration, after the backup that precedes every migration.
 */
public final class V7__Rebuild_progress_tables extends BaseJavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(V7__Rebuild_progress_tables.class);

  @Override
  public void migrate(Context context) throws Exception {
    int sessions = SetLogRepository.rebuildAll(context.getConnection());
    LOG.info("Derived progress tables from {} completed sessions", sessions);
  }
}
