package dev.setwise.store;

import java.sql.SQLException;

/**
 * The few places where SQLite and PostgreSQL need different SQL (docs/decisions/0037). Every
 * {@link Tx} carries the dialect of its database, so a repository asks {@code tx.dialect()} only
 * where the two really differ: case-insensitive names, a few functions, how a broken unique rule
 * is reported. Everything else is one SQL text for both.
 */
public enum Dialect {

  SQLITE {
    @Override
    String ignoringCase(String column) {
      return column + " COLLATE NOCASE";
    }

    @Override
    String equalIgnoringCase(String column) {
      return column + " = ? COLLATE NOCASE";
    }

    @Override
    String like() {
      return "LIKE";
    }

    @Override
    String ifNull() {
      return "ifnull";
    }

    @Override
    String greatest() {
      return "max";
    }

    @Override
    boolean uniqueViolated(SQLException e, String sqliteTarget, String... postgresConstraints) {
      return String.valueOf(e.getMessage()).contains("UNIQUE constraint failed: " + sqliteTarget);
    }
  },

  POSTGRESQL {
    // lower(…) COLLATE "C" orders as SQLite's NOCASE does (ASCII letters folded, then bytes),
    // whatever collation the database was created with; the indexes use the same expression.
    @Override
    String ignoringCase(String column) {
      return "lower(" + column + ") COLLATE \"C\"";
    }

    @Override
    String equalIgnoringCase(String column) {
      return "lower(" + column + ") = lower(?)";
    }

    @Override
    String like() {
      return "ILIKE"; // SQLite's LIKE ignores the case of ASCII letters
    }

    @Override
    String ifNull() {
      return "coalesce";
    }

    @Override
    String greatest() {
      return "greatest";
    }

    @Override
    boolean uniqueViolated(SQLException e, String sqliteTarget, String... postgresConstraints) {
      if (!"23505".equals(e.getSQLState())) {
        return false;
      }
      String message = String.valueOf(e.getMessage());
      for (String constraint : postgresConstraints) {
        if (message.contains("\"" + constraint + "\"")) {
          return true;
        }
      }
      return false;
    }
  };

  /** {@code column} as a sort key that ignores the case of ASCII letters. */
  abstract String ignoringCase(String column);

  /** {@code column = ?}, ignoring the case of ASCII letters. */
  abstract String equalIgnoringCase(String column);

  /** The LIKE operator that ignores case as SQLite's does. */
  abstract String like();

  /** The two-argument "first that is not null" function (as indexed: {@code sessions_by_ended}). */
  abstract String ifNull();

  /** The scalar "larger of two" function. */
  abstract String greatest();

  /**
   * True when {@code e} is the breach of a unique rule: in SQLite's words {@code table.column}
   * ({@code sqliteTarget}), in PostgreSQL's one of the constraints or unique indexes named.
   */
  abstract boolean uniqueViolated(SQLException e, String sqliteTarget, String... postgresConstraints);
}
