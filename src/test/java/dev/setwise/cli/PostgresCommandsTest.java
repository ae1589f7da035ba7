package dev.setwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.support.PostgresServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that administer a server on PostgreSQL: {@code --database} or
 * {@code SETWISE_DATABASE_URL}, the password from the URL, {@code SETWISE_DATABASE_PASSWORD} or a
 * {@code .pgpass} file, never in a log; two real {@code serve} processes on one database.
 */
class PostgresCommandsTest {

  private static final Pattern URL = Pattern.compile("(http://[^ ]+)");

  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  private Result cli(Map<String, String> environment, String... arguments) {
    String[] args = new String[arguments.length + 2];
    args[0] = "--data-dir";
    args[1] = dir.resolve("admin").toString();
    System.arraycopy(arguments, 0, args, 2, arguments.length);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, environment, new PrintWriter(out), new PrintWriter(err), (data, console) -> {
      throw new AssertionError("the desktop app must not open");
    });
    return new Result(code, out.toString(), err.toString());
  }

  /** Every file under the data folders: the logs. */
  private String everythingLogged() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        all.append(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    return all.toString();
  }

  @Test
  void migrateProfileAndTokenTakeTheOptionOrTheVariableAndThePasswordComesFromEitherVariableOrTheUrl()
      throws IOException {
    PostgresServer pg = PostgresServer.get();
    String database = pg.newDatabase();
    Map<String, String> withPassword = Map.of("SETWISE_DATABASE_PASSWORD", PostgresServer.PASSWORD);

    Result migrated = cli(withPassword, "migrate", "--database", pg.url(database));
    assertThat(migrated.code()).as(migrated.err()).isZero();
    assertThat(migrated.out()).isEqualTo("Database setwise@127.0.0.1:" + pg.port() + "/" + database
        + " is at schema version 25\n"); // the newest PostgreSQL migration (V25, the stored summaries of older rows)

    Map<String, String> fromVariables = Map.of("SETWISE_DATABASE_URL", pg.url(database),
        "SETWISE_DATABASE_PASSWORD", PostgresServer.PASSWORD);
    assertThat(cli(fromVariables, "profile", "add", "Alex").out()).isEqualTo("Created profile Alex (kg)\n");
    assertThat(cli(Map.of(), "profile", "add", "Sam", "--database", pg.urlWithPassword(database)).code()).isZero();
    assertThat(cli(fromVariables, "profile", "list").out()).isEqualTo("Alex\tkg\nSam\tkg\n");
    Result token = cli(fromVariables, "token", "create", "--profile", "sam", "--label", "gym");
    assertThat(token.code()).as(token.err()).isZero();
    String id = token.out().strip().substring(4, 16);
    assertThat(cli(fromVariables, "token", "list").out()).startsWith(id + "\tSam\t").contains("\tactive\tgym");
    assertThat(cli(fromVariables, "token", "revoke", id).out()).isEqualTo("Revoked token " + id + "\n");
    assertThat(cli(fromVariables, "token", "list", "--profile", "Sam").out()).contains("\trevoked ");

    assertThat(cli(Map.of(), "profile", "list").out()).as("without a database: the data folder's own, empty")
        .isEmpty();
    assertThat(everythingLogged()).contains("setwise@127.0.0.1:" + pg.port())
        .doesNotContain(PostgresServer.PASSWORD);
  }

  @Test
  void thePasswordIsReadFromAPgpassFileTheWayLibpqReadsIt() throws IOException {
    PostgresServer pg = PostgresServer.get();
    String database = pg.newDatabase();
    Path pgpass = dir.resolve("pgpass");
    Files.writeString(pgpass, "# host:port:database:user:password\n"
        + "otherhost:5432:*:setwise:wrong\n"
        + "127.0.0.1:" + pg.port() + ":" + database + ":setwise:" + PostgresServer.PASSWORD + "\n");
    Files.setPosixFilePermissions(pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
    try {
      Result listed = cli(Map.of(), "profile", "list", "--database", pg.url(database));
      assertThat(listed.code()).as(listed.err()).isZero();
    } finally {
      System.clearProperty("org.postgresql.pgpassfile");
    }
  }

  @Test
  void aWrongPasswordOrABadUrlFailsInOneLineThatNamesNeither() throws IOException {
    PostgresServer pg = PostgresServer.get();
    String database = pg.newDatabase();
    String wrong = "Wr0ng-pass-xyz";

    Result refused = cli(Map.of(), "migrate", "--database", pg.url(database) + "&password=" + wrong);
    Result noUser = cli(Map.of(), "migrate", "--database", "postgresql://127.0.0.1:" + pg.port() + "/" + database
        + "?password=" + wrong);

    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).startsWith("setwise: Could not connect to the database setwise@127.0.0.1:" + pg.port()
        + "/" + database + ": ").contains("password authentication failed").doesNotContain(wrong);
    assertThat(refused.err().lines()).hasSize(1);
    assertThat(noUser.code()).isEqualTo(2);
    assertThat(noUser.err()).contains("names no user").doesNotContain(wrong);
    assertThat(everythingLogged()).doesNotContain(wrong);
  }

  @Test
  void twoServeProcessesShareOneDatabaseAndASuperuserIsRefused() throws Exception {
    PostgresServer pg = PostgresServer.get();
    String database = pg.newDatabase();
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");
    Files.createDirectories(one);
    Files.createDirectories(two);
    String superuser = "postgresql://127.0.0.1:" + pg.port() + "/" + database + "?user=postgres";
    ChildProcess.Result refused = ChildProcess.run(one, "serve", "--database", superuser, "--port", "0");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.stderr()).contains("superuser or bypasses row-level security");

    ChildProcess first = ChildProcess.start(one, "serve", "--database", pg.urlWithPassword(database), "--port", "0");
    ChildProcess second = ChildProcess.start(two, "serve", "--database", pg.urlWithPassword(database), "--port", "0");
    try {
      URI a = url(first);
      URI b = url(second);
      Map<String, String> admin = new HashMap<>(Map.of("SETWISE_DATABASE_URL", pg.urlWithPassword(database)));
      assertThat(cli(admin, "profile", "add", "Alex").code()).isZero();
      String token = cli(admin, "token", "create", "--profile", "Alex").out().strip();

      HttpResponse<String> created = send(a, token, "POST", "/api/plans",
          "{\"name\": \"Strength A\", \"structure\": {\"unit\": \"kg\", \"exercises\": []}}");
      assertThat(created.statusCode()).isEqualTo(201);
      HttpResponse<String> listed = send(b, token, "GET", "/api/plans", null);
      assertThat(listed.statusCode()).isEqualTo(200);
      assertThat(listed.body()).contains("Strength A");
      assertThat(send(b, null, "GET", "/api/health", null).statusCode()).isEqualTo(200);
    } finally {
      first.process.destroy();
      second.process.destroy();
      first.waitFor();
      second.waitFor();
    }
    assertThat(everythingLogged()).doesNotContain(PostgresServer.PASSWORD);
  }

  private static URI url(ChildProcess server) {
    Matcher matcher = URL.matcher(server.awaitLine("http://"));
    assertThat(matcher.find()).isTrue();
    return URI.create(matcher.group(1));
  }

  private static HttpResponse<String> send(URI base, String token, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
