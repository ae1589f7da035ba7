package dev.setwise.bench.raw;

import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Baseline of the REST measures: bare Javalin handlers on 127.0.0.1, no authentication, no
 * validation, no logging.
 * <ul>
 *   <li>{@code GET /api/sessions/{id}} sends fixed bytes (Setwise's own answer for that session,
 *       captured by the suite), as {@code application/json};</li>
 *   <li>{@code PATCH /api/sessions/{id}} stores the request's {@code session} text with one plain
 *       JDBC {@code UPDATE} (its own transaction, {@code synchronous=FULL}, WAL, one connection
 *       behind a lock: SQLite has one writer), then sends fixed bytes (Setwise's answer to such a
 *       PATCH).</li>
 * </ul>
 * {@code java -jar bare-api-server.jar GET_BODY PATCH_ANSWER DB}; prints {@code listening on URL}.
 */
public final class BareApiServer {

  private BareApiServer() {}

  public static void main(String[] args) throws Exception {
    byte[] getBody = Files.readAllBytes(Path.of(args[0]));
    byte[] patchAnswer = Files.readAllBytes(Path.of(args[1]));
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + Path.of(args[2]).toAbsolutePath());
    try (Statement pragmas = connection.createStatement()) {
      pragmas.execute("PRAGMA journal_mode=WAL");
      pragmas.execute("PRAGMA synchronous=FULL");
      pragmas.execute("PRAGMA foreign_keys=ON");
      pragmas.execute("PRAGMA busy_timeout=10000");
    }
    PreparedStatement update = connection.prepareStatement(
        "UPDATE sessions SET session = ?, updated_at = ?, version = version + 1 WHERE id = ? AND ended_at IS NULL");
    ReentrantLock writer = new ReentrantLock(true);

    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.startup.startupWatcherEnabled = false;
      config.jetty.host = "127.0.0.1";
      config.jetty.port = 0;
      config.routes.get("/api/sessions/{id}", ctx -> ctx.status(200).contentType("application/json").result(getBody));
      config.routes.patch("/api/sessions/{id}", ctx -> {
        String body = ctx.body();
        // {"session": {...}}: the object after the first colon, up to the last brace but one.
        String session = body.substring(body.indexOf(':') + 1, body.lastIndexOf('}')).strip();
        int changed;
        writer.lock();
        try {
          update.setString(1, session);
          update.setLong(2, System.currentTimeMillis());
          update.setString(3, ctx.pathParam("id"));
          changed = update.executeUpdate();
        } finally {
          writer.unlock();
        }
        if (changed != 1) {
          ctx.status(404).result("{\"error\":\"NotFound\"}".getBytes(StandardCharsets.UTF_8));
          return;
        }
        ctx.status(200).contentType("application/json").result(patchAnswer);
      });
    }).start();
    System.out.println("listening on http://127.0.0.1:" + app.port());
    System.out.flush();
  }
}
