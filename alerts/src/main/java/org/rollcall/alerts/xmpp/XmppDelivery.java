package org.rollcall.alerts.xmpp;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.SimpleIQ;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.EntityBareJid;
import org.rollcall.alerts.Delivery;
import org.rollcall.alerts.DeliveryException;
import org.rollcall.alerts.LocalHost;
import org.rollcall.core.cli.Deadline;

/**
 * Logs in to the account's XMPP server with Smack (TLS required, the certificate and host name
 * checked), sends one chat message to each recipient, then pings the server and waits for its
 * answer: the server handles stanzas in order, so the answer means it has taken every message.
 * Smack escapes the body for XML; the text given must hold no control characters XML forbids (it is
 * escaped before).
 */
final class XmppDelivery implements Delivery {
  private final EntityBareJid account;
  private final String password;
  private final String host;
  private final Integer port;
  private final X509TrustManager tls;
  private final List<EntityBareJid> recipients;
  private final String body;

  @Override
  public String target() {
    return "xmpp " + (host != null ? host : account.getDomain()) + (port == null ? "" : ":" + port);
  }

  XmppDelivery(
      EntityBareJid account,
      String password,
      String host,
      Integer port,
      X509TrustManager tls,
      List<EntityBareJid> recipients,
      String body) {
    this.account = account;
    this.password = password;
    this.host = host;
    this.port = port;
    this.tls = tls;
    this.recipients = recipients;
    this.body = body;
  }

  /** urn:xmpp:ping (XEP-0199), sent to the server to know it has processed what came before. */
  private static final class Ping extends SimpleIQ {
    Ping() {
      super("ping", "urn:xmpp:ping");
      setType(IQ.Type.get);
    }
  }

  @Override
  public String deliver(Deadline attempt) throws DeliveryException, InterruptedException {
    int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, attempt.remaining().toMillis()));
    String where =
        account.asDomainBareJid()
            + (host == null ? "" : " at " + host + (port == null ? "" : ":" + port));
    XMPPTCPConnection connection;
    try {
      XMPPTCPConnectionConfiguration.Builder config =
          XMPPTCPConnectionConfiguration.builder()
              .setUsernameAndPassword(account.getLocalpart(), password)
              .setXmppDomain(account.asDomainBareJid())
              .setResource("rollcall-" + LocalHost.name())
              .setSecurityMode(SecurityMode.required)
              .setConnectTimeout(millis)
              .setSendPresence(false);
      if (host != null) {
        config.setHost(host);
      }
      if (port != null) {
        config.setPort(port);
      }
      if (tls != null) {
        config.setCustomX509TrustManager(tls);
      }
      connection = new XMPPTCPConnection(config.build());
      connection.setReplyTimeout(millis);
    } catch (IOException e) {
      throw new DeliveryException(
          "bad XMPP settings for " + account + ": " + e.getMessage(), false, e);
    }
    try {
      connection.connect().login();
      for (EntityBareJid to : recipients) {
        connection.sendStanza(
            connection
                .getStanzaFactory()
                .buildMessageStanza()
                .to(to)
                .ofType(Message.Type.chat)
                .setBody(body)
                .build());
      }
      try {
        connection.sendIqRequestAndWaitForResponse(new Ping());
      } catch (XMPPException.XMPPErrorException e) {
        // An error answer (a server without XEP-0199) still comes after the messages were handled.
      }
      return "to "
          + recipients.stream().map(Object::toString).collect(Collectors.joining(","))
          + " via XMPP "
          + where;
    } catch (SASLErrorException e) {
      throw new DeliveryException(
          "XMPP server " + where + " refused the login of " + account + ": " + e.getMessage(),
          false,
          e);
    } catch (SmackException | IOException | XMPPException e) {
      throw new DeliveryException(
          "cannot send through XMPP server " + where + ": " + describe(e), true, e);
    } finally {
      connection.disconnect();
    }
  }

  private static String describe(Exception e) {
    String text =
        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    Throwable cause = e.getCause();
    return cause == null || cause == e
        ? text
        : text + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
  }
}
