package org.rollcall.alerts.webhook;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.rollcall.alerts.Alert;
import org.rollcall.alerts.AlertKind;
import org.rollcall.alerts.LocalHost;
import org.rollcall.alerts.MonTime;
import org.rollcall.alerts.UntrustedText;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.text.SafeText;

/**
 * What webhook.alert POSTs, for each {@code --format}: a generic JSON object, the {@code {"text":
 * ...}} that Slack and Mattermost incoming webhooks take, or ntfy's plain-text body with
 * Title/Priority/Tags headers.
 */
record WebhookPayload(String contentType, String body, Map<String, String> headers) {
  /** The formats webhook.alert speaks. */
  enum Format {
    GENERIC,
    SLACK,
    MATTERMOST,
    NTFY
  }

  static Format format(String name) {
    try {
      return Format.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "--format is generic, slack, mattermost or ntfy, not '" + name + "'");
    }
  }

  static WebhookPayload of(Format format, Alert alert) {
    return switch (format) {
      case GENERIC -> new WebhookPayload("application/json", generic(alert), Map.of());
      case SLACK -> new WebhookPayload("application/json", chat(alert, true), Map.of());
      case MATTERMOST -> new WebhookPayload("application/json", chat(alert, false), Map.of());
      case NTFY -> ntfy(alert);
    };
  }

  private static String generic(Alert alert) {
    return new Json()
        .put("summary", SafeText.escape(alert.summary()))
        .put("details", UntrustedText.lines(alert.details()))
        .put("group", alert.group())
        .put("service", alert.service())
        .put(
            "hosts",
            Arrays.stream(alert.hosts().trim().split("\\s+")).filter(h -> !h.isEmpty()).toList())
        .put("time", alert.time())
        .put("time_iso", Instant.ofEpochSecond(alert.time()).toString())
        .put("alert_type", alert.kind().monName())
        .put("opstatus", alert.opStatus())
        .put("retval", alert.retval())
        .put("description", alert.description())
        .put("source", LocalHost.name())
        .toString();
  }

  /**
   * A chat message: the headline in bold, the details in a code block (where neither Slack nor
   * Mattermost expands mentions or links). Slack's control characters {@code & < >} are escaped as
   * it asks.
   */
  private static String chat(Alert alert, boolean slack) {
    String details = UntrustedText.lines(alert.details()).strip().replace("```", "'''");
    String text =
        (slack ? "*" : "**")
            + alert.headline().replace("*", "\\*")
            + (slack ? "*" : "**")
            + " ("
            + MonTime.shortForm(alert.time(), ZoneId.systemDefault())
            + ")"
            + (details.isEmpty() ? "" : "\n```\n" + details + "\n```");
    if (slack) {
      text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
    return new Json().put("text", text).toString();
  }

  private static WebhookPayload ntfy(Alert alert) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Title", encodedWord(alert.headline()));
    headers.put("Priority", alert.kind() == AlertKind.FAILURE ? "high" : "default");
    headers.put(
        "Tags",
        alert.kind() == AlertKind.FAILURE
            ? "rotating_light"
            : alert.kind() == AlertKind.UP ? "white_check_mark" : "information_source");
    String details = UntrustedText.lines(alert.details()).strip();
    return new WebhookPayload(
        "text/plain; charset=utf-8", details.isEmpty() ? alert.headline() : details, headers);
  }

  /**
   * HTTP headers are ASCII: ntfy decodes RFC 2047 encoded words, as mail does. Long text comes back
   * folded into several words on several lines; a space between them is enough (RFC 2047 drops it).
   */
  private static String encodedWord(String text) {
    try {
      return MimeUtility.encodeText(text, "UTF-8", "B").replaceAll("\\r?\\n[ \\t]*", " ");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("every JDK has UTF-8", e);
    }
  }
}
