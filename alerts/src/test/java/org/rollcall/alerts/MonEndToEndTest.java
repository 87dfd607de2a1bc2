package org.rollcall.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path under the real mon daemon (Debian's mon, a private instance on loopback):
 * rollcall's ps.monitor watches a process; the process is killed, file.alert and mail.alert fire;
 * it comes back, the upalerts fire.
 */
class MonEndToEndTest {
  private static final Path MON = Path.of("/usr/sbin/mon");
  private static final Path MONITORS_LIB =
      Path.of("..", "monitors", "target", "lib").toAbsolutePath().normalize();

  @TempDir Path dir;

  private Process mon;
  private Process daemon;
  private GreenMail smtp;

  @AfterEach
  void stopAll() throws InterruptedException {
    for (Process process : new Process[] {mon, daemon}) {
      if (process != null) {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void aKilledProcessIsAlertedByFileAndMailThenUpalertedWhenBack() throws Exception {
    assumeTrue(Files.isExecutable(MON), "needs the mon daemon: apt-get install mon");
    assumeTrue(
        Files.isDirectory(MONITORS_LIB), "needs monitors/target/lib: mvn package -pl monitors -am");
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    String marker = Integer.toString(ThreadLocalRandom.current().nextInt(700_000, 800_000));
    Path config = writeMonConfig(marker);

    daemon = startDaemon(marker);
    mon =
        new ProcessBuilder(MON.toString(), "-c", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("mon.out").toFile())
            .start();
    Path alerts = dir.resolve("alerts.log");
    // mon runs one instance of a service's monitor at a time: once the third has started, two have
    // answered while the process ran.
    Path runs = dir.resolve("monitor-runs");
    await(() -> lines(runs) >= 3, 30, "third run of ps.monitor in " + runs);
    assertThat(alerts).as("no alert while the process runs").doesNotExist();

    daemon.destroy();
    long killed = System.nanoTime();
    await(() -> contains(alerts, "failure local daemon "), 30, "the failure record in " + alerts);
    long alertedMillis = (System.nanoTime() - killed) / 1_000_000;
    assertThat(smtp.waitForIncomingEmail(20_000, 1)).as("the ALERT mail").isTrue();
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getSubject()).startsWith("ALERT local/daemon: sleep,args=" + marker + ":0 (");
    assertThat((String) mail.getContent()).contains("Members \t      : localhost");

    daemon = startDaemon(marker);
    long back = System.nanoTime();
    await(() -> contains(alerts, "up local daemon "), 30, "the upalert record in " + alerts);
    long upalertedMillis = (System.nanoTime() - back) / 1_000_000;
    await(
        () -> Arrays.stream(smtp.getReceivedMessages()).anyMatch(MonEndToEndTest::isUpalert),
        20,
        "the UPALERT mail");

    String log = Files.readString(alerts);
    assertThat(log)
        .contains("\nDESCR=rollcall end to end\nOPSTATUS=0\n")
        .contains(marker + ":1- has 0 matching processes");
    assertThat(dir.resolve("state/rollcall-undelivered.log"))
        .as("nothing fell back")
        .doesNotExist();
    System.out.println(
        "mon end to end: failure alert "
            + alertedMillis
            + " ms after the kill, upalert "
            + upalertedMillis
            + " ms after the restart");
  }

  private static boolean isUpalert(MimeMessage message) {
    try {
      return message.getSubject().startsWith("UPALERT local/daemon: ");
    } catch (jakarta.mail.MessagingException e) {
      return false;
    }
  }

  private Process startDaemon(String marker) throws IOException {
    return new ProcessBuilder("/bin/sleep", marker).redirectErrorStream(true).start();
  }

  private Path writeMonConfig(String marker) throws IOException {
    for (String sub : List.of("mon.d", "alert.d", "log", "state")) {
      Files.createDirectory(dir.resolve(sub));
    }
    wrapper(dir.resolve("mon.d/ps.monitor"), MONITORS_LIB + "/*", "ps.monitor", "monitor-runs");
    String classPath = System.getProperty("java.class.path");
    wrapper(dir.resolve("alert.d/file.alert"), classPath, "file.alert", null);
    wrapper(dir.resolve("alert.d/mail.alert"), classPath, "mail.alert", null);
    Files.writeString(dir.resolve("auth.cf"), "");
    String mail =
        "mail.alert --smtp 127.0.0.1:"
            + smtp.getSmtp().getPort()
            + " -f mon@localhost root@localhost";
    return Files.writeString(
        dir.resolve("mon.cf"),
        String.join(
            "\n",
            "alertdir = " + dir.resolve("alert.d"),
            "mondir = " + dir.resolve("mon.d"),
            "logdir = " + dir.resolve("log"),
            "statedir = " + dir.resolve("state"),
            "cfbasedir = " + dir,
            "authfile = " + dir.resolve("auth.cf"),
            "pidfile = " + dir.resolve("mon.pid"),
            "historicfile = " + dir.resolve("log/history.log"),
            "serverbind = 127.0.0.1",
            "trapbind = 127.0.0.1",
            "clientallow = 127.0.0.1",
            "serverport = " + freePort(),
            "trapport = " + freePort(),
            "hostgroup local localhost",
            "",
            "watch local",
            "    service daemon",
            "        description rollcall end to end",
            "        interval 2s",
            "        monitor ps.monitor sleep,args=" + marker + ":1- ;;",
            "        period wd {Sun-Sat}",
            "            alert file.alert -d " + dir + " alerts.log",
            "            alert " + mail,
            "            upalert file.alert -d " + dir + " alerts.log",
            "            upalert " + mail,
            ""));
  }

  /**
   * A mon-style executable: a small script running NAME through rollcall's single entry point, that
   * first adds a line to {@code runLog} in the test's directory when one is given.
   */
  private void wrapper(Path script, String classPath, String name, String runLog)
      throws IOException {
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + (runLog == null ? "" : "echo run >> '" + dir.resolve(runLog) + "'\n")
            + "exec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' -cp '"
            + classPath
            + "' org.rollcall.core.cli.Main "
            + name
            + " \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static long lines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static boolean contains(Path file, String text) {
    try {
      return Files.exists(file) && Files.readString(file).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  private void await(BooleanSupplier condition, int seconds, String what) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError(
            "no "
                + what
                + " within "
                + seconds
                + " s; mon said: "
                + Files.readString(dir.resolve("mon.out")));
      }
      Thread.sleep(100);
    }
  }
}
