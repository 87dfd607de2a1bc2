package org.rollcall.alerts.xmpp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.rollcall.core.cli.UsageException;

/**
 * A trust manager trusting only the CA certificates of one PEM file ({@code --ca-file}), e.g. a
 * private CA.
 */
final class TrustedCertificates {
  private TrustedCertificates() {}

  static X509TrustManager from(Path pemFile) {
    try (InputStream in = Files.newInputStream(pemFile)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new UsageException("--ca-file " + pemFile + " holds no certificate");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int index = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca" + index++, certificate);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      return (X509TrustManager) trust.getTrustManagers()[0];
    } catch (IOException | GeneralSecurityException e) {
      throw new UsageException("cannot use --ca-file " + pemFile + ": " + e.getMessage());
    }
  }
}
