package org.rollcall.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollcall.alerts.file.FileAlert;
import org.rollcall.alerts.mail.MailAlert;
import org.rollcall.alerts.webhook.WebhookAlert;
import org.rollcall.core.cli.Launcher;

/**
 * An alert cut short by a signal while its delivery is held by a stalled peer on loopback, or while
 * its stdin is still open, saves the alert in the fallback file once, with the reason, and says so
 * in its one line.
 */
class CutShortAlertTest {
  @TempDir Path dir;

  static Stream<Arguments> stalledDeliveries() {
    return Stream.of(
        Arguments.of(
            "mail.alert",
            (Supplier<AbstractAlert>) MailAlert::new,
            List.of("--smtp", "127.0.0.1:PORT", "root@localhost"),
            "smtp 127.0.0.1:PORT"),
        Arguments.of(
            "webhook.alert",
            (Supplier<AbstractAlert>) WebhookAlert::new,
            List.of(),
            "http 127.0.0.1:PORT"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stalledDeliveries")
  void aSigtermDuringDeliverySavesTheAlertOnce(
      String name, Supplier<AbstractAlert> make, List<String> options, String target)
      throws Exception {
    try (AlertStallTest.StallingServer server = new AlertStallTest.StallingServer(false)) {
      Path fallback = dir.resolve("fallback.log");
      List<String> args =
          new ArrayList<>(
              List.of(
                  "-s", "ps", "-g", "local", "--timeout", "60", "--fallback", fallback.toString()));
      options.forEach(option -> args.add(option.replace("PORT", "" + server.port())));
      AbstractAlert alert = make.get();
      alert.stdin = new ByteArrayInputStream("sshd:0\ndetail\n".getBytes(StandardCharsets.UTF_8));
      alert.env = Map.of("ROLLCALL_WEBHOOK_URL", "http://127.0.0.1:" + server.port() + "/hook");
      Run run = new Run(alert, args);

      assertThat(server.accepted.await(20, TimeUnit.SECONDS)).as("the delivery connected").isTrue();
      run.launcher.interrupt("SIGTERM");

      assertThat(run.halted.get(10, TimeUnit.SECONDS)).isEqualTo(ReliableSender.FELL_BACK);
      String reason =
          "interrupted by SIGTERM while waiting for " + target.replace("PORT", "" + server.port());
      assertThat(run.stdout())
          .isEqualTo(
              name
                  + ": NOT delivered ALERT local/ps: sshd:0: "
                  + reason
                  + "; saved in "
                  + fallback
                  + "\n");
      server.close(); // the delivery now fails at once: it must not save the alert a second time
      run.finished.get(20, TimeUnit.SECONDS);
      String saved = Files.readString(fallback);
      assertThat(saved)
          .contains(reason)
          .endsWith(") sshd:0\nDESCR=\nOPSTATUS=UNKNOWN OPSTATUS\ndetail\n.\n");
      assertThat(saved.split("UNDELIVERED ", -1)).hasSize(2);
    }
  }

  @Test
  void aSigtermWhileStdinIsStillOpenSavesWhatItHeld() throws Exception {
    Path fallback = dir.resolve("fallback.log");
    PipedOutputStream writer = new PipedOutputStream();
    AbstractAlert alert = new FileAlert();
    // The reader stores one chunk before it asks for the next: a second read means the first line
    // is held.
    java.util.concurrent.atomic.AtomicInteger reads =
        new java.util.concurrent.atomic.AtomicInteger();
    alert.stdin =
        new java.io.FilterInputStream(new PipedInputStream(writer)) {
          @Override
          public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            reads.incrementAndGet();
            return super.read(buffer, offset, length);
          }
        };
    alert.env = Map.of();
    writer.write("sshd:0\nfirst detail\n".getBytes(StandardCharsets.UTF_8));
    writer.flush();
    Run run = fileAlertRun(alert, fallback);

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while ((reads.get() < 2 || !"the end of stdin".equals(alert.pending()))
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    run.launcher.interrupt("SIGHUP");

    assertThat(run.halted.get(10, TimeUnit.SECONDS)).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(run.stdout())
        .startsWith(
            "file.alert: NOT delivered ALERT local/ps: sshd:0: interrupted by SIGHUP "
                + "while waiting for the end of stdin; saved in "
                + fallback);
    assertThat(Files.readString(fallback))
        .endsWith(") sshd:0\nDESCR=\nOPSTATUS=UNKNOWN OPSTATUS\nfirst detail\n.\n");
    writer.close();
    run.finished.get(20, TimeUnit.SECONDS);
    assertThat(Files.exists(dir.resolve("alerts.log")))
        .as("the run delivered nothing after its cut")
        .isFalse();
  }

  @Test
  void aSignalBeforeTheFirstByteOfStdinStillSavesWhatComesJustAfter() throws Exception {
    Path fallback = dir.resolve("fallback.log");
    Pipe pipe = Pipe.open();
    AbstractAlert alert = pipedFileAlert(pipe);
    Run run = fileAlertRun(alert, fallback);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!"the end of stdin".equals(alert.pending()) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    // The monitor's output reaches the pipe 100 ms after the signal, as a slow mon's write would;
    // on a thread of its own (the common pool may have one thread, held by the run).
    CompletableFuture<Void> late =
        CompletableFuture.runAsync(
            () -> {
              try {
                Thread.sleep(100);
                pipe.sink()
                    .write(
                        ByteBuffer.wrap("sshd:0\nlate detail\n".getBytes(StandardCharsets.UTF_8)));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            task -> new Thread(task, "late-writer").start());
    run.launcher.interrupt("SIGHUP");

    late.get(10, TimeUnit.SECONDS);
    assertThat(run.halted.get(10, TimeUnit.SECONDS)).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(run.stdout()).startsWith("file.alert: NOT delivered ALERT local/ps: sshd:0: ");
    assertThat(Files.readString(fallback))
        .endsWith(") sshd:0\nDESCR=\nOPSTATUS=UNKNOWN OPSTATUS\nlate detail\n.\n");
    pipe.sink().close();
    run.finished.get(20, TimeUnit.SECONDS);
  }

  /**
   * A signal can reach an alert after its run began but before the run reads stdin: the cut and the
   * run then share one reader, so the bytes are not split between two and the cut saves what stdin
   * held.
   */
  @Test
  void aCutBeforeTheRunReadsStdinSharesItsReaderWithTheRun() throws Exception {
    Path fallback = dir.resolve("fallback.log");
    Pipe pipe = Pipe.open();
    AbstractAlert alert = pipedFileAlert(pipe);
    new picocli.CommandLine(alert)
        .parseArgs("-s", "ps", "-g", "local", "--fallback", fallback.toString(), "x.log");
    long readersBefore = stdinReaders();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    java.io.PrintWriter writer = new java.io.PrintWriter(out, true);
    CompletableFuture<Integer> cut =
        CompletableFuture.supplyAsync(
            () ->
                alert.cutShort(
                    "file.alert: interrupted by SIGTERM",
                    org.rollcall.core.result.OutputMode.MON.renderer(),
                    writer),
            task -> new Thread(task, "cut").start());
    CompletableFuture<String> run =
        CompletableFuture.supplyAsync(
            () ->
                new String(
                    alert.readStdin(java.time.Duration.ofSeconds(20)).summaryLine(),
                    StandardCharsets.UTF_8),
            task -> new Thread(task, "run").start());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (alert.pending() == null && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    Thread.sleep(50);
    assertThat(stdinReaders() - readersBefore).as("readers of stdin").isEqualTo(1);
    pipe.sink().write(ByteBuffer.wrap("sshd:0\ndetail\n".getBytes(StandardCharsets.UTF_8)));

    assertThat(cut.get(10, TimeUnit.SECONDS)).isEqualTo(ReliableSender.FELL_BACK);
    writer.flush();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("file.alert: NOT delivered ALERT local/ps: sshd:0: interrupted by SIGTERM");
    assertThat(Files.readString(fallback)).contains(") sshd:0\n");
    pipe.sink().close();
    assertThat(run.get(10, TimeUnit.SECONDS)).isEqualTo("sshd:0");
  }

  private static long stdinReaders() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("rollcall-stdin") && t.isAlive())
        .count();
  }

  /** A file.alert whose stdin is {@code pipe}'s end, with no environment. */
  private static AbstractAlert pipedFileAlert(Pipe pipe) {
    AbstractAlert alert = new FileAlert();
    alert.stdin = Channels.newInputStream(pipe.source());
    alert.env = Map.of();
    return alert;
  }

  /** file.alert writing to alerts.log in the test's directory, saving to {@code fallback}. */
  private Run fileAlertRun(AbstractAlert alert, Path fallback) {
    return new Run(
        alert,
        List.of(
            "-s",
            "ps",
            "-g",
            "local",
            "--timeout",
            "60",
            "--fallback",
            fallback.toString(),
            "-d",
            dir.toString(),
            "alerts.log"));
  }

  /**
   * One alert running on a thread of its own through the real launcher, its halt recorded instead
   * of done.
   */
  private static final class Run {
    final CompletableFuture<Integer> halted = new CompletableFuture<>();
    final CompletableFuture<Integer> finished;
    final Launcher launcher;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Run(AbstractAlert alert, List<String> args) {
      launcher = new Launcher(new PrintStream(out, true, StandardCharsets.UTF_8), halted::complete);
      finished =
          CompletableFuture.supplyAsync(() -> launcher.execute(alert, args.toArray(String[]::new)));
    }

    String stdout() {
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
