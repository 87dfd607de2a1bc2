package org.rollcall.alerts.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import javax.net.SocketFactory;
import org.rollcall.core.cli.Deadline;

/**
 * Sockets for a library that only knows per-read timeouts (Angus Mail's {@code mail.smtp.timeout}):
 * a server that trickles a byte a second resets such a timeout for ever. Every socket made here is
 * closed when the deadline passes, which ends whatever read or write the library is blocked in;
 * {@link #close} ends the watch.
 */
final class DeadlineSockets extends SocketFactory implements AutoCloseable {
  private final List<Socket> sockets = new ArrayList<>();
  private final Thread watch;
  private boolean closed;

  private DeadlineSockets(Deadline deadline) {
    watch =
        new Thread(
            () -> {
              try {
                deadline.sleep(deadline.remaining());
              } catch (InterruptedException e) {
                return;
              }
              closeSockets();
            },
            "rollcall-socket-deadline");
    watch.setDaemon(true);
    watch.start();
  }

  /** A factory whose sockets are closed at {@code deadline}. */
  static DeadlineSockets until(Deadline deadline) {
    return new DeadlineSockets(deadline);
  }

  @Override
  public Socket createSocket() throws IOException {
    return track(new Socket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return track(new Socket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return track(new Socket(host, port, localAddress, localPort));
  }

  @Override
  public Socket createSocket(InetAddress address, int port) throws IOException {
    return track(new Socket(address, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return track(new Socket(address, port, localAddress, localPort));
  }

  private Socket track(Socket socket) throws IOException {
    synchronized (sockets) {
      if (closed) {
        socket.close();
        throw new IOException("the deadline has passed");
      }
      sockets.add(socket);
    }
    return socket;
  }

  private void closeSockets() {
    synchronized (sockets) {
      closed = true;
      for (Socket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          // Closing to stop a stalled exchange: nothing more to do with it.
        }
      }
    }
  }

  /** Stops the watch and closes any socket still open. */
  @Override
  public void close() {
    watch.interrupt();
    closeSockets();
  }
}
