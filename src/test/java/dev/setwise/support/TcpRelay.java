package dev.setwise.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain TCP relay on a fixed local port to another local port, that can be cut and restored:
 * {@link #cut()} closes the port and every connection through it (as a server that went away),
 * {@link #restore()} listens on the same port again. For tests of what happens when a database
 * server is gone and comes back.
 */
public final class TcpRelay implements AutoCloseable {

  private final int targetPort;
  private final int port;
  private final List<Socket> open = new ArrayList<>();
  private ServerSocket listener;

  private TcpRelay(int targetPort, int port) {
    this.targetPort = targetPort;
    this.port = port;
  }

  /** A relay to {@code targetPort}, listening on a free port. */
  public static TcpRelay to(int targetPort) throws IOException {
    int free;
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      free = probe.getLocalPort();
    }
    TcpRelay relay = new TcpRelay(targetPort, free);
    relay.restore();
    return relay;
  }

  public int port() {
    return port;
  }

  /** Listens again (on the same port) and relays every new connection. */
  public synchronized void restore() throws IOException {
    if (listener != null) {
      return;
    }
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    listener = socket;
    Thread accepting = new Thread(() -> accept(socket), "tcp-relay-accept");
    accepting.setDaemon(true);
    accepting.start();
  }

  /** Closes the port and every connection through it. */
  public synchronized void cut() throws IOException {
    if (listener != null) {
      listener.close();
      listener = null;
    }
    for (Socket socket : open) {
      socket.close();
    }
    open.clear();
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        synchronized (this) {
          if (listener != socket) {
            client.close();
            server.close();
            return;
          }
          open.add(client);
          open.add(server);
        }
        pipe(client, server);
        pipe(server, client);
      } catch (IOException e) {
        return; // the listener was closed
      }
    }
  }

  private static void pipe(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException e) {
        // one side closed
      } finally {
        try {
          from.close();
          to.close();
        } catch (IOException ignored) {
          // already closed
        }
      }
    }, "tcp-relay-pipe");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    cut();
  }
}
