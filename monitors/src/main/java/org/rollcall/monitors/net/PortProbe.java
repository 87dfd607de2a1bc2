package org.rollcall.monitors.net;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import org.rollcall.core.cli.Deadline;

/**
 * port.monitor's check of one address: connect (TCP, or a UDP exchange), optionally TLS with the
 * certificate's remaining days, optionally send bytes and expect a pattern back.
 *
 * @param send bytes to send after connecting, or null
 * @param expect pattern to find in what the peer sends, or null
 * @param certDays fewest days the TLS certificate must still be valid, or null
 */
public record PortProbe(
    boolean udp,
    boolean tls,
    boolean insecure,
    Integer certDays,
    byte[] send,
    Pattern expect,
    int maxBytes)
    implements AddressProbe {

  @Override
  public String probe(String host, InetSocketAddress address, Deadline deadline)
      throws ProbeFailure {
    if (udp) {
      return UdpExchange.exchange(address, send, expect, maxBytes, deadline);
    }
    Socket socket = TcpConnect.open(address, deadline);
    try {
      List<String> said = new ArrayList<>(List.of(address.getPort() + "/tcp open"));
      if (tls) {
        SSLSocket secured = TlsHandshake.start(socket, host, insecure, deadline);
        socket = secured;
        said.add(
            "TLS "
                + secured.getSession().getProtocol()
                + ", "
                + TlsHandshake.validity(peerCertificate(secured), certDays, Instant.now()));
      }
      String matched = Conversation.talk(socket, send, expect, maxBytes, deadline);
      if (matched != null) {
        said.add(matched);
      }
      return String.join(", ", said);
    } finally {
      TcpConnect.close(socket);
    }
  }

  private static X509Certificate peerCertificate(SSLSocket socket) throws ProbeFailure {
    try {
      return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    } catch (SSLPeerUnverifiedException | ClassCastException e) {
      throw new ProbeFailure("TLS peer sent no X.509 certificate");
    }
  }
}
