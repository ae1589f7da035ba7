package db.migration.sqlite;

import dev.setwise.json.StructureJson;
import dev.setwise.store.SummaryBackfill;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every session row of V18 its stored summary text, written by the same code as every later
 * insert and update (docs/decisions/0066): Java rather than SQL so that each text is, byte for
 * byte, what the REST list would write from the row's columns. Runs in Flyway's transaction for
 * this migration, after the backup that precedes every migration.
 */
public final class V19__Session_summaries extends BaseJavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(V19__Session_summaries.class);

  @Override
  public void migrate(Context context) throws Exception {
    long sessions = SummaryBackfill.fill(context.getConnection(), new StructureJson().mapper());
    LOG.info("Stored the summaries of {} sessions", sessions);
  }
}
