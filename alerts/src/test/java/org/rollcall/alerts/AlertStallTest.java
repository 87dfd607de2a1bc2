package org.rollcall.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollcall.alerts.mail.MailAlert;
import org.rollcall.alerts.webhook.WebhookAlert;
import org.rollcall.alerts.xmpp.XmppAlert;

/**
 * Each network alert against a server that accepts and then stalls (never a byte, or a greeting
 * trickled one byte a second): the alert ends within its --timeout, says it was not delivered, and
 * saves it in the fallback file.
 */
class AlertStallTest {
  static final int TIMEOUT = 4;

  @TempDir Path dir;

  static Stream<Arguments> stalls() {
    List<Arguments> cases = new ArrayList<>();
    for (boolean trickle : new boolean[] {false, true}) {
      String kind = trickle ? "trickling" : "silent";
      cases.add(
          Arguments.of(
              "mail.alert, " + kind,
              trickle,
              (Supplier<AbstractAlert>) MailAlert::new,
              List.of("--smtp", "127.0.0.1:PORT", "root@localhost")));
      cases.add(
          Arguments.of(
              "xmpp.alert, " + kind,
              trickle,
              (Supplier<AbstractAlert>) XmppAlert::new,
              List.of(
                  "--server", "127.0.0.1:PORT", "--from", "mon@localhost", "-x", "ops@localhost")));
      cases.add(
          Arguments.of(
              "webhook.alert, " + kind,
              trickle,
              (Supplier<AbstractAlert>) WebhookAlert::new,
              List.of()));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stalls")
  void endsInTimeAndSavesTheAlert(
      String name, boolean trickle, Supplier<AbstractAlert> alert, List<String> options)
      throws Exception {
    try (StallingServer server = new StallingServer(trickle)) {
      Path fallback = dir.resolve("fallback.log");
      List<String> args =
          new ArrayList<>(
              List.of(
                  "-s",
                  "ps",
                  "-g",
                  "local",
                  "--timeout",
                  "" + TIMEOUT,
                  "--fallback",
                  fallback.toString()));
      options.forEach(option -> args.add(option.replace("PORT", "" + server.port())));
      long start = System.nanoTime();
      InJvmAlert.Result result =
          InJvmAlert.run(
              alert.get(),
              "sshd:0\ndetail\n",
              Map.of(
                  "ROLLCALL_XMPP_PASSWORD",
                  "pw",
                  "ROLLCALL_WEBHOOK_URL",
                  "http://127.0.0.1:" + server.port() + "/hook"),
              args.toArray(String[]::new));
      long tookMillis = (System.nanoTime() - start) / 1_000_000;

      assertThat(result.exit()).as(result.stdout()).isEqualTo(ReliableSender.FELL_BACK);
      assertThat(result.stdout())
          .contains(": NOT delivered ALERT local/ps: sshd:0: ")
          .endsWith("; saved in " + fallback + "\n");
      assertThat(Files.readString(fallback))
          .endsWith(") sshd:0\nDESCR=\nOPSTATUS=UNKNOWN OPSTATUS\ndetail\n.\n");
      assertThat(tookMillis).as(result.stdout()).isLessThan(TIMEOUT * 1000L);
    }
  }

  /** Accepts connections, reads what comes, and sends nothing, or a greeting one byte a second. */
  static final class StallingServer implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    private final List<Socket> clients = new ArrayList<>();

    /** Counted down when the first connection is accepted: the delivery is then under way. */
    final CountDownLatch accepted = new CountDownLatch(1);

    StallingServer(boolean trickle) throws IOException {
      Thread acceptor =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try {
                    Socket client = server.accept();
                    synchronized (clients) {
                      clients.add(client);
                    }
                    accepted.countDown();
                    Thread worker = new Thread(() -> serve(client, trickle), "stalling-client");
                    worker.setDaemon(true);
                    worker.start();
                  } catch (IOException e) {
                    return;
                  }
                }
              },
              "stalling-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return server.getLocalPort();
    }

    private static void serve(Socket client, boolean trickle) {
      try {
        if (trickle) {
          OutputStream out = client.getOutputStream();
          for (byte b :
              "220 mail ESMTP and HTTP/1.1 200 and <stream:stream>\r\n"
                  .getBytes(StandardCharsets.US_ASCII)) {
            out.write(b);
            out.flush();
            Thread.sleep(1000);
          }
        }
        InputStream in = client.getInputStream();
        while (in.read() >= 0) {
          // Take what the alert sends, answer nothing.
        }
      } catch (IOException | InterruptedException e) {
        // The alert gave up and closed the connection.
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      synchronized (clients) {
        for (Socket client : clients) {
          client.close();
        }
      }
    }
  }
}
