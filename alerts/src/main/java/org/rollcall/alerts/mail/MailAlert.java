package org.rollcall.alerts.mail;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.rollcall.alerts.AbstractAlert;
import org.rollcall.alerts.Alert;
import org.rollcall.alerts.Delivery;
import org.rollcall.alerts.LocalHost;
import org.rollcall.alerts.MailMessage;
import org.rollcall.alerts.SecretsOption;
import org.rollcall.core.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * mail.alert: mails the alert, as mon's mail.alert does (same flags, subject and body), through the
 * local sendmail or straight to an SMTP server.
 */
@Command(
    name = "mail.alert",
    header = "Mail an alert through sendmail or SMTP",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Mails the alert to each ADDRESS, as mon's own mail.alert does: 'Subject: ALERT"
          + " group/service: summary (date)', through '/usr/sbin/sendmail -oi -t', or over SMTP"
          + " with --smtp (STARTTLS whenever the server offers it). The SMTP password comes from"
          + " $ROLLCALL_SMTP_PASSWORD or SMTP_PASSWORD= in the --secrets file, never an argument.",
      "",
      "Examples, in mon.cf:",
      "",
      "  alert mail.alert -f mon@example.org root ops@example.org",
      "  alert mail.alert --smtp smtp.example.org:587 --smtp-user mon root@example.org"
    })
public final class MailAlert extends AbstractAlert {
  @Option(
      names = "-f",
      paramLabel = "FROM",
      description = "The sender address (envelope and From:); one bare address.")
  String from;

  @Option(
      names = "--sendmail",
      paramLabel = "PATH",
      defaultValue = "/usr/sbin/sendmail",
      description = "The sendmail program (default: ${DEFAULT-VALUE}).")
  Path sendmail;

  @Option(
      names = "--smtp",
      paramLabel = "HOST[:PORT]",
      description =
          "Send over SMTP to this server instead of sendmail (port 25 by default; [::1]:25 for IPv6).")
  String smtp;

  @Option(
      names = "--starttls",
      paramLabel = "MODE",
      defaultValue = "opportunistic",
      description =
          "With --smtp: opportunistic (when offered), required, or off (default: ${DEFAULT-VALUE}).")
  String startTls;

  @Option(
      names = "--smtp-user",
      paramLabel = "USER",
      description = "With --smtp: log in (AUTH) as USER.")
  String smtpUser;

  @Mixin SecretsOption secrets = new SecretsOption();

  @Parameters(
      paramLabel = "ADDRESS",
      description = "Recipients, each one bare address: user or user@domain.")
  List<String> recipients = new ArrayList<>();

  @Override
  protected Delivery delivery(Alert alert) {
    if (recipients.isEmpty()) {
      throw new UsageException("no recipient ADDRESS given, e.g. mail.alert -s ps -g local root");
    }
    List<InternetAddress> to = recipients.stream().map(MailMessage::address).toList();
    InternetAddress sender = from == null ? null : MailMessage.address(from);
    String toText = to.stream().map(InternetAddress::getAddress).collect(Collectors.joining(","));
    if (smtp == null) {
      MimeMessage message = MailMessage.of(alert, sender, to, ZoneId.systemDefault());
      return new SendmailDelivery(
          sendmail, sender == null ? null : sender.getAddress(), message, toText);
    }
    if (sender == null) {
      sender = MailMessage.address("mon@" + LocalHost.name());
    }
    String password = null;
    if (smtpUser != null) {
      password = secrets.require("SMTP_PASSWORD", "--smtp-user " + smtpUser, env);
    }
    MimeMessage message = MailMessage.of(alert, sender, to, ZoneId.systemDefault());
    return new SmtpDelivery(
        smtp, SmtpDelivery.StartTls.named(startTls), smtpUser, password, message, toText);
  }
}
