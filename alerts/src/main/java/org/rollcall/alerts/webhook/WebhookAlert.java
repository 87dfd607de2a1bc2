package org.rollcall.alerts.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import org.rollcall.alerts.AbstractAlert;
import org.rollcall.alerts.Alert;
import org.rollcall.alerts.Delivery;
import org.rollcall.alerts.Secrets;
import org.rollcall.alerts.SecretsOption;
import org.rollcall.core.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** webhook.alert: POSTs the alert to an HTTP endpoint: generic JSON, Slack, Mattermost or ntfy. */
@Command(
    name = "webhook.alert",
    header = "POST an alert to a webhook (JSON, Slack, Mattermost, ntfy)",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "POSTs the alert to the URL in --url-file FILE, else $ROLLCALL_WEBHOOK_URL, else"
          + " WEBHOOK_URL= in the --secrets file; never an argument, since such URLs hold tokens."
          + " --format generic (JSON), slack, mattermost or ntfy. WEBHOOK_TOKEN, from the"
          + " environment or the --secrets file, adds 'Authorization: Bearer TOKEN'.",
      "",
      "Example, in mon.cf:",
      "",
      "  alert webhook.alert --format slack --url-file /etc/rollcall/slack.url"
    })
public final class WebhookAlert extends AbstractAlert {
  @Option(
      names = "--url-file",
      paramLabel = "FILE",
      description = "A file holding the URL (only its owner may read it, as for --secrets).")
  Path urlFile;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "generic",
      description = "generic, slack, mattermost or ntfy (default: ${DEFAULT-VALUE}).")
  String format;

  @Mixin SecretsOption secrets = new SecretsOption();

  @Override
  protected Delivery delivery(Alert alert) {
    WebhookPayload.Format chosen = WebhookPayload.format(format);
    String text =
        urlFile != null
            ? urlFromFile()
            : secrets.require("WEBHOOK_URL", "webhook.alert without --url-file", env);
    URI url;
    try {
      url = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new UsageException("the webhook URL is not a URL (" + e.getReason() + ")");
    }
    if (url.getScheme() == null || !url.getScheme().matches("https?") || url.getHost() == null) {
      throw new UsageException("the webhook URL must be http:// or https:// with a host");
    }
    return new HttpDelivery(
        url,
        WebhookPayload.of(chosen, alert),
        secrets.find("WEBHOOK_TOKEN", env),
        chosen.name().toLowerCase(Locale.ROOT));
  }

  private String urlFromFile() {
    try {
      return Secrets.readPrivate(urlFile).stream()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .findFirst()
          .orElseThrow(() -> new UsageException("--url-file " + urlFile + " holds no URL"));
    } catch (IOException e) {
      throw new UsageException("cannot read --url-file " + urlFile + ": " + e.getMessage());
    }
  }
}
