package dev.setwise.ui;

import dev.setwise.StartupException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One desktop window per data folder. The first app on a folder holds an exclusive OS lock on
 * {@value #LOCK_FILE} there and listens on a loopback port, which it writes into that file with a
 * random secret. A second start finds the lock held, reads the port and secret, asks the first to
 * bring its window to the front and exits. The OS drops the lock when a process ends, however it
 * ends, so a crashed app never blocks the next start: whatever an old file says is ignored once
 * its lock is free. The file itself is never deleted (a deleted lock file would let two starts
 * lock two different files). Only the desktop window takes this lock: {@code setwise serve} and the
 * other commands run beside the app as before.
 *
 * <p>Threads: {@link #claim} blocks for at most a few seconds (any thread but the FX thread); the
 * listener is a daemon thread that hands each request to the action given to {@link Owner#onShowRequest}.
 */
public final class SingleInstance {

  public static final String LOCK_FILE = "desktop.lock";

  private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);
  /** The lock covers one byte far past the text, so the text stays readable on systems that enforce locks. */
  private static final long LOCK_POSITION = 1L << 40;
  private static final String SHOW = "show ";
  private static final String OK = "ok";
  private static final int MAX_LINE = 200;
  private static final Duration IO_TIMEOUT = Duration.ofSeconds(3);
  /** How long a second start keeps trying while the first one is still starting up. */
  private static final Duration PATIENCE = Duration.ofSeconds(5);

  private SingleInstance() {}

  /** What {@link #claim} found. */
  public sealed interface Claim permits Owner, Running {}

  /**
   * Another app holds the folder.
   *
   * @param shown true when it answered and brings its window to the front
   */
  public record Running(Path dataDir, boolean shown) implements Claim {}

  /**
   * Claims {@code dataDir} for this app's window, or, when another app already has it, asks that
   * one to show its window.
   *
   * @throws StartupException when the lock file cannot be opened (an unwritable folder) or no
   *     loopback port can be opened; its message is one line for the user
   */
  public static Claim claim(Path dataDir) {
    Path file = dataDir.resolve(LOCK_FILE);
    Instant giveUp = Instant.now().plus(PATIENCE);
    while (true) {
      FileChannel channel = open(file);
      FileLock lock = tryLock(channel);
      if (lock != null) {
        try {
          return Owner.start(dataDir, channel, lock);
        } catch (IOException e) {
          closeQuietly(channel);
          throw new StartupException("cannot open the desktop window: no loopback port to listen on for a second start ("
              + e.getMessage() + ")", e);
        }
      }
      String problem = askToShow(channel);
      closeQuietly(channel);
      if (problem == null) {
        return new Running(dataDir, true);
      }
      // The first app may still be starting (its port not written yet): try again for a moment.
      if (Instant.now().isAfter(giveUp)) {
        LOG.warn("Setwise is already open on {} but did not answer: {}", dataDir, problem);
        return new Running(dataDir, false);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Running(dataDir, false);
      }
    }
  }

  private static FileChannel open(Path file) {
    try {
      return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new StartupException("cannot open the desktop window: " + file + " cannot be written ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** The lock, or null when another process (or another app in this one) holds it. */
  private static FileLock tryLock(FileChannel channel) {
    try {
      return channel.tryLock(LOCK_POSITION, 1, false);
    } catch (OverlappingFileLockException e) {
      return null;
    } catch (IOException e) {
      LOG.warn("Could not lock the desktop lock file", e);
      return null;
    }
  }

  /** Asks the app holding the lock to show its window; null when it said yes, else why not. */
  private static String askToShow(FileChannel channel) {
    Properties held;
    try {
      held = read(channel);
    } catch (IOException e) {
      return "its lock file cannot be read";
    }
    String secret = held.getProperty("secret");
    int port;
    try {
      port = Integer.parseInt(held.getProperty("port", ""));
    } catch (NumberFormatException e) {
      return "its lock file names no port yet";
    }
    if (secret == null || port <= 0 || port > 65535) {
      return "its lock file names no port yet";
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) IO_TIMEOUT.toMillis());
      socket.setSoTimeout((int) IO_TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write((SHOW + secret + "\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      String answer = in.readLine();
      return OK.equals(answer) ? null : "it answered " + answer;
    } catch (IOException e) {
      return "it does not answer on port " + port + " (" + e.getClass().getSimpleName() + ")";
    }
  }

  private static Properties read(FileChannel channel) throws IOException {
    long size = Math.min(channel.size(), 4096);
    ByteBuffer buffer = ByteBuffer.allocate((int) size);
    while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
      // read until full or end of file
    }
    Properties properties = new Properties();
    properties.load(new java.io.StringReader(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8)));
    return properties;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.debug("Could not close {}", closeable, e);
    }
  }

  /**
   * This app owns the folder's window: it holds the lock and answers second starts until closed.
   */
  public static final class Owner implements Claim, AutoCloseable {

    private final Path dataDir;
    private final FileChannel channel;
    private final FileLock lock;
    private final ServerSocket server;
    private final byte[] secret;
    private Runnable onShow;
    private boolean showAsked;

    private Owner(Path dataDir, FileChannel channel, FileLock lock, ServerSocket server, byte[] secret) {
      this.dataDir = dataDir;
      this.channel = channel;
      this.lock = lock;
      this.server = server;
      this.secret = secret;
    }

    static Owner start(Path dataDir, FileChannel channel, FileLock lock) throws IOException {
      ServerSocket server = new ServerSocket();
      try {
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        Owner owner = new Owner(dataDir, channel, lock, server, HexFormat.of().formatHex(secret)
            .getBytes(StandardCharsets.US_ASCII));
        owner.writeFile();
        Thread listener = new Thread(owner::listen, "setwise-instance");
        listener.setDaemon(true);
        listener.start();
        return owner;
      } catch (IOException | RuntimeException e) {
        server.close();
        throw e;
      }
    }

    private void writeFile() throws IOException {
      String text = "# Setwise desktop app open on this folder; written again by every start\n"
          + "port=" + server.getLocalPort() + "\n"
          + "secret=" + new String(secret, StandardCharsets.US_ASCII) + "\n"
          + "pid=" + ProcessHandle.current().pid() + "\n";
      channel.truncate(0);
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes, bytes.position());
      }
      channel.force(true);
    }

    public Path dataDir() {
      return dataDir;
    }

    /** The loopback port second starts knock on (the caller logs it: the first log line builds the log file). */
    public int port() {
      return server.getLocalPort();
    }

    /**
     * What to do when a second start asks for the window (called on the listener thread; hand
     * it to the FX thread). A request that came before this was set is delivered now.
     */
    public void onShowRequest(Runnable action) {
      boolean pending;
      synchronized (this) {
        onShow = Objects.requireNonNull(action, "action");
        pending = showAsked;
        showAsked = false;
      }
      if (pending) {
        action.run();
      }
    }

    private void listen() {
      while (!server.isClosed()) {
        try (Socket client = server.accept()) {
          client.setSoTimeout((int) IO_TIMEOUT.toMillis());
          String line = readLine(client);
          boolean trusted = line != null && line.startsWith(SHOW) && MessageDigest.isEqual(secret,
              line.substring(SHOW.length()).getBytes(StandardCharsets.US_ASCII));
          // The request is taken (or handed on) before the answer, so "ok" means it will be shown.
          if (trusted) {
            LOG.info("A second start asked for the window");
            show();
          } else {
            LOG.warn("Refused a request on the desktop port without the secret");
          }
          client.getOutputStream().write(((trusted ? OK : "refused") + "\n").getBytes(StandardCharsets.US_ASCII));
          client.getOutputStream().flush();
        } catch (SocketException e) {
          if (!server.isClosed()) {
            LOG.warn("Second-start listener: {}", e.toString());
          }
        } catch (IOException | RuntimeException e) {
          LOG.warn("Second-start listener", e);
        }
      }
    }

    private void show() {
      Runnable action;
      synchronized (this) {
        action = onShow;
        showAsked = action == null;
      }
      if (action != null) {
        action.run();
      }
    }

    /** One line of at most {@value #MAX_LINE} characters, or null. */
    private static String readLine(Socket client) throws IOException {
      StringBuilder line = new StringBuilder();
      var in = client.getInputStream();
      for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
        if (line.length() >= MAX_LINE) {
          return null;
        }
        line.append((char) c);
      }
      return line.toString();
    }

    /** Stops answering and releases the lock (the file stays; its text is stale from now on). */
    @Override
    public void close() {
      closeQuietly(server);
      try {
        lock.release();
      } catch (IOException e) {
        LOG.debug("Could not release the desktop lock", e);
      }
      closeQuietly(channel);
    }
  }
}
