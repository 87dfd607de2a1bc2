package org.rollcall.alerts.xmpp;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.rollcall.alerts.AbstractAlert;
import org.rollcall.alerts.Alert;
import org.rollcall.alerts.Delivery;
import org.rollcall.alerts.HostPort;
import org.rollcall.alerts.MailMessage;
import org.rollcall.alerts.SecretsOption;
import org.rollcall.alerts.UntrustedText;
import org.rollcall.core.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * xmpp.alert: sends the alert as an XMPP (Jabber) chat message, as mon's mailxmpp.alert does
 * through sendxmpp, but with a real client: TLS required, the server's certificate checked.
 */
@Command(
    name = "xmpp.alert",
    header = "Send an alert as an XMPP chat message",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Sends the alert as an XMPP chat message to each JID (-x JID,JID... as mon's"
          + " mailxmpp.alert takes them, or as arguments), logged in as --from JID with the"
          + " password from $ROLLCALL_XMPP_PASSWORD or XMPP_PASSWORD= in the --secrets file. TLS"
          + " is required; the server comes from DNS SRV records unless --server names it.",
      "",
      "Example, in mon.cf:",
      "",
      "  alert xmpp.alert --from mon@example.org -x ops@example.org,oncall@example.org"
    })
public final class XmppAlert extends AbstractAlert {
  @Option(
      names = "-x",
      paramLabel = "JID[,JID...]",
      description = "Recipients, comma-separated; may be repeated.")
  List<String> recipientLists = new ArrayList<>();

  @Option(
      names = "--from",
      paramLabel = "JID",
      description = "The account to log in as, e.g. mon@example.org.")
  String from;

  @Option(
      names = "--server",
      paramLabel = "HOST[:PORT]",
      description = "Connect here instead of the server DNS names for the account's domain.")
  String server;

  @Option(
      names = "--ca-file",
      paramLabel = "PEM",
      description =
          "Trust only the CA certificates in this file (a private CA) instead of Java's trust store.")
  Path caFile;

  @Mixin SecretsOption secrets = new SecretsOption();

  @Parameters(paramLabel = "JID", description = "More recipients.")
  List<String> recipientArguments = new ArrayList<>();

  @Override
  protected Delivery delivery(Alert alert) {
    List<EntityBareJid> recipients = new ArrayList<>();
    recipientLists.forEach(
        list ->
            Arrays.stream(list.split(","))
                .filter(s -> !s.isBlank())
                .forEach(jid -> recipients.add(jid(jid.strip()))));
    recipientArguments.forEach(jid -> recipients.add(jid(jid)));
    if (recipients.isEmpty()) {
      throw new UsageException("no recipient given: -x ops@example.org");
    }
    if (from == null) {
      throw new UsageException("no account given: --from mon@example.org");
    }
    EntityBareJid account = jid(from);
    String password = secrets.require("XMPP_PASSWORD", "logging in as " + account, env);
    HostPort hostPort =
        server == null ? new HostPort(null, null) : HostPort.parse("--server", server);
    String text =
        UntrustedText.forXml(
            MailMessage.subject(alert, ZoneId.systemDefault())
                + "\n"
                + MailMessage.body(alert, ZoneId.systemDefault()));
    return new XmppDelivery(
        account,
        password,
        hostPort.host(),
        hostPort.port(),
        caFile == null ? null : TrustedCertificates.from(caFile),
        recipients,
        text);
  }

  private static EntityBareJid jid(String text) {
    try {
      return JidCreate.entityBareFrom(text);
    } catch (XmppStringprepException | IllegalArgumentException e) {
      throw new UsageException("bad XMPP address '" + text + "': " + e.getMessage());
    }
  }
}
