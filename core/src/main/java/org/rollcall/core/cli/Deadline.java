package org.rollcall.core.cli;

import java.time.Duration;

/**
 * The time a run has left. mon has no monitor timeout, so every waiting step (a sample, a recheck,
 * a connect, a read) takes its budget from one deadline; the launcher's watchdog ends the run if
 * something ignores it.
 */
public final class Deadline {
  private final long endNanos;
  private final Duration total;

  private Deadline(Duration total) {
    this.total = total;
    this.endNanos = System.nanoTime() + total.toNanos();
  }

  public static Deadline after(Duration total) {
    return new Deadline(total);
  }

  /** The whole budget this deadline was made with. */
  public Duration total() {
    return total;
  }

  /** Time left, never negative. */
  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
  }

  public boolean expired() {
    return endNanos - System.nanoTime() <= 0;
  }

  /** Whether {@code wait} can pass and still leave {@code margin} before the end. */
  public boolean fits(Duration wait, Duration margin) {
    return remaining().compareTo(wait.plus(margin)) >= 0;
  }

  /** Sleeps {@code wait}, or until the deadline if that comes first. */
  public void sleep(Duration wait) throws InterruptedException {
    Duration nap = wait.compareTo(remaining()) < 0 ? wait : remaining();
    Thread.sleep(nap.toMillis(), (int) (nap.toNanos() % 1_000_000));
  }
}
