package dev.setwise.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.AppContext;
import dev.setwise.cli.ProfileDeleteCommandTest.ScriptedTerminal;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.support.PostgresServer;
import dev.setwise.support.Structures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code setwise profile delete NAME --database URL}: the rules of the data folder's deletion
 * (confirmation, never the last profile, everything of the profile and its audit log in one
 * transaction, nobody else's rows) on a PostgreSQL database, where no backup is made, and the
 * confirmation and the answer say so.
 */
class PostgresProfileDeleteCommandTest {

  @TempDir
  Path dir;

  Path data;
  String database;
  UUID alex;
  UUID sam;

  record Result(int code, String out, String err) {}

  @BeforeEach
  void twoProfilesWithHistory() throws Exception {
    data = Files.createDirectories(dir.resolve("data"));
    database = PostgresServer.get().newDatabase();
    try (AppContext context = AppContext.openPostgres(data, Clock.systemUTC(), PostgresServer.get().url(database),
        PostgresServer.PASSWORD, true)) {
      Profile a = context.profiles().create("Alex", null);
      Profile s = context.profiles().create("Sam", null);
      alex = a.id();
      sam = s.id();
      for (Profile profile : List.of(a, s)) {
        Plan plan = context.plans().create(profile.id(), "Strength A", Structures.plan());
        Session done = context.sessions().complete(profile.id(),
            context.sessions().start(profile.id(), plan.id(), null).id(), null);
        context.sessions().amend(profile.id(), done.id(), done.structure().withName("Renamed"), "a better name");
        context.tokens().create(profile.id(), "phone");
      }
      context.sessions().startWithoutPlan(alex, null, dev.setwise.domain.Unit.KG);
    }
  }

  private Result run(Terminal terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--data-dir", data.toString()));
    all.addAll(List.of(args));
    all.addAll(List.of("--database", PostgresServer.get().url(database)));
    int code = Cli.run(all.toArray(String[]::new), Map.of("SETWISE_DATABASE_PASSWORD", PostgresServer.PASSWORD),
        new PrintWriter(out), new PrintWriter(err), (folder, console) -> {
          throw new AssertionError("the desktop app must not open");
        }, terminal);
    return new Result(code, out.toString(), err.toString());
  }

  private List<String> profiles() {
    return List.of(run(Terminal.NONE, "profile", "list").out().split("\n"));
  }

  @Test
  void onATerminalItSaysNoBackupIsMadeAndDeletesOnlyOnYes() {
    ScriptedTerminal no = new ScriptedTerminal("n");
    assertThat(run(no, "profile", "delete", "Alex")).isEqualTo(new Result(1, "", "setwise: Not deleted\n"));
    assertThat(no.questions).containsExactly("Delete profile Alex and everything in it (1 plan, 2 sessions, "
        + "1 amendment)? Its workout in progress is deleted too. No backup is made on PostgreSQL: this cannot be "
        + "undone from Setwise. [y/N] ");
    assertThat(profiles()).containsExactly("Alex\tkg", "Sam\tkg");

    Result deleted = run(new ScriptedTerminal("y"), "profile", "delete", "alex");

    assertThat(deleted.code()).as(deleted.err()).isZero();
    assertThat(deleted.out()).isEqualTo("Deleted profile Alex (1 plan, 2 sessions, 1 amendment) from "
        + PostgresServer.ROLE + "@127.0.0.1:" + PostgresServer.get().port() + "/" + database
        + "; no backup was made (PostgreSQL)\n");
    assertThat(profiles()).containsExactly("Sam\tkg");
    assertThat(data.resolve("backups")).doesNotExist();
  }

  @Test
  void withoutYesAndNoTerminalItRefusesAndDeletesNothing() throws SQLException {
    Result refused = run(Terminal.NONE, "profile", "delete", "Alex");

    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).isEqualTo("setwise: Not deleted: deleting profile Alex (1 plan, 2 sessions, "
        + "1 amendment) needs --yes when there is no terminal to confirm on\n");
    assertThat(rowsOf(alex)).allSatisfy((table, rows) -> assertThat(rows).as(table).isNotNegative());
    assertThat(rowsOf(alex).get("sessions")).isEqualTo(2);
  }

  @Test
  void everyRowOfTheProfileGoesAndNoRowOfAnother() throws SQLException {
    Map<String, Long> samBefore = rowsOf(sam);

    Result deleted = run(Terminal.NONE, "profile", "delete", "Alex", "--yes");

    assertThat(deleted.code()).as(deleted.err()).isZero();
    assertThat(rowsOf(alex)).as("rows left of the deleted profile").allSatisfy((table, rows) ->
        assertThat(rows).as(table).isZero());
    assertThat(rowsOf(sam)).isEqualTo(samBefore);
    assertThat(samBefore.get("audit_log")).isPositive();
    assertThat(samBefore.get("session_totals")).isPositive();
  }

  @Test
  void theLastProfileIsRefusedAndTheAuditLogOfAProfileThatExistsStaysAppendOnly() throws SQLException {
    assertThat(run(Terminal.NONE, "profile", "delete", "Alex", "--yes").code()).isZero();
    ScriptedTerminal terminal = new ScriptedTerminal("y");

    Result refused = run(terminal, "profile", "delete", "Sam");

    assertThat(refused).isEqualTo(new Result(1, "",
        "setwise: Cannot delete Sam: it is the only profile; create another one first\n"));
    assertThat(terminal.questions).isEmpty();
    try (Connection raw = PostgresServer.get().connectAsSetwise(database); Statement statement = raw.createStatement()) {
      statement.execute("SET setwise.all_profiles = 'on'");
      assertThatThrownBy(() -> statement.execute("DELETE FROM audit_log WHERE user_id = '" + sam + "'"))
          .hasMessageContaining("audit log is append-only");
    }
    assertThat(rowsOf(sam).get("audit_log")).isPositive();
  }

  /** Rows naming {@code owner} in every table of the schema with an owner column (as the superuser). */
  private Map<String, Long> rowsOf(UUID owner) throws SQLException {
    Map<String, Long> rows = new java.util.TreeMap<>();
    try (Connection raw = PostgresServer.get().connectAsSuperuser(database); Statement statement = raw.createStatement()) {
      List<String[]> columns = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery("SELECT table_name, column_name FROM information_schema.columns "
          + "WHERE table_schema = 'public' AND column_name IN ('user_id') OR (table_name = 'profiles' "
          + "AND column_name = 'id' AND table_schema = 'public')")) {
        while (rs.next()) {
          columns.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      for (String[] column : columns) {
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM \"" + column[0] + "\" WHERE \"" + column[1]
            + "\" = '" + owner + "'")) {
          rs.next();
          rows.put(column[0], rs.getLong(1));
        }
      }
    }
    return rows;
  }
}
