package org.rollcall.alerts.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.rollcall.alerts.Delivery;
import org.rollcall.alerts.DeliveryException;
import org.rollcall.core.cli.Deadline;

/**
 * POSTs a payload with {@code java.net.http}, connect and response both bounded by the attempt's
 * deadline, redirects not followed (a POST must not wander). 2xx is delivered; 408, 429 and 5xx are
 * retried; another 4xx is not. The URL (which may hold a token) is never printed whole: only its
 * scheme, host and port.
 */
final class HttpDelivery implements Delivery {
  private static final int MAX_REPLY = 200;
  private static final Duration REPLY_WAIT = Duration.ofSeconds(1);

  private final URI url;
  private final WebhookPayload payload;
  private final String bearerToken;
  private final String formatName;

  @Override
  public String target() {
    return "http " + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
  }

  HttpDelivery(URI url, WebhookPayload payload, String bearerToken, String formatName) {
    this.url = url;
    this.payload = payload;
    this.bearerToken = bearerToken;
    this.formatName = formatName;
  }

  /**
   * "https://hooks.example.org:8443/..." : where it goes, without the path that may be the secret.
   */
  static String redacted(URI url) {
    return url.getScheme()
        + "://"
        + url.getHost()
        + (url.getPort() < 0 ? "" : ":" + url.getPort())
        + "/...";
  }

  @Override
  public String deliver(Deadline attempt) throws DeliveryException, InterruptedException {
    Duration left = attempt.remaining();
    if (left.isZero()) {
      throw new DeliveryException("no time left to POST to " + redacted(url), false);
    }
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(left)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(left)
            .header("Content-Type", payload.contentType())
            .header("User-Agent", "rollcall webhook.alert")
            .POST(HttpRequest.BodyPublishers.ofString(payload.body(), StandardCharsets.UTF_8));
    payload.headers().forEach(request::header);
    if (bearerToken != null) {
      request.header("Authorization", "Bearer " + bearerToken);
    }
    HttpResponse<InputStream> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new DeliveryException(
          "no answer from " + redacted(url) + " within " + left.toMillis() + " ms", true, e);
    } catch (IOException e) {
      throw new DeliveryException(
          "cannot POST to "
              + redacted(url)
              + ": "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()),
          true,
          e);
    }
    int status = response.statusCode();
    String reply = status / 100 == 2 ? "" : replyText(response.body(), attempt);
    closeQuietly(response.body());
    if (status / 100 != 2) {
      throw new DeliveryException(
          redacted(url) + " answered HTTP " + status + (reply.isEmpty() ? "" : ": " + reply),
          status >= 500 || status == 408 || status == 429);
    }
    return "to " + redacted(url) + " (" + formatName + ", HTTP " + status + ")";
  }

  /**
   * The start of a refusal's body, for the reason line: at most {@link #MAX_REPLY} bytes, waited
   * for at most {@link #REPLY_WAIT} (the status has already said what matters). A body that never
   * ends, or trickles, must not hold the alert past its deadline or fill its memory.
   */
  private static String replyText(InputStream body, Deadline attempt) throws InterruptedException {
    CompletableFuture<byte[]> read =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return body.readNBytes(MAX_REPLY + 1);
              } catch (IOException e) {
                return new byte[0];
              }
            });
    Duration wait =
        attempt.remaining().compareTo(REPLY_WAIT) < 0 ? attempt.remaining() : REPLY_WAIT;
    try {
      byte[] bytes = read.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      String text =
          new String(bytes, 0, Math.min(bytes.length, MAX_REPLY), StandardCharsets.UTF_8).strip();
      return bytes.length > MAX_REPLY ? text + "..." : text;
    } catch (TimeoutException | ExecutionException e) {
      return "";
    }
  }

  private static void closeQuietly(InputStream body) {
    try {
      body.close();
    } catch (IOException e) {
      // Only the connection's end: the answer is already known.
    }
  }
}
