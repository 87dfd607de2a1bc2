package org.rollcall.alerts;

import org.rollcall.core.cli.Deadline;

/** One attempt to deliver an alert to its destination; must end by {@code attempt}'s deadline. */
@FunctionalInterface
public interface Delivery {
  /**
   * Delivers the alert once and returns a short note of where it went ("to root via
   * /usr/sbin/sendmail").
   *
   * @throws DeliveryException when it was not delivered
   */
  public String deliver(Deadline attempt) throws DeliveryException, InterruptedException;

  /** What an attempt waits on, for the line of a run cut short ("smtp 127.0.0.1:25"). */
  public default String target() {
    return "the delivery";
  }
}
