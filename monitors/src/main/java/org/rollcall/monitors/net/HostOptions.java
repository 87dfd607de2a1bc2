package org.rollcall.monitors.net;

import java.util.ArrayList;
import java.util.List;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.result.Range;
import org.rollcall.core.result.Report;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options every host-checking monitor shares (the hosts, last as mon appends them; which
 * addresses; the response-time thresholds) and the check they drive: every host at once, one
 * report.
 */
public final class HostOptions {
  /** The check under way, for {@link #pending()}. */
  private volatile HostCheck running;

  @Parameters(
      paramLabel = "HOST",
      arity = "1..*",
      description =
          "Host names or addresses (IPv6 with or without brackets); mon appends its hostgroup here.")
  List<String> hosts = new ArrayList<>();

  @Option(
      names = "--all-addresses",
      description =
          "Check every A and AAAA address of each name; all must answer (by default one answering is "
              + "enough, as a client falls back).")
  boolean allAddresses;

  @Option(
      names = {"-w", "--warning"},
      paramLabel = "SECONDS",
      description =
          "Response time in Nagios range syntax (e.g. 1.5) beyond which a host is WARNING.")
  String warning;

  @Option(
      names = {"-c", "--critical"},
      paramLabel = "SECONDS",
      description = "Response time in Nagios range syntax beyond which a host is CRITICAL.")
  String critical;

  /**
   * Checks every host on {@code port} with {@code probe} under the run's deadline and reports the
   * results, with the response-time thresholds applied.
   */
  public Report check(String service, int port, AddressProbe probe, Deadline deadline)
      throws InterruptedException {
    if (port < 1 || port > 65_535) {
      throw new UsageException("-p " + port + " is not a port (1-65535)");
    }
    refuseEmptyHosts();
    Range warn = warning();
    Range crit = critical();
    HostCheck check = new HostCheck(port, allAddresses, probe);
    running = check;
    List<HostResult> results = check.checkAll(List.copyOf(hosts), deadline);
    return HostReport.of(service, results, warn, crit);
  }

  /** The hosts the check under way still waits on ("127.0.0.1:9 (no answer yet)"), or null. */
  public String pending() {
    HostCheck check = running;
    return check == null ? null : check.pending();
  }

  /**
   * An empty word (an unset variable in mon.cf) is no host: checked, it printed an empty first
   * line.
   */
  private void refuseEmptyHosts() {
    for (int i = 0; i < hosts.size(); i++) {
      if (hosts.get(i).isBlank()) {
        throw new UsageException(
            "HOST " + (i + 1) + " of " + hosts.size() + " is empty: give a host name or address");
      }
    }
  }

  Range warning() {
    return parse("-w", warning);
  }

  Range critical() {
    return parse("-c", critical);
  }

  private static Range parse(String option, String text) {
    if (text == null) {
      return null;
    }
    try {
      return Range.parseNagios(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": " + e.getMessage());
    }
  }
}
