package org.rollcall.alerts;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollcall.core.cli.Registration;
import org.rollcall.core.golden.Golden;

/**
 * Every alert's golden cases ({@link Golden}, under {@code src/test/resources/golden}): what it
 * says and what it leaves in its directory (file.alert's log, restart.alert's ledger and its stub
 * program's record, mail.alert's message as a stub sendmail got it, the fallback), and for
 * webhook.alert the request a loopback HTTP server ({@code @HTTP@}) got, saved as {@code request}.
 * Alerts are given {@code -t}, so their times are fixed; a ledger's own clock is written as
 * {@code @NOW@}.
 */
class GoldenTest {
  private static final Path CASES = Path.of("src/test/resources/golden");
  private static final Map<String, String> VALUES = new LinkedHashMap<>();
  private static HttpServer server;

  /** Where the request under way is saved: the run's own directory. */
  private static volatile Path requestDir;

  private static TimeZone zone;

  @BeforeAll
  static void startServer() throws IOException {
    // mon's times are local times: the cases are written in UTC, wherever the test runs.
    zone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          StringBuilder request = new StringBuilder();
          request.append(exchange.getRequestMethod()).append(' ').append(exchange.getRequestURI());
          new TreeMap<>(exchange.getRequestHeaders())
              .forEach(
                  (name, values) -> {
                    if (!name.equals("Host") && !name.equals("Content-length")) {
                      request.append('\n').append(name).append(": ").append(values.get(0));
                    }
                  });
          request.append("\n\n");
          request.append(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          Files.writeString(requestDir.resolve("request"), request.append('\n'));
          byte[] reply = "ok".getBytes(StandardCharsets.US_ASCII);
          exchange.sendResponseHeaders(200, reply.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
          }
        });
    server.start();
    VALUES.put("HTTP", Integer.toString(server.getAddress().getPort()));
    long now = System.currentTimeMillis() / 1000;
    VALUES.put("NOW", Long.toString(now));
    VALUES.put("NOW_ISO", Instant.ofEpochSecond(now).toString());
  }

  @AfterAll
  static void stopServer() {
    server.stop(0);
    TimeZone.setDefault(zone);
  }

  static Stream<Golden.Case> cases() throws IOException {
    return Golden.cases(CASES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesGolden(Golden.Case c) throws Exception {
    Golden.check(c, GoldenTest::run, VALUES, GoldenTest::clockAndChance);
  }

  private static Golden.Result run(
      String executable,
      boolean plain,
      String[] args,
      String stdin,
      Map<String, String> env,
      Path dir)
      throws Exception {
    requestDir = dir;
    AbstractAlert alert = (AbstractAlert) Registration.lookUp(executable).instantiate();
    InJvmAlert.Result result = InJvmAlert.run(alert, stdin, env, args);
    return new Golden.Result(result.exit(), result.stdout());
  }

  /** What the clock and chance give, as placeholders. */
  private static String clockAndChance(String output) {
    return output
        .replaceAll("(?m)^\\d{10} (restart|limit|result)", "@NOW@ $1")
        .replaceAll(
            "(?m)^(UNDELIVERED \\S+) \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ:", "$1 @NOW@:")
        .replaceAll("(?m)^Date: .*$", "Date: @NOW@")
        .replaceAll("(?m)^Message-ID: <.*>$", "Message-ID: <@RANDOM@>")
        .replaceAll("restart-systemctl-[0-9a-f]{8}\\.log", "restart-systemctl-@HASH@.log");
  }
}
