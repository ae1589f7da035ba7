package dev.setwise.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where a PostgreSQL database is and who connects to it, from {@code --database} or
 * {@code SETWISE_DATABASE_URL}: {@code postgresql://HOST[:PORT]/DB?user=NAME} (also
 * {@code postgres://USER[:PASSWORD]@HOST/DB} and the same behind {@code jdbc:}). The password comes
 * from the URL, else from {@code SETWISE_DATABASE_PASSWORD}, else the driver finds it in
 * {@code ~/.pgpass} (or {@code PGPASSFILE}) as libpq does. {@link #toString()} never shows it.
 */
public final class PostgresTarget {

  /** The environment variable that holds the URL when {@code --database} is not given. */
  public static final String URL_VARIABLE = "SETWISE_DATABASE_URL";
  /** The environment variable that may hold the password. */
  public static final String PASSWORD_VARIABLE = "SETWISE_DATABASE_PASSWORD";

  private final String host;
  private final int port;
  private final String database;
  private final String user;
  private final String password;
  private final Map<String, String> options;

  private PostgresTarget(String host, int port, String database, String user, String password,
      Map<String, String> options) {
    this.host = host;
    this.port = port;
    this.database = database;
    this.user = user;
    this.password = password;
    this.options = options;
  }

  /** True when {@code text} names a PostgreSQL database rather than something else. */
  public static boolean looksLikeOne(String text) {
    String lower = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("postgresql://") || lower.startsWith("postgres://") || lower.startsWith("jdbc:postgresql://");
  }

  /**
   * Reads {@code url}; {@code passwordVariable} is the value of {@link #PASSWORD_VARIABLE} (or null).
   *
   * @throws IllegalArgumentException with a message fit for a user when the URL cannot be used
   *     (it never repeats the URL, which may hold a password)
   */
  public static PostgresTarget parse(String url, String passwordVariable) {
    if (!looksLikeOne(url)) {
      throw new IllegalArgumentException("The database must be a URL like postgresql://HOST:PORT/DB?user=NAME");
    }
    String text = url.strip();
    if (text.regionMatches(true, 0, "jdbc:", 0, 5)) {
      text = text.substring(5);
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("The database URL is not a valid URL (postgresql://HOST:PORT/DB?user=NAME)");
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("The database URL names no host (postgresql://HOST:PORT/DB?user=NAME)");
    }
    int port = uri.getPort() < 0 ? 5432 : uri.getPort();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String database = decode(path.startsWith("/") ? path.substring(1) : path);
    if (database.isBlank() || database.contains("/")) {
      throw new IllegalArgumentException("The database URL names no database (postgresql://HOST:PORT/DB?user=NAME)");
    }
    String user = null;
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }
    Map<String, String> options = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String key = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        switch (key) {
          case "user" -> user = value;
          case "password" -> password = value;
          case "sslmode", "sslrootcert", "connectTimeout", "socketTimeout", "targetServerType", "ssl" ->
              options.put(key, value);
          default -> throw new IllegalArgumentException("The database URL has an option Setwise does not use: " + key
              + " (it takes user, password, sslmode, sslrootcert, connectTimeout, socketTimeout)");
        }
      }
    }
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("The database URL names no user (postgresql://HOST:PORT/DB?user=NAME)");
    }
    if (password == null && passwordVariable != null && !passwordVariable.isEmpty()) {
      password = passwordVariable;
    }
    return new PostgresTarget(host, port, database, user, password, Map.copyOf(options));
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** The JDBC URL, without user or password (they go in {@link #properties()}). */
  String jdbcUrl() {
    String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return "jdbc:postgresql://" + hostPart + ":" + port + "/" + URLEncoderPath.encode(database);
  }

  /**
   * What every Setwise connection sends: the user (and the password when one was given; without
   * it the driver reads {@code .pgpass}), {@code stringtype=unspecified} so that the text the
   * repositories bind becomes uuid or jsonb where the column is one, and the URL's options.
   */
  Properties properties() {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("stringtype", "unspecified");
    properties.setProperty("ApplicationName", "setwise");
    properties.setProperty("reWriteBatchedInserts", "true");
    options.forEach(properties::setProperty);
    return properties;
  }

  /** A driver data source (no pool) with {@link #properties()}. */
  javax.sql.DataSource dataSource() {
    org.postgresql.ds.PGSimpleDataSource source = new org.postgresql.ds.PGSimpleDataSource();
    source.setURL(jdbcUrl());
    try {
      for (String key : properties().stringPropertyNames()) {
        source.setProperty(key, properties().getProperty(key));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalArgumentException("The database URL has an option the driver refuses: " + e.getMessage(), e);
    }
    return source;
  }

  /**
   * A driver data source like {@link #dataSource()} whose connections give up after
   * {@code seconds} (connecting and each answer): for the health probe, which must answer in time
   * when the server is gone.
   */
  javax.sql.DataSource dataSource(int seconds) {
    org.postgresql.ds.PGSimpleDataSource source = (org.postgresql.ds.PGSimpleDataSource) dataSource();
    source.setConnectTimeout(seconds);
    source.setLoginTimeout(seconds);
    source.setSocketTimeout(seconds);
    return source;
  }

  public String user() {
    return user;
  }

  /** For logs and messages: {@code user@host:port/db}, never the password. */
  @Override
  public String toString() {
    return user + "@" + host + ":" + port + "/" + database;
  }

  /** Percent-encodes a database name for the path of a JDBC URL. */
  private static final class URLEncoderPath {
    static String encode(String name) {
      return java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
  }
}
