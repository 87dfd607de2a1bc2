package org.rollcall.monitors.peers;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * Ports that misbehave at the TCP or UDP level: closed, and filtered (a listener whose queue is
 * full).
 */
public final class Ports {
  private Ports() {}

  /** A TCP port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
  public static int closedTcp() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return probe.getLocalPort();
    }
  }

  /** A UDP port on 127.0.0.1 that nothing listens on. */
  public static int closedUdp() throws IOException {
    try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
      return probe.getLocalPort();
    }
  }

  /**
   * A listener that never accepts, with its backlog filled until the kernel drops further SYNs: a
   * connect to it gets no SYN-ACK, as behind a firewall that drops packets. Close it when done.
   */
  public static final class Filtered implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> fillers = new ArrayList<>();

    public Filtered() throws IOException {
      server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
      for (int i = 0; i < 8; i++) {
        Socket filler = new Socket();
        try {
          filler.connect(new InetSocketAddress("127.0.0.1", server.getLocalPort()), 300);
          fillers.add(filler);
        } catch (SocketTimeoutException full) {
          filler.close();
          return;
        }
      }
      throw new IllegalStateException(
          "the listen queue never filled up; cannot simulate a filtered port");
    }

    public int port() {
      return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      for (Socket filler : fillers) {
        filler.close();
      }
      server.close();
    }
  }
}
