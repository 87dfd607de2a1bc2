package org.rollcall.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.cli.Deadline;

/** The retry-then-fallback path itself, with deliveries that fail in each way a real one can. */
class ReliableSenderTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();

  private ReliableSender sender() {
    return new ReliableSender(
        "test.alert",
        new Fallback("test.alert", dir.resolve("fallback.log")),
        "sent",
        new PrintWriter(out, true));
  }

  private static Alert alert() {
    return Alert.of(
        new AlertOptions(),
        MonitorOutput.of("sshd:0\ndetail\n".getBytes(), false),
        Map.of(),
        Instant.ofEpochSecond(1700000000));
  }

  @Test
  void aDeliveryThatSucceedsOnTheSecondAttemptIsSent() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    int code =
        sender()
            .send(
                alert(),
                attempt -> {
                  if (attempts.incrementAndGet() == 1) {
                    throw new DeliveryException("connection refused", true);
                  }
                  return "to somewhere";
                },
                Deadline.after(Duration.ofSeconds(10)));

    assertThat(code).isEqualTo(ReliableSender.DELIVERED);
    assertThat(out.toString())
        .isEqualTo("test.alert: sent ALERT /: sshd:0 to somewhere (attempt 2)\n");
    assertThat(dir.resolve("fallback.log")).doesNotExist();
  }

  @Test
  void aBugInADeliveryStillSavesTheAlert() throws Exception {
    int code =
        sender()
            .send(
                alert(),
                attempt -> {
                  throw new IllegalStateException("a bug");
                },
                Deadline.after(Duration.ofSeconds(10)));

    assertThat(code).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(out.toString())
        .contains("internal error: java.lang.IllegalStateException: a bug (1 attempt)");
    assertThat(Files.readString(dir.resolve("fallback.log")))
        .contains("sshd:0\n")
        .endsWith("detail\n.\n");
  }

  /**
   * A delivery stuck in a library that ignores both its deadline and interrupts: the alert is still
   * saved.
   */
  @Test
  void aDeliveryThatIgnoresItsDeadlineIsAbandonedAndTheAlertSaved() throws Exception {
    long start = System.nanoTime();
    int code =
        sender()
            .send(
                alert(),
                attempt -> {
                  long end = System.nanoTime() + 60_000_000_000L;
                  while (System.nanoTime() < end) {
                    try {
                      Thread.sleep(1000);
                    } catch (InterruptedException ignored) {
                      // As a library blocked in a socket read would: an interrupt changes nothing.
                    }
                  }
                  return "to nowhere";
                },
                Deadline.after(Duration.ofSeconds(3)));
    long tookMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(code).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(out.toString())
        .contains(": no result within 2")
        .contains(" ms; the attempt was abandoned (1 attempt)");
    assertThat(tookMillis).isLessThan(3000);
    assertThat(Files.readString(dir.resolve("fallback.log"))).endsWith("detail\n.\n");
  }

  @Test
  void anOutOfMemoryErrorInADeliveryStillSavesTheAlert() throws Exception {
    int code =
        sender()
            .send(
                alert(),
                attempt -> {
                  throw new OutOfMemoryError("Java heap space");
                },
                Deadline.after(Duration.ofSeconds(10)));

    assertThat(code).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(out.toString())
        .contains("internal error: java.lang.OutOfMemoryError: Java heap space (1 attempt)");
  }

  @Test
  void retriesStopWhenTheDeadlineLeavesNoRoom() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    long start = System.nanoTime();
    int code =
        sender()
            .send(
                alert(),
                attempt -> {
                  attempts.incrementAndGet();
                  throw new DeliveryException("timed out", true);
                },
                Deadline.after(Duration.ofMillis(2500)));

    assertThat(code).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(attempts.get()).isLessThan(3);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2500);
  }
}
