package org.rollcall.alerts;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.text.SafeText;

/**
 * The mail mon's mail.alert sends, as a correct MIME message: {@code Subject: ALERT group/service:
 * summary (date)} (UTF-8 encoded words where needed), and the same body layout. The summary goes
 * into a header only escaped ({@code \r\n} becomes the four characters {@code \r\n}), so a
 * monitor's output can never add a header or a recipient; detail lines are escaped only where they
 * hold control characters.
 */
public final class MailMessage {
  private static final Pattern BARE_ADDRESS =
      Pattern.compile("[^\\s<>()\\[\\],;:\"\\\\@]+(@[A-Za-z0-9.-]+)?");

  private MailMessage() {}

  /**
   * Parses one recipient: a bare address, {@code user@domain} or a local {@code user} as mon's
   * mail.alert takes, nothing more (no list, no display name, no group, no line break).
   */
  public static InternetAddress address(String text) {
    if (!BARE_ADDRESS.matcher(text).matches()) {
      throw new UsageException(
          "bad mail address '" + text + "': one address (user or " + "user@domain) expected");
    }
    try {
      return new InternetAddress(text, false);
    } catch (AddressException e) {
      throw new UsageException("bad mail address '" + text + "': " + e.getMessage());
    }
  }

  public static String subject(Alert alert, ZoneId zone) {
    return alert.kind().subjectWord()
        + " "
        + SafeText.escape(alert.group() + "/" + alert.service())
        + ": "
        + SafeText.escape(alert.summary())
        + " ("
        + MonTime.shortForm(alert.time(), zone)
        + ")";
  }

  public static String body(Alert alert, ZoneId zone) {
    StringBuilder body =
        new StringBuilder("\n")
            .append("Group                 : ")
            .append(SafeText.escape(alert.group()))
            .append('\n')
            .append("Service               : ")
            .append(SafeText.escape(alert.service()))
            .append('\n')
            .append("Time noticed          : ")
            .append(MonTime.ctime(alert.time(), zone))
            .append('\n')
            .append("Secs until next alert : ")
            .append(SafeText.escape(alert.secondsUntilNext()))
            .append('\n')
            .append(TextWrap.members("Members               : " + SafeText.escape(alert.hosts())))
            .append('\n')
            .append("\nDetailed text (if any) follows:\n-------------------------------\n");
    body.append(UntrustedText.lines(alert.details()));
    if (alert.output().cut()) {
      body.append(
          "\n[rollcall: the monitor's output was cut: more than 1 MiB, or stdin not closed in time]\n");
    }
    return body.toString();
  }

  /** The whole message; {@code from} may be null (sendmail then sets it). */
  public static MimeMessage of(
      Alert alert, InternetAddress from, List<InternetAddress> to, ZoneId zone) {
    try {
      MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
      if (from != null) {
        message.setFrom(from);
      }
      message.setRecipients(Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
      message.setSubject(subject(alert, zone), "UTF-8");
      message.setHeader("X-Mailer", "rollcall mail.alert");
      message.setText(body(alert, zone), "UTF-8");
      message.saveChanges();
      return message;
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot build the mail: " + e.getMessage(), e);
    }
  }
}
