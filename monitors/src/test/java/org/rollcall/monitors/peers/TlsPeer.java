package org.rollcall.monitors.peers;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS server on 127.0.0.1 with a self-signed certificate made by the JDK's keytool, valid from
 * {@code startDays} (relative to now, e.g. -10) for {@code validityDays}; it greets every client
 * after the handshake.
 */
public final class TlsPeer implements AutoCloseable {
  private static final char[] PASSWORD = "rollcall".toCharArray();
  private static final AtomicInteger KEYSTORES = new AtomicInteger();
  private final FakePeer peer;

  public TlsPeer(Path dir, int startDays, int validityDays, String greeting) throws Exception {
    Path keystore = dir.resolve("peer-" + KEYSTORES.incrementAndGet() + ".p12");
    keytool(keystore, startDays, validityDays);
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    SSLServerSocket server =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    // A client that rejects the certificate ends the handshake with an exception: some tests want
    // exactly that.
    peer =
        FakePeer.on(
            server,
            socket -> {
              ((SSLSocket) socket).startHandshake();
              FakePeer.write(socket, greeting);
              FakePeer.drain(socket);
            });
  }

  public int port() {
    return peer.port();
  }

  private static void keytool(Path keystore, int startDays, int validityDays) throws Exception {
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process process =
        new ProcessBuilder(
                List.of(
                    keytool,
                    "-genkeypair",
                    "-alias",
                    "peer",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=localhost",
                    "-ext",
                    "SAN=dns:localhost,ip:127.0.0.1",
                    "-startdate",
                    (startDays < 0 ? "" : "+") + startDays + "d",
                    "-validity",
                    Integer.toString(validityDays),
                    "-keystore",
                    keystore.toString(),
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    new String(PASSWORD)))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new GeneralSecurityException("keytool failed: " + output);
    }
  }

  @Override
  public void close() throws IOException {
    peer.close();
  }
}
