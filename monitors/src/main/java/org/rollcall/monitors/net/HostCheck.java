package org.rollcall.monitors.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.result.Status;

/**
 * Checks hosts with one probe, all hosts at once under the run's deadline. A host is resolved
 * inside its own check, so a hung resolver costs only that host. By default a host passes when one
 * of its addresses answers, in the resolver's order, as a client falls back; with {@code
 * allAddresses} every address is checked (at once) and must answer, since an IPv6 client does not
 * fall back to a daemon that listens only on IPv4.
 */
public final class HostCheck {
  private final int port;
  private final boolean allAddresses;
  private final AddressProbe probe;
  private final ProbeProgress progress = new ProbeProgress();

  public HostCheck(int port, boolean allAddresses, AddressProbe probe) {
    this.port = port;
    this.allAddresses = allAddresses;
    this.probe = probe;
  }

  /**
   * The hosts still being checked and what each waits for, or null; see {@link
   * ProbeProgress#pending()}.
   */
  public String pending() {
    return progress.pending();
  }

  /** One result per host, in the order given. */
  public List<HostResult> checkAll(List<String> hosts, Deadline run) throws InterruptedException {
    long start = System.nanoTime();
    return ParallelChecks.run(
        hosts, run, this::check, (host, why) -> HostResult.late(host, why, since(start)));
  }

  HostResult check(String host, Deadline deadline) {
    // One step for the whole host, so that it never drops out of pending() between resolving and
    // connecting.
    try (ProbeProgress.Step step = progress.now(host + ":" + port, "resolving")) {
      return check(host, deadline, step);
    }
  }

  private HostResult check(String host, Deadline deadline, ProbeProgress.Step step) {
    long start = System.nanoTime();
    List<InetAddress> addresses;
    try {
      addresses = HostAddresses.resolve(host);
    } catch (UnknownHostException e) {
      return new HostResult(
          host,
          Status.CRITICAL,
          null,
          List.of(host + ": cannot resolve the name (" + e.getMessage() + ")"),
          since(start));
    }
    if (allAddresses && addresses.size() > 1) {
      step.doing("connecting to " + addresses.size() + " addresses");
      return checkEach(host, addresses, deadline);
    }
    // The response time is the service's, not the resolver's: a slow resolver shows as a timeout,
    // not as latency.
    start = System.nanoTime();
    List<String> details = new ArrayList<>();
    Status worst = Status.OK;
    for (InetAddress address : addresses) {
      step.at(where(host, address), "connecting");
      AddressResult result = probe(host, address, deadline);
      if (result.status == Status.OK) {
        return new HostResult(host, Status.OK, result.answer, List.of(), since(start));
      }
      details.add(result.detail);
      worst = worst.worst(result.status);
    }
    return new HostResult(host, worst, null, details, since(start));
  }

  private HostResult checkEach(String host, List<InetAddress> addresses, Deadline deadline) {
    List<AddressResult> results;
    try {
      results =
          ParallelChecks.run(
              addresses,
              deadline,
              (address, left) -> probe(host, address, left),
              (address, why) ->
                  new AddressResult(
                      Status.CRITICAL, null, line(host, address, why), deadline.total()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return HostResult.late(host, "interrupted", deadline.total());
    }
    Status worst = Status.OK;
    Duration slowest = Duration.ZERO;
    List<String> details = new ArrayList<>();
    for (AddressResult result : results) {
      worst = worst.worst(result.status);
      slowest = result.time.compareTo(slowest) > 0 ? result.time : slowest;
      if (result.detail != null) {
        details.add(result.detail);
      }
    }
    String answer = results.get(0).answer + " on all " + addresses.size() + " addresses";
    return new HostResult(host, worst, worst == Status.OK ? answer : null, details, slowest);
  }

  private AddressResult probe(String host, InetAddress address, Deadline deadline) {
    long start = System.nanoTime();
    try {
      String answer = probe.probe(host, new InetSocketAddress(address, port), deadline);
      return new AddressResult(Status.OK, answer, null, since(start));
    } catch (ProbeFailure failure) {
      return new AddressResult(
          failure.status(), null, line(host, address, failure.getMessage()), since(start));
    }
  }

  /**
   * {@code host (192.0.2.1:22): what}, or {@code 192.0.2.1:22: what} when the host is the address.
   */
  private String line(String host, InetAddress address, String what) {
    return where(host, address) + ": " + what;
  }

  /** {@code host (192.0.2.1:22)}, or {@code 192.0.2.1:22} when the host is the address. */
  private String where(String host, InetAddress address) {
    String where = HostAddresses.withPort(address, port);
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    boolean literal =
        bare.equals(HostAddresses.text(address)) || bare.equals(address.getHostAddress());
    return literal ? where : host + " (" + where + ")";
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private record AddressResult(Status status, String answer, String detail, Duration time) {}
}
