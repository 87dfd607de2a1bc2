package org.rollcall.monitors.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.text.SafeText;

/**
 * port.monitor --udp: one datagram out, one reply back within the deadline. The socket is
 * connected, so the kernel reports an ICMP port-unreachable for it, which tells "nothing listens"
 * from "no answer".
 */
final class UdpExchange {
  private UdpExchange() {}

  /** What came back, for the OK line. */
  static String exchange(
      InetSocketAddress address, byte[] send, Pattern expect, int maxBytes, Deadline deadline)
      throws ProbeFailure {
    long start = System.nanoTime();
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.connect(address);
      socket.send(new DatagramPacket(send, send.length));
      ProbeProgress.connected();
      DatagramPacket reply =
          new DatagramPacket(new byte[Math.min(maxBytes, 65_535)], Math.min(maxBytes, 65_535));
      long millis = deadline.remaining().toMillis();
      if (millis <= 0) {
        throw new ProbeFailure("no time left to wait for a reply (--timeout)");
      }
      socket.setSoTimeout((int) Math.min(millis, Integer.MAX_VALUE));
      socket.receive(reply);
      String preview = BytePreview.of(reply.getData(), reply.getLength());
      if (expect != null
          && !expect.matcher(SafeText.decode(reply.getData(), 0, reply.getLength())).find()) {
        throw new ProbeFailure(
            "expected /"
                + expect.pattern()
                + "/, but the "
                + reply.getLength()
                + "-byte reply was "
                + preview);
      }
      return address.getPort()
          + "/udp replied "
          + reply.getLength()
          + " bytes"
          + (expect == null ? "" : ", /" + expect.pattern() + "/ matched");
    } catch (PortUnreachableException e) {
      throw new ProbeFailure(
          "ICMP port unreachable: nothing listens on " + address.getPort() + "/udp");
    } catch (SocketTimeoutException e) {
      throw new ProbeFailure(
          "no reply within "
              + ParallelChecks.seconds(Duration.ofNanos(System.nanoTime() - start))
              + " s to the "
              + send.length
              + " bytes sent");
    } catch (IOException e) {
      throw new ProbeFailure("UDP exchange failed: " + e.getMessage());
    }
  }
}
