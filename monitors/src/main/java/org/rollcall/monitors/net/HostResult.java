package org.rollcall.monitors.net;

import java.time.Duration;
import java.util.List;
import org.rollcall.core.result.Status;

/**
 * What checking one host found.
 *
 * @param answer what answered (for the OK line), null when nothing did
 * @param details one line per failing address, each starting with the host
 * @param time from the first connect to the verdict; the slowest address with --all-addresses
 */
public record HostResult(
    String host, Status status, String answer, List<String> details, Duration time) {
  public HostResult {
    details = List.copyOf(details);
  }

  /**
   * A host whose check did not finish in time (a hung resolver, a stuck probe) or broke; {@code
   * why} says which.
   */
  public static HostResult late(String host, String why, Duration time) {
    return new HostResult(host, Status.CRITICAL, null, List.of(host + ": " + why), time);
  }
}
