package org.rollcall.monitors;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting for a condition, not for a time: the limit only bounds a test that would otherwise hang.
 */
public final class Conditions {
  private Conditions() {}

  /**
   * Returns once {@code condition} holds; fails naming {@code what} when it has not by {@code
   * limit}.
   */
  public static void await(String what, Duration limit, BooleanSupplier condition)
      throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("no " + what + " within " + limit.toSeconds() + " s");
      }
      Thread.sleep(5);
    }
  }
}
