package org.rollcall.monitors.peers;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Many hosts on loopback (127.0.0.2, 127.0.0.3, ...: Linux routes all of 127/8 to lo), all on one
 * port as a hostgroup is, each misbehaving in one way. Every kind is checked when the hosts are
 * made: a refusing address refuses, a blackhole lets a connect hang (a listener whose accept queue
 * is full and never accepted: Linux then drops SYNs, as a firewall would).
 */
public final class HostileHosts implements AutoCloseable {
  /** How one host treats a connection. */
  public enum Kind {
    /** Sends the healthy greeting. */
    HEALTHY,
    /** Accepts and never sends a byte. */
    STALL,
    /** Sends one byte a second, never a whole greeting or line. */
    TRICKLE,
    /** Accepts, then resets the connection (SO_LINGER 0). */
    RESET,
    /** Nothing listens: the SYN gets an RST. */
    REFUSE,
    /** SYNs are never answered: the connect hangs. */
    BLACKHOLE
  }

  private static final int ATTEMPTS = 20;

  /** A connect on loopback that gets no SYN-ACK in this long never will: the queue is full. */
  private static final int FILL_MILLIS = 100;

  private static final int PROOF_MILLIS = 300;

  private final int port;
  private final Map<String, Kind> hosts = new LinkedHashMap<>();
  private final List<Peer> peers = new ArrayList<>();

  /**
   * {@code count} hosts from 127.0.0.2 up, their kinds in turn; a healthy host sends {@code
   * greeting}, a trickling one {@code trickle} one byte a second.
   */
  public HostileHosts(int count, String greeting, String trickle) throws Exception {
    port = startAll(count, greeting, trickle);
    proveRefusedAndBlackholed();
  }

  private int startAll(int count, String greeting, String trickle) throws Exception {
    Kind[] kinds = Kind.values();
    for (int attempt = 1; ; attempt++) {
      int candidate = Ports.closedTcp();
      try {
        for (int i = 0; i < count; i++) {
          String address = "127.0.0." + (i + 2);
          hosts.put(address, kinds[i % kinds.length]);
          peers.add(start(address, candidate, kinds[i % kinds.length], greeting, trickle));
        }
        return candidate;
      } catch (BindException taken) {
        // Another program holds this port on one of the addresses: try another port.
        close();
        hosts.clear();
        if (attempt == ATTEMPTS) {
          throw taken;
        }
      }
    }
  }

  public int port() {
    return port;
  }

  /** The hosts' addresses in order, each with its kind. */
  public Map<String, Kind> hosts() {
    return hosts;
  }

  /** The addresses of the hosts of {@code kind}. */
  public List<String> of(Kind kind) {
    return hosts.entrySet().stream()
        .filter(e -> e.getValue() == kind)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static Peer start(String address, int port, Kind kind, String greeting, String trickle)
      throws Exception {
    return switch (kind) {
      case HEALTHY -> FakePeer.start(address, port, FakePeer.greeting(greeting))::close;
      case STALL -> FakePeer.start(address, port, FakePeer.silent())::close;
      case TRICKLE -> FakePeer.start(address, port, FakePeer.trickle(trickle, 1000))::close;
      case RESET -> FakePeer.start(address, port, socket -> socket.setSoLinger(true, 0))::close;
      case REFUSE -> {
        // Binding proves no wildcard listener holds the port on this address; closing leaves
        // nothing listening.
        new ServerSocket(port, 1, InetAddress.getByName(address)).close();
        yield () -> {};
      }
      case BLACKHOLE -> new Blackhole(address, port)::close;
    };
  }

  /**
   * Connects once to every refusing and blackholed host, at once: refused, and hanging, or the test
   * is void.
   */
  private void proveRefusedAndBlackholed() {
    List<CompletableFuture<Void>> proofs = new ArrayList<>();
    for (String address : of(Kind.REFUSE)) {
      proofs.add(CompletableFuture.runAsync(() -> expect(address, ConnectException.class)));
    }
    for (String address : of(Kind.BLACKHOLE)) {
      proofs.add(CompletableFuture.runAsync(() -> expect(address, SocketTimeoutException.class)));
    }
    proofs.forEach(CompletableFuture::join);
  }

  private void expect(String address, Class<? extends IOException> failure) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), PROOF_MILLIS);
      throw new IllegalStateException(
          address + ":" + port + " accepted a connection; expected " + failure);
    } catch (IOException e) {
      if (!failure.isInstance(e)) {
        throw new IllegalStateException(
            address + ":" + port + " failed with " + e + "; expected " + failure, e);
      }
    }
  }

  @Override
  public void close() throws IOException {
    for (Peer peer : peers) {
      peer.close();
    }
    peers.clear();
  }

  /** One host's server, closed with the others. */
  @FunctionalInterface
  private interface Peer {
    void close() throws IOException;
  }

  /**
   * A listener that never accepts, its accept queue filled by connections of our own until a
   * further connect times out: from then on the kernel drops every SYN to it.
   */
  private static final class Blackhole {
    private final ServerSocket server;
    private final List<Socket> fillers = new ArrayList<>();

    Blackhole(String address, int port) throws IOException {
      server = new ServerSocket(port, 1, InetAddress.getByName(address));
      for (int i = 0; i < 8; i++) {
        Socket filler = new Socket();
        try {
          filler.connect(new InetSocketAddress(address, port), FILL_MILLIS);
          fillers.add(filler);
        } catch (SocketTimeoutException full) {
          filler.close();
          return;
        }
      }
      close();
      throw new IllegalStateException(
          "the accept queue of " + address + ":" + port + " never filled up");
    }

    void close() throws IOException {
      for (Socket filler : fillers) {
        filler.close();
      }
      server.close();
    }
  }
}
