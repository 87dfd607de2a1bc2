package org.rollcall.monitors.net;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.rollcall.core.cli.Deadline;

/** Opens a TCP connection within a deadline and names the ways it can fail as a sysadmin would. */
public final class TcpConnect {
  private TcpConnect() {}

  /** A connected socket; the caller closes it. */
  public static Socket open(InetSocketAddress address, Deadline deadline) throws ProbeFailure {
    long millis = deadline.remaining().toMillis();
    if (millis <= 0) {
      throw new ProbeFailure("no time left to connect (--timeout)");
    }
    long start = System.nanoTime();
    Socket socket = new Socket();
    try {
      socket.connect(address, (int) Math.min(millis, Integer.MAX_VALUE));
      socket.setTcpNoDelay(true);
      ProbeProgress.connected();
      return socket;
    } catch (IOException e) {
      close(socket);
      throw failure(e, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private static ProbeFailure failure(IOException e, Duration waited) {
    if (e instanceof SocketTimeoutException) {
      return new ProbeFailure(
          "connect timed out after "
              + ParallelChecks.seconds(waited)
              + " s (no SYN-ACK: packets dropped by a firewall, or the listen queue is full)");
    }
    if (e instanceof ConnectException && String.valueOf(e.getMessage()).contains("refused")) {
      return new ProbeFailure("connection refused (nothing listens on the port)");
    }
    if (String.valueOf(e.getMessage()).contains("reset")) {
      // The handshake completed and the peer aborted at once (connect or the first socket option
      // saw the RST).
      return new ProbeFailure("connection reset by the peer as soon as it was accepted");
    }
    if (e instanceof NoRouteToHostException) {
      return new ProbeFailure("no route to host");
    }
    return new ProbeFailure("cannot connect: " + e.getMessage());
  }

  static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing a failed or finished probe's socket: nothing left to report.
    }
  }
}
