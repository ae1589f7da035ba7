package db.migration.postgresql;

import dev.setwise.json.StructureJson;
import dev.setwise.store.SummaryBackfill;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every session row written before V23 its stored summary text (docs/decisions/0066), as
 * SQLite's V19 does: the same code as every later insert and update writes it, so each text is,
 * byte for byte, what the REST list would write from the row's columns. V24 lets a completed
 * session take it. Runs in Flyway's transaction for this migration, on Flyway's connection, which
 * sees every profile's rows (afterConnect.sql).
 */
public final class V25__Session_summaries extends BaseJavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(V25__Session_summaries.class);

  @Override
  public void migrate(Context context) throws Exception {
    long sessions = SummaryBackfill.fill(context.getConnection(), new StructureJson().mapper());
    LOG.info("Stored the summaries of {} sessions", sessions);
  }
}
