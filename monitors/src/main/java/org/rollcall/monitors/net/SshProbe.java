package org.rollcall.monitors.net;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.rollcall.core.cli.Deadline;
import org.rollcall.monitors.net.SocketReader.Received;

/**
 * ssh.monitor's check of one address: send our identification, read the server's (RFC 4253 section
 * 4.2), then say goodbye with SSH_MSG_DISCONNECT so the server logs a clean disconnect, and judge
 * the protocol and software.
 *
 * @param software pattern searched in the software version alone ({@code ^OpenSSH_9\\.2p1$} holds
 *     whatever the comment), then in the software version and comments ({@code deb12u3}), or null
 * @param minOpenSsh oldest acceptable OpenSSH release, or null
 */
public record SshProbe(Pattern software, OpenSshVersion minOpenSsh) implements AddressProbe {
  /**
   * Room for the lines a server may send before its identification; OpenSSH's own client allows
   * about as much.
   */
  static final int MAX_BYTES = 8192;

  static final byte[] IDENTIFICATION =
      "SSH-2.0-rollcall_ssh.monitor\r\n".getBytes(StandardCharsets.US_ASCII);

  @Override
  public String probe(String host, InetSocketAddress address, Deadline deadline)
      throws ProbeFailure {
    long start = System.nanoTime();
    Socket socket = TcpConnect.open(address, deadline);
    try {
      OutputStream out = socket.getOutputStream();
      out.write(IDENTIFICATION);
      out.flush();
      Received received =
          SocketReader.read(socket, deadline, MAX_BYTES, SshIdentification::complete);
      SshIdentification identification =
          identification(received, Duration.ofNanos(System.nanoTime() - start));
      SshDisconnect.send(out);
      return judge(identification);
    } catch (IOException e) {
      throw new ProbeFailure("sending our SSH identification failed: " + e.getMessage());
    } finally {
      TcpConnect.close(socket);
    }
  }

  private static SshIdentification identification(Received received, Duration waited)
      throws ProbeFailure {
    Optional<SshIdentification> found;
    try {
      found = SshIdentification.find(received.bytes(), received.length());
    } catch (IllegalArgumentException e) {
      throw new ProbeFailure(
          "bad SSH identification (" + e.getMessage() + "): " + received.preview());
    }
    if (found.isPresent()) {
      return found.get();
    }
    String got = Conversation.got(received);
    switch (received.end()) {
      case EOF:
        boolean midLine = received.length() > 0 && received.bytes()[received.length() - 1] != '\n';
        throw new ProbeFailure(
            "closed the connection "
                + (midLine ? "mid-line " : "")
                + "without an SSH identification; received "
                + got);
      case DEADLINE:
        throw new ProbeFailure(
            "no SSH identification within "
                + ParallelChecks.seconds(waited)
                + " s; received "
                + got);
      case LIMIT:
        throw new ProbeFailure("no SSH identification in the first " + got);
      default:
        throw new ProbeFailure(
            "connection failed ("
                + received.error()
                + ") before an SSH identification; "
                + "received "
                + got);
    }
  }

  private String judge(SshIdentification id) throws ProbeFailure {
    String banner = "banner \"" + id.line() + "\"";
    if (!id.protoVersion().equals("2.0") && !id.protoVersion().equals("1.99")) {
      throw new ProbeFailure("protocol " + id.protoVersion() + ", not 2.0: " + banner);
    }
    if (software != null
        && !software.matcher(id.softwareVersion()).find()
        && !software.matcher(id.software()).find()) {
      throw new ProbeFailure(
          "software does not match --software /" + software.pattern() + "/: " + banner);
    }
    if (minOpenSsh != null) {
      Optional<OpenSshVersion> version = OpenSshVersion.inSoftware(id.softwareVersion());
      if (version.isEmpty()) {
        throw new ProbeFailure("not OpenSSH, so not --min-openssh " + minOpenSsh + ": " + banner);
      }
      if (version.get().compareTo(minOpenSsh) < 0) {
        throw new ProbeFailure(
            "OpenSSH "
                + version.get()
                + " is older than --min-openssh "
                + minOpenSsh
                + ": "
                + banner);
      }
    }
    return id.software() + " (protocol " + id.protoVersion() + ")";
  }
}
