package org.rollcall.monitors.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server on loopback that treats every connection with one behaviour: silent, a fixed
 * greeting, a greeting and then close, or a trickle of bytes. Each connection gets its own thread;
 * closing the peer closes them all.
 */
public final class FakePeer implements AutoCloseable {
  /** What the server does with one accepted connection. */
  @FunctionalInterface
  public interface Behaviour {
    void serve(Socket socket) throws IOException, InterruptedException;
  }

  private final ServerSocket server;
  private final List<Socket> connections = new CopyOnWriteArrayList<>();

  private FakePeer(ServerSocket server, Behaviour behaviour) {
    this.server = server;
    Thread acceptor = new Thread(() -> acceptLoop(behaviour), "fake-peer-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static FakePeer start(String address, Behaviour behaviour) throws IOException {
    return start(address, 0, behaviour);
  }

  /** A peer on {@code address}:{@code port} (0 for any free port). */
  public static FakePeer start(String address, int port, Behaviour behaviour) throws IOException {
    return on(new ServerSocket(port, 50, InetAddress.getByName(address)), behaviour);
  }

  /** A peer serving on {@code server}, which may be a TLS server socket. */
  public static FakePeer on(ServerSocket server, Behaviour behaviour) {
    return new FakePeer(server, behaviour);
  }

  public static FakePeer start(Behaviour behaviour) throws IOException {
    return start("127.0.0.1", behaviour);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Accepts and never sends a byte; reads what the client sends until it goes away. */
  public static Behaviour silent() {
    return FakePeer::drain;
  }

  /** Sends {@code text}, then stays open, silent. */
  public static Behaviour greeting(String text) {
    return socket -> {
      write(socket, text);
      drain(socket);
    };
  }

  /** Sends {@code text} and closes. */
  public static Behaviour greetingThenClose(String text) {
    return socket -> write(socket, text);
  }

  /** Sends {@code text} one byte every {@code millis}. */
  public static Behaviour trickle(String text, long millis) {
    return socket -> {
      OutputStream out = socket.getOutputStream();
      for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
        out.write(b);
        out.flush();
        Thread.sleep(millis);
      }
      drain(socket);
    };
  }

  /** Sends back every byte it receives. */
  public static Behaviour echo() {
    return socket -> socket.getInputStream().transferTo(socket.getOutputStream());
  }

  static void write(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    socket.getOutputStream().flush();
  }

  static void drain(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[1024];
    while (in.read(buffer) >= 0) {
      // Keep the connection open until the client closes it.
    }
  }

  private void acceptLoop(Behaviour behaviour) {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.add(socket);
        Thread worker =
            new Thread(
                () -> {
                  try (socket) {
                    behaviour.serve(socket);
                  } catch (IOException | InterruptedException e) {
                    // The client went away or the peer was closed: nothing to serve any more.
                  }
                },
                "fake-peer-connection");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : connections) {
      socket.close();
    }
  }
}
