package org.rollcall.monitors.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.rollcall.core.cli.Deadline;

/**
 * Checks every item (a host) at once, each on its own daemon thread, and collects the results
 * within one deadline: a host that drops SYNs or trickles bytes costs its own time, never the
 * others'.
 *
 * <p>The checks get the run's remaining time less a margin, so that each check can give up by
 * itself and say what it was doing; a check that still has not returned after a short grace is
 * abandoned (its thread is a daemon and dies with the run) and reported through {@code late}. The
 * run then ends before the launcher's watchdog fires.
 */
public final class ParallelChecks {
  /**
   * Longest margin kept for reporting; a tenth of the run when the run is shorter than ten times
   * this.
   */
  static final Duration MAX_MARGIN = Duration.ofMillis(500);

  /**
   * How long past the checks' deadline an unfinished check is waited for before it counts as late.
   */
  static final Duration GRACE = Duration.ofMillis(250);

  /** Hosts checked at the same time; a hostgroup larger than this is checked in waves. */
  static final int MAX_THREADS = 128;

  private ParallelChecks() {}

  /**
   * The deadline the individual checks of a run should keep: the run's remaining time less the
   * reporting margin.
   */
  public static Deadline checkDeadline(Deadline run) {
    Duration remaining = run.remaining();
    Duration margin = remaining.dividedBy(10);
    if (margin.compareTo(MAX_MARGIN) > 0) {
      margin = MAX_MARGIN;
    }
    return Deadline.after(remaining.minus(margin).minus(GRACE));
  }

  /**
   * Runs {@code check} on every item with the deadline from {@link #checkDeadline} and returns the
   * results in the order of {@code items}. An item whose check has not returned by then, or threw,
   * gets {@code late(item, why)}.
   */
  public static <T, R> List<R> run(
      List<T> items, Deadline run, BiFunction<T, Deadline, R> check, BiFunction<T, String, R> late)
      throws InterruptedException {
    Deadline checks = checkDeadline(run);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(items.size(), MAX_THREADS)), daemonThreads());
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> check.apply(item, checks)));
      }
      List<R> results = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        results.add(collect(futures.get(i), items.get(i), checks, late));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T, R> R collect(
      Future<R> future, T item, Deadline checks, BiFunction<T, String, R> late)
      throws InterruptedException {
    try {
      return future.get(checks.remaining().plus(GRACE).toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return late.apply(item, "timed out: no result within " + seconds(checks.total()) + " s");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return late.apply(
          item,
          "check failed: "
              + cause.getClass().getSimpleName()
              + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }
  }

  /** Seconds with at most one decimal, for "timed out after 2.5 s". */
  public static String seconds(Duration duration) {
    double tenths = Math.round(duration.toMillis() / 100.0) / 10.0;
    return tenths == Math.rint(tenths) ? Long.toString((long) tenths) : Double.toString(tenths);
  }

  private static ThreadFactory daemonThreads() {
    return task -> {
      Thread thread = new Thread(task, "rollcall-check");
      thread.setDaemon(true);
      return thread;
    };
  }
}
