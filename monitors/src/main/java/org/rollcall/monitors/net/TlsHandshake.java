package org.rollcall.monitors.net;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.rollcall.core.cli.Deadline;

/**
 * TLS on a connected socket: the handshake within the deadline, verified against the system trust
 * store and the host's name unless insecure, and the server certificate's remaining validity.
 */
final class TlsHandshake {
  static final long HANDSHAKE_RESERVE_MILLIS = 200;

  private TlsHandshake() {}

  /** The TLS socket after a completed handshake; closing it closes {@code plain}. */
  static SSLSocket start(Socket plain, String host, boolean insecure, Deadline deadline)
      throws ProbeFailure {
    try {
      SSLContext context = insecure ? trustingEverything() : SSLContext.getDefault();
      SSLSocket tls =
          (SSLSocket)
              context.getSocketFactory().createSocket(plain, bare(host), plain.getPort(), true);
      if (!insecure) {
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
      }
      // Measured only now: loading the trust store the first time takes a noticeable part of a
      // short deadline.
      // The reserve covers JSSE's own work around the read (a cold ClientHello costs about 100 ms).
      long millis = deadline.remaining().toMillis() - HANDSHAKE_RESERVE_MILLIS;
      if (millis <= 0) {
        throw new ProbeFailure("no time left for the TLS handshake (--timeout)");
      }
      tls.setSoTimeout((int) Math.min(millis, Integer.MAX_VALUE));
      tls.startHandshake();
      return tls;
    } catch (SocketTimeoutException e) {
      throw new ProbeFailure(
          "TLS handshake timed out (the peer connected but did not complete it)");
    } catch (IOException | GeneralSecurityException e) {
      throw new ProbeFailure(
          "TLS handshake failed: "
              + rootMessage(e)
              + (insecure ? "" : " (--insecure skips certificate verification)"));
    }
  }

  /**
   * The certificate's validity in words, e.g. "certificate CN=www valid until 2027-01-01T00:00:00Z
   * (40 days left)"; fails when it has expired or fewer than {@code minDays} whole days remain.
   */
  static String validity(X509Certificate certificate, Integer minDays, Instant now)
      throws ProbeFailure {
    Instant notAfter = certificate.getNotAfter().toInstant().truncatedTo(ChronoUnit.SECONDS);
    String subject = certificate.getSubjectX500Principal().getName();
    long days = Math.floorDiv(Duration.between(now, notAfter).toSeconds(), 86_400);
    if (notAfter.isBefore(now)) {
      long ago = Duration.between(notAfter, now).toDays();
      throw new ProbeFailure(
          "certificate " + subject + " expired at " + notAfter + " (" + ago + " whole days ago)");
    }
    if (minDays != null && days < minDays) {
      throw new ProbeFailure(
          "certificate "
              + subject
              + " expires at "
              + notAfter
              + ", in "
              + days
              + " days: fewer than --cert-days "
              + minDays);
    }
    return "certificate " + subject + " valid until " + notAfter + " (" + days + " days left)";
  }

  private static String bare(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /**
   * --insecure: the handshake still happens and the certificate is still read, but nothing is
   * verified.
   */
  private static SSLContext trustingEverything() throws GeneralSecurityException {
    TrustManager everything =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {everything}, null);
    return context;
  }
}
