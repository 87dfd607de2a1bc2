package org.rollcall.monitors.peers;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;

/** A UDP socket on loopback that echoes every datagram back, or receives and never replies. */
public final class UdpPeer implements AutoCloseable {
  private final DatagramSocket socket;

  private UdpPeer(boolean echo) throws IOException {
    socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"));
    Thread loop = new Thread(() -> serve(echo), "udp-peer-" + socket.getLocalPort());
    loop.setDaemon(true);
    loop.start();
  }

  public static UdpPeer echo() throws IOException {
    return new UdpPeer(true);
  }

  public static UdpPeer silent() throws IOException {
    return new UdpPeer(false);
  }

  public int port() {
    return socket.getLocalPort();
  }

  private void serve(boolean echo) {
    byte[] buffer = new byte[2048];
    while (!socket.isClosed()) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        if (echo) {
          socket.send(
              new DatagramPacket(packet.getData(), packet.getLength(), packet.getSocketAddress()));
        }
      } catch (IOException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
