package org.rollcall.monitors.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollcall.core.cli.Deadline;

class ParallelChecksTest {
  @Test
  void checksRunAtTheSameTimeAndKeepTheirOrder() throws InterruptedException {
    long start = System.nanoTime();
    List<String> results =
        ParallelChecks.run(
            List.of(3, 1, 2),
            Deadline.after(Duration.ofSeconds(5)),
            (n, deadline) -> {
              sleep(n * 200L);
              return "done " + n;
            },
            (n, why) -> "late " + n);
    assertThat(results).containsExactly("done 3", "done 1", "done 2");
    assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isBetween(550L, 1_000L);
  }

  @Test
  void aStuckCheckIsLateAndTheRunEndsBeforeItsDeadline() throws InterruptedException {
    long start = System.nanoTime();
    List<String> results =
        ParallelChecks.run(
            List.of("stuck", "quick"),
            Deadline.after(Duration.ofSeconds(1)),
            (item, deadline) -> {
              if (item.equals("stuck")) {
                sleep(60_000);
              }
              return item + " ok";
            },
            (item, why) -> item + ": " + why);
    assertThat(results).hasSize(2);
    assertThat(results.get(0)).matches("stuck: timed out: no result within 0\\.[67] s");
    assertThat(results.get(1)).isEqualTo("quick ok");
    assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isLessThan(1_000);
  }

  @Test
  void aCheckThatThrowsIsReportedNotLost() throws InterruptedException {
    List<String> results =
        ParallelChecks.run(
            List.of("x"),
            Deadline.after(Duration.ofSeconds(1)),
            (item, deadline) -> {
              throw new IllegalStateException("boom");
            },
            (item, why) -> why);
    assertThat(results).containsExactly("check failed: IllegalStateException: boom");
  }

  @Test
  void checksKeepAMarginBeforeTheRunsDeadline() {
    Deadline run = Deadline.after(Duration.ofSeconds(10));
    assertThat(ParallelChecks.checkDeadline(run).total().toMillis()).isBetween(9_200L, 9_250L);
    Deadline shortRun = Deadline.after(Duration.ofSeconds(2));
    assertThat(ParallelChecks.checkDeadline(shortRun).total().toMillis()).isBetween(1_500L, 1_550L);
  }

  @Test
  void secondsAreShownToATenth() {
    assertThat(ParallelChecks.seconds(Duration.ofMillis(1_649))).isEqualTo("1.6");
    assertThat(ParallelChecks.seconds(Duration.ofMillis(2_000))).isEqualTo("2");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
