package org.rollcall.monitors.net;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.regex.Pattern;
import org.rollcall.core.cli.Deadline;
import org.rollcall.monitors.net.SocketReader.Received;

/**
 * port.monitor's --send and --expect on a connected stream: send the bytes, then look for the
 * pattern.
 */
final class Conversation {
  private Conversation() {}

  /**
   * Sends {@code send} (if any), then reads until {@code expect} (if any) is found in what the peer
   * sent.
   *
   * @return what matched, for the OK line, or null when nothing was expected
   */
  static String talk(Socket socket, byte[] send, Pattern expect, int maxBytes, Deadline deadline)
      throws ProbeFailure {
    long start = System.nanoTime();
    if (send != null) {
      try {
        socket.getOutputStream().write(send);
        socket.getOutputStream().flush();
      } catch (IOException e) {
        throw new ProbeFailure("sending " + send.length + " bytes failed: " + e.getMessage());
      }
    }
    if (expect == null) {
      return null;
    }
    Received received =
        SocketReader.read(
            socket,
            deadline,
            maxBytes,
            (data, length) -> expect.matcher(PeerText.of(data, length)).find());
    String wanted = "expected /" + expect.pattern() + "/";
    String seconds = ParallelChecks.seconds(Duration.ofNanos(System.nanoTime() - start));
    switch (received.end()) {
      case ENOUGH:
        return "/" + expect.pattern() + "/ matched";
      case EOF:
        throw new ProbeFailure(
            wanted + ", but the peer closed the connection; received " + got(received));
      case LIMIT:
        throw new ProbeFailure(
            wanted + ", not found in the first " + got(received) + " (--max-bytes)");
      case DEADLINE:
        throw new ProbeFailure(
            wanted + ", timed out after " + seconds + " s; received " + got(received));
      default:
        throw new ProbeFailure(
            wanted
                + ", the connection failed ("
                + received.error()
                + "); received "
                + got(received));
    }
  }

  /** {@code nothing}, or {@code 12 bytes: "SSH-2.0-Open"}. */
  static String got(Received received) {
    if (received.length() == 0) {
      return "nothing";
    }
    return (received.length() == 1 ? "1 byte" : received.length() + " bytes")
        + ": "
        + received.preview();
  }
}
