package org.rollcall.alerts.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.rollcall.alerts.Delivery;
import org.rollcall.alerts.DeliveryException;
import org.rollcall.alerts.HostPort;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.cli.UsageException;

/**
 * Sends the mail straight to an SMTP server with Angus Mail: STARTTLS when offered (or required,
 * with {@code --starttls required}), the server's certificate checked against Java's trust store
 * and its name, AUTH when a user is given. Every connect, read and write is bounded by the
 * attempt's deadline, and the whole exchange too: its sockets are closed when the deadline passes.
 * A 4xx reply or a network error is retried; a 5xx reply is not.
 */
final class SmtpDelivery implements Delivery {
  /** How STARTTLS is used. */
  enum StartTls {
    OPPORTUNISTIC,
    REQUIRED,
    OFF;

    static StartTls named(String name) {
      for (StartTls mode : values()) {
        if (mode.name().equalsIgnoreCase(name)) {
          return mode;
        }
      }
      throw new UsageException("--starttls is opportunistic, required or off, not '" + name + "'");
    }
  }

  private final String host;
  private final int port;
  private final StartTls startTls;
  private final String user;
  private final String password;
  private final MimeMessage message;
  private final String recipients;

  SmtpDelivery(
      String server,
      StartTls startTls,
      String user,
      String password,
      MimeMessage message,
      String recipients) {
    HostPort parsed = HostPort.parse("--smtp", server);
    this.host = parsed.host();
    this.port = parsed.port() == null ? 25 : parsed.port();
    this.startTls = startTls;
    this.user = user;
    this.password = password;
    this.message = message;
    this.recipients = recipients;
  }

  @Override
  public String target() {
    return "smtp " + host + ":" + port;
  }

  @Override
  public String deliver(Deadline attempt) throws DeliveryException {
    String millis = Long.toString(Math.max(1, attempt.remaining().toMillis()));
    Properties properties = new Properties();
    properties.setProperty("mail.smtp.host", host);
    properties.setProperty("mail.smtp.port", Integer.toString(port));
    properties.setProperty("mail.smtp.connectiontimeout", millis);
    properties.setProperty("mail.smtp.timeout", millis);
    properties.setProperty("mail.smtp.writetimeout", millis);
    properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(startTls != StartTls.OFF));
    properties.setProperty(
        "mail.smtp.starttls.required", Boolean.toString(startTls == StartTls.REQUIRED));
    properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    properties.setProperty("mail.smtp.auth", Boolean.toString(user != null));
    String server = host + ":" + port;
    // mail.smtp.timeout bounds each read only: a server trickling a byte at a time would hold the
    // alert for ever.
    DeadlineSockets sockets = DeadlineSockets.until(attempt);
    properties.put("mail.smtp.socketFactory", sockets);
    properties.setProperty("mail.smtp.socketFactory.fallback", "false");
    try (sockets) {
      Transport transport = Session.getInstance(properties).getTransport("smtp");
      try (transport) {
        connect(transport);
        transport.sendMessage(message, message.getAllRecipients());
      }
      return "to " + recipients + " via SMTP " + server;
    } catch (SMTPSendFailedException e) {
      throw new DeliveryException(
          "SMTP server " + server + " refused the mail: " + reply(e), e.getReturnCode() < 500, e);
    } catch (SendFailedException e) {
      boolean temporary =
          e.getNextException() instanceof SMTPAddressFailedException failed
              && failed.getReturnCode() < 500;
      throw new DeliveryException(
          "SMTP server " + server + " refused the recipients: " + reply(e), temporary, e);
    } catch (AuthenticationFailedException e) {
      throw new DeliveryException(
          "SMTP server " + server + " refused the login of " + user + ": " + reply(e), false, e);
    } catch (MessagingException e) {
      throw new DeliveryException(
          "cannot send through SMTP server " + server + ": " + reply(e), true, e);
    }
  }

  /**
   * Connects and logs in; a 5xx greeting (554 "no service") is a permanent refusal, not retried, as
   * every 5xx reply is (the library reports it as a plain MessagingException, like a broken
   * connection).
   */
  private void connect(Transport transport) throws MessagingException, DeliveryException {
    try {
      transport.connect(host, port, user, password);
    } catch (AuthenticationFailedException e) {
      throw e;
    } catch (MessagingException e) {
      int code = transport instanceof SMTPTransport smtp ? smtp.getLastReturnCode() : -1;
      if (code >= 500 && code < 600) {
        throw new DeliveryException(
            "SMTP server " + host + ":" + port + " refused the session: " + reply(e), false, e);
      }
      throw e;
    }
  }

  private static String reply(Exception e) {
    Throwable cause = e.getCause() != null && e.getCause() != e ? e.getCause() : null;
    String text =
        e.getMessage()
            + (cause == null
                ? ""
                : " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")");
    return text.trim();
  }
}
