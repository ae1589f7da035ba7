package dev.setwise.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy in front of a server that breaks HTTP exchanges on purpose, one request per
 * connection (it asks the server to close after each answer, so every request is a fresh exchange
 * it can spoil). Faults are drawn from a seeded {@link Random}, so a run can be repeated:
 * <ul>
 *   <li>{@link Fault#REFUSE}: the connection is closed before the request is read;</li>
 *   <li>{@link Fault#SERVER_ERROR}: a 503 without asking the server;</li>
 *   <li>{@link Fault#DROP_ANSWER}: the request reaches the server, which commits it, and its answer
 *       is thrown away (the client sees the connection close);</li>
 *   <li>{@link Fault#TRUNCATE}: half the answer is sent, then the connection closes;</li>
 *   <li>{@link Fault#DELAY}: the answer comes late (within the client's timeout).</li>
 * </ul>
 */
final class FaultyProxy implements AutoCloseable {

  enum Fault { NONE, REFUSE, SERVER_ERROR, DROP_ANSWER, TRUNCATE, DELAY }

  private final ServerSocket listener;
  private final int targetPort;
  private final ExecutorService workers = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "faulty-proxy");
    thread.setDaemon(true);
    return thread;
  });
  private final java.util.concurrent.ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "faulty-proxy-timer");
        thread.setDaemon(true);
        return thread;
      });
  private final AtomicReference<Random> random = new AtomicReference<>();
  private volatile double faultRate;
  private volatile long delayMillis = 50;
  final AtomicInteger requests = new AtomicInteger();
  final AtomicInteger faults = new AtomicInteger();

  private FaultyProxy(ServerSocket listener, int targetPort) {
    this.listener = listener;
    this.targetPort = targetPort;
  }

  static FaultyProxy start(int targetPort) throws IOException {
    FaultyProxy proxy = new FaultyProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
    Thread acceptor = new Thread(proxy::accept, "faulty-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return proxy;
  }

  String url() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  /** Faults from now on: each request is spoiled with probability {@code rate}, kinds drawn from {@code seed}. */
  void faults(double rate, long seed) {
    this.random.set(new Random(seed));
    this.faultRate = rate;
  }

  /** Every answer this much later (0 for none), faults or not. */
  void delay(long millis) {
    this.delayMillis = millis;
  }

  void off() {
    this.faultRate = 0;
  }

  /** Waits until at least {@code count} requests have come in (false when {@code timeout} passes first). */
  boolean awaitRequests(int count, java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (requests) {
      while (requests.get() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(requests, left);
      }
      return true;
    }
  }

  private Fault draw() {
    Random r = random.get();
    if (r == null || faultRate <= 0) {
      return Fault.NONE;
    }
    synchronized (r) {
      if (r.nextDouble() >= faultRate) {
        return Fault.NONE;
      }
      Fault[] kinds = {Fault.REFUSE, Fault.SERVER_ERROR, Fault.DROP_ANSWER, Fault.TRUNCATE, Fault.DELAY};
      return kinds[r.nextInt(kinds.length)];
    }
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        workers.execute(() -> serve(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    boolean handedOver = false;
    try {
      client.setSoTimeout(30_000);
      Fault fault = draw();
      if (fault != Fault.NONE) {
        faults.incrementAndGet();
      }
      if (fault == Fault.REFUSE) {
        client.setSoLinger(true, 0);
        return;
      }
      byte[] request = readRequest(client.getInputStream());
      if (request == null) {
        return;
      }
      synchronized (requests) {
        requests.incrementAndGet();
        requests.notifyAll();
      }
      if (fault == Fault.SERVER_ERROR) {
        finish(client, ("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
            + "Connection: close\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII), fault);
        return;
      }
      byte[] answer;
      try (Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
        server.setSoTimeout(60_000);
        server.getOutputStream().write(request);
        server.getOutputStream().flush();
        answer = server.getInputStream().readAllBytes();
      }
      if (fault == Fault.DROP_ANSWER) {
        client.setSoLinger(true, 0);
        return;
      }
      long wait = delayMillis + (fault == Fault.DELAY ? 300 : 0);
      if (wait > 0) {
        // A slow network: the answer leaves later, from the timer, which then closes the connection.
        handedOver = true;
        timer.schedule(() -> finish(client, answer, fault), wait, TimeUnit.MILLISECONDS);
        return;
      }
      finish(client, answer, fault);
    } catch (IOException e) {
      // the client went away (a timeout on its side): nothing more to do
    } finally {
      if (!handedOver) {
        closeQuietly(client);
      }
    }
  }

  private static void finish(Socket client, byte[] answer, Fault fault) {
    try {
      OutputStream out = client.getOutputStream();
      if (fault == Fault.TRUNCATE) {
        out.write(answer, 0, answer.length / 2);
        out.flush();
        client.setSoLinger(true, 0);
      } else {
        out.write(answer);
        out.flush();
      }
    } catch (IOException e) {
      // the client gave up waiting
    } finally {
      closeQuietly(client);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closed already
    }
  }

  /** The request's head (with {@code Connection: close}) and its body, or null when the client closed. */
  private static byte[] readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    StringBuilder rewritten = new StringBuilder();
    int length = 0;
    for (String line : text.split("\r\n")) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("connection:")) {
        continue;
      }
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
      }
      rewritten.append(line).append("\r\n");
    }
    rewritten.append("Connection: close\r\n\r\n");
    byte[] body = in.readNBytes(length);
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
    request.write(body);
    return request.toByteArray();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    workers.shutdownNow();
    timer.shutdownNow();
  }
}
