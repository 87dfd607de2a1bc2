package org.rollcall.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rollcall.alerts.ChildAlert;
import org.rollcall.alerts.InJvmAlert;
import org.rollcall.alerts.LocalHost;
import org.rollcall.alerts.MonTime;
import org.rollcall.alerts.ReliableSender;

/** webhook.alert against a real HTTP server on a loopback port. */
class WebhookAlertTest {
  @TempDir Path dir;

  private HttpServer server;
  private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicInteger delayMillis = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private String url;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(
              Map.of(
                  "path",
                  exchange.getRequestURI().toString(),
                  "method",
                  exchange.getRequestMethod(),
                  "body",
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                  "type",
                  String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                  "title",
                  String.valueOf(exchange.getRequestHeaders().getFirst("Title")),
                  "priority",
                  String.valueOf(exchange.getRequestHeaders().getFirst("Priority")),
                  "authorization",
                  String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                  "headerNames",
                  String.join(
                      ",", new java.util.TreeSet<>(exchange.getRequestHeaders().keySet()))));
          try {
            release.await(delayMillis.get(), TimeUnit.MILLISECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] reply =
              (status.get() == 200 ? "ok" : "no such hook\r\nX-Forged: 1")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status.get(), reply.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
          }
        });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/T0KEN";
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.stop(0);
  }

  private InJvmAlert.Result alert(String stdin, String... args) {
    List<String> all =
        new java.util.ArrayList<>(
            List.of(
                "-s",
                "ps",
                "-g",
                "local",
                "-h",
                "web1 web2",
                "-t",
                "1700000000",
                "--fallback",
                dir.resolve("fallback.log").toString()));
    all.addAll(List.of(args));
    return InJvmAlert.run(
        new WebhookAlert(),
        stdin,
        Map.of(
            "ROLLCALL_WEBHOOK_URL",
            url,
            "MON_OPSTATUS",
            "0",
            "MON_ALERTTYPE",
            "failure",
            "MON_RETVAL",
            "1"),
        all.toArray(String[]::new));
  }

  @Test
  void postsTheGenericJsonWithHostileTextKeptInsideItsStrings() {
    InJvmAlert.Result result = alert("sshd:0 \"},\"x\":\"1\u001b\nline \\ 1\n\u0007bell\n");

    assertThat(result.exit()).as(result.stdout()).isZero();
    String port = Integer.toString(server.getAddress().getPort());
    assertThat(result.stdout())
        .isEqualTo(
            "webhook.alert: sent ALERT local/ps: sshd:0 \"},\"x\":\"1\\x1b to "
                + "http://127.0.0.1:"
                + port
                + "/... (generic, HTTP 200)\n");
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0))
        .containsEntry("path", "/hooks/T0KEN")
        .containsEntry("method", "POST")
        .containsEntry("type", "application/json");
    assertThat(requests.get(0).get("body"))
        .isEqualTo(
            "{\"summary\":\"sshd:0 \\\"},\\\"x\\\":\\\"1\\\\x1b\","
                + "\"details\":\"line \\\\ 1\\n\\\\x07bell\\n\",\"group\":\"local\",\"service\":\"ps\","
                + "\"hosts\":[\"web1\",\"web2\"],\"time\":1700000000,\"time_iso\":\"2023-11-14T22:13:20Z\","
                + "\"alert_type\":\"failure\",\"opstatus\":\"0\",\"retval\":\"1\",\"description\":\"\","
                + "\"source\":\""
                + LocalHost.name()
                + "\"}");
  }

  /**
   * A summary and details written to break out of a JSON string, a chat code block or an HTTP
   * header.
   */
  // Line 1 ends in CR CR LF: the summary drops one CR as the end of a CRLF line, the other must be
  // escaped.
  static final String HOSTILE =
      "sshd:0 \"}, \"x\": \"1\u2028\u0000\u001b[2J\r\r\nX-Forged: 1\n"
          + "detail \"}, \"x\": \"\n\u2028line\nnul\u0000\nback\\slash ```\n</script><!channel>\n";

  /**
   * Python's json module parses what the server received: one object with exactly the fields sent,
   * the hostile text inside their values; and the raw body holds no control character or U+2028
   * (which ends a JavaScript line).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"generic", "slack", "mattermost"})
  void hostileTextStaysInsideItsJsonStrings(String format) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3 to parse the JSON");
    InJvmAlert.Result result = alert(HOSTILE, "--format", format);

    assertThat(result.exit()).as(result.stdout()).isZero();
    String body = requests.get(0).get("body");
    assertThat(body.chars()).noneMatch(c -> c < 0x20 || c == 0x2028 || c == 0x2029);
    List<String> parsed =
        python(
            body,
            "import json, sys",
            "d = json.loads(sys.stdin.read())",
            "print(','.join(d.keys()))",
            "for v in d.values(): print(json.dumps(v))");
    if (format.equals("generic")) {
      assertThat(parsed).hasSize(13);
      assertThat(parsed.get(0))
          .isEqualTo(
              "summary,details,group,service,hosts,time,time_iso,alert_type,opstatus,"
                  + "retval,description,source");
      assertThat(parsed.get(1))
          .isEqualTo("\"sshd:0 \\\"}, \\\"x\\\": \\\"1\\\\u2028\\\\x00\\\\x1b[2J\\\\r\"");
      assertThat(parsed.get(2))
          .isEqualTo(
              "\"X-Forged: 1\\ndetail \\\"}, \\\"x\\\": \\\"\\n\\\\u2028line\\n"
                  + "nul\\\\x00\\nback\\\\slash ```\\n</script><!channel>\\n\"");
    } else {
      assertThat(parsed).hasSize(2);
      assertThat(parsed.get(0)).isEqualTo("text");
      assertThat(parsed.get(1))
          .contains("X-Forged: 1")
          .contains("nul\\\\x00")
          .contains("\\\\u2028line")
          .contains("back\\\\slash '''\\n")
          .endsWith("\\n```\"");
    }
  }

  @Test
  void ntfyHeadersCannotBeForged() {
    InJvmAlert.Result result = alert(HOSTILE, "--format", "ntfy");

    assertThat(result.exit()).as(result.stdout()).isZero();
    assertThat(requests.get(0).get("headerNames")).doesNotContainIgnoringCase("forged");
    assertThat(requests.get(0).get("title"))
        .isEqualTo("ALERT local/ps: sshd:0 \"}, \"x\": \"1\\u2028\\x00\\x1b[2J\\r");
    assertThat(requests.get(0).get("body"))
        .startsWith("X-Forged: 1\ndetail ")
        .contains("\nnul\\x00\n");
  }

  private static List<String> python(String stdin, String... script) throws Exception {
    Process process =
        new ProcessBuilder("/usr/bin/python3", "-c", String.join("\n", script))
            .redirectErrorStream(true)
            .start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(out).isZero();
    return out.lines().toList();
  }

  /**
   * A hook that answers 200 at once and then never ends its body: the alert is sent, and ends in
   * time.
   */
  @Test
  void aBodyThatNeverEndsDoesNotHoldADeliveredAlert() throws Exception {
    try (EndlessHttpPeer peer = new EndlessHttpPeer(200, true)) {
      long start = System.nanoTime();
      InJvmAlert.Result result =
          InJvmAlert.run(
              new WebhookAlert(),
              "sshd:0\n",
              Map.of("ROLLCALL_WEBHOOK_URL", peer.url()),
              "-s",
              "ps",
              "-g",
              "local",
              "--timeout",
              "6",
              "--fallback",
              dir.resolve("f.log").toString());
      long tookMillis = (System.nanoTime() - start) / 1_000_000;

      assertThat(result.stdout()).endsWith(" (generic, HTTP 200)\n");
      assertThat(result.exit()).isZero();
      assertThat(tookMillis).isLessThan(2000);
    }
  }

  /**
   * A hook that refuses with 100 MiB of reply: the alert, in a JVM with a 32 MiB heap, retries,
   * shows the start of the reply, and saves the alert in the fallback file.
   */
  @Test
  void aHugeRefusalIsReadOnlyAsFarAsItIsShown() throws Exception {
    try (EndlessHttpPeer peer = new EndlessHttpPeer(503, false)) {
      Path fallback = dir.resolve("fallback.log");
      List<String> command =
          ChildAlert.command(
              "webhook.alert",
              "-s",
              "ps",
              "-g",
              "local",
              "--timeout",
              "10",
              "--fallback",
              fallback.toString());
      command.add(1, "-Xmx32m");
      long start = System.nanoTime();
      ChildAlert.Result result =
          ChildAlert.run(
              command,
              "sshd:0\n".getBytes(StandardCharsets.UTF_8),
              Map.of("ROLLCALL_WEBHOOK_URL", peer.url()));
      long tookMillis = (System.nanoTime() - start) / 1_000_000;

      assertThat(result.exit()).as(result.stdout()).isEqualTo(ReliableSender.FELL_BACK);
      assertThat(result.stdout())
          .contains(
              "/... answered HTTP 503: "
                  + "x".repeat(200)
                  + "... (3 attempts); saved in "
                  + fallback);
      assertThat(peer.requests()).isEqualTo(3);
      assertThat(tookMillis).isLessThan(8000);
    }
  }

  @Test
  void slackGetsTextWithItsControlCharactersEscaped() {
    InJvmAlert.Result result = alert("sshd:0 <!channel>\ndetail & more\n", "--format", "slack");

    assertThat(result.exit()).as(result.stdout()).isZero();
    assertThat(requests.get(0).get("body"))
        .isEqualTo(
            "{\"text\":\"*ALERT local/ps: sshd:0 &lt;!channel&gt;* ("
                + MonTime.shortForm(1700000000, ZoneId.systemDefault())
                + ")\\n```\\ndetail &amp; more\\n```\"}");
  }

  @Test
  void ntfyGetsAnEncodedTitleAndThePriority() {
    InJvmAlert.Result result = alert("caf\u00e9:0\ndetail\n", "--format", "ntfy");

    assertThat(result.exit()).as(result.stdout()).isZero();
    assertThat(requests.get(0))
        .containsEntry("title", "=?UTF-8?B?QUxFUlQgbG9jYWwvcHM6IGNhZsOpOjA=?=")
        .containsEntry("priority", "high")
        .containsEntry("body", "detail")
        .containsEntry("type", "text/plain; charset=utf-8");
  }

  @Test
  void aServerErrorIsRetriedThenSavedWithoutTheUrlsToken() throws IOException {
    status.set(503);
    long start = System.nanoTime();
    InJvmAlert.Result result = alert("sshd:0\n");
    long tookMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(result.exit()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(requests).hasSize(3);
    // Pauses of 1 s and 2 s between the attempts, none after the last.
    assertThat(tookMillis).isBetween(3000L, 5000L);
    assertThat(result.stdout())
        .contains("/... answered HTTP 503: no such hook\\r\\nX-Forged: 1 (3 attempts)")
        .doesNotContain("T0KEN");
    assertThat(Files.readString(dir.resolve("fallback.log")))
        .contains("HTTP 503")
        .doesNotContain("T0KEN");
  }

  @Test
  void aClientErrorIsNotRetried() {
    status.set(404);
    InJvmAlert.Result result = alert("sshd:0\n");

    assertThat(result.exit()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(requests).hasSize(1);
    assertThat(result.stdout()).contains("answered HTTP 404").contains("(1 attempt)");
  }

  @Test
  void aServerThatDoesNotAnswerInTimeEndsInTheFallbackBeforeTheDeadline() {
    delayMillis.set(20_000);
    long start = System.nanoTime();
    InJvmAlert.Result result = alert("sshd:0\n", "--timeout", "4");
    long tookMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(result.exit()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(result.stdout()).contains("no answer from http://127.0.0.1:");
    assertThat(tookMillis).isBetween(2500L, 4000L);
  }

  @Test
  void theUrlAndTokenComeFromOwnerOnlyFiles() throws IOException {
    Path urlFile = dir.resolve("hook.url");
    Files.writeString(urlFile, "# the team's hook\n" + url.replace("T0KEN", "FROMFILE") + "\n");
    Files.setPosixFilePermissions(urlFile, PosixFilePermissions.fromString("rw-------"));
    Path secrets = dir.resolve("secrets");
    Files.writeString(secrets, "WEBHOOK_TOKEN=tk_secret\n");
    Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));

    InJvmAlert.Result result =
        alert("sshd:0\n", "--url-file", urlFile.toString(), "--secrets", secrets.toString());

    assertThat(result.exit()).as(result.stdout()).isZero();
    assertThat(requests.get(0))
        .containsEntry("path", "/hooks/FROMFILE")
        .containsEntry("authorization", "Bearer tk_secret");

    Files.setPosixFilePermissions(urlFile, PosixFilePermissions.fromString("rw-r--r--"));
    InJvmAlert.Result refused = alert("sshd:0\n", "--url-file", urlFile.toString());
    assertThat(refused.exit()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(refused.stdout())
        .contains("refusing secrets file " + urlFile + ": others can read or change it");
    assertThat(requests).hasSize(1);
  }
}
