package org.rollcall.monitors.net;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.result.Range;
import org.rollcall.core.result.Report;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options every host-checking monitor shares (the hosts, by {@code -H} as monitoring-plugins'
 * checks take them and last as mon appends them; which addresses; the response-time thresholds) and
 * the check they drive: every host at once, one report.
 */
public final class HostOptions {
  /** The check under way, for {@link #pending()}. */
  private volatile HostCheck running;

  @Option(
      names = {"-H", "--hostname"},
      paramLabel = "HOST",
      description =
          "A host to check, as Nagios plugins take it; repeat it for more hosts. Checked before "
              + "the HOST arguments.")
  List<String> named = new ArrayList<>();

  @Parameters(
      paramLabel = "HOST",
      arity = "0..*",
      description =
          "Host names or addresses (IPv6 with or without brackets); mon appends its hostgroup here. "
              + "A host given twice (by -H and by mon) is checked once.")
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
          "Connect and answer time in Nagios range syntax beyond which a host is WARNING (e.g. "
              + "1.5: more than 1.5 s). mon has no warning: there the host fails.")
  String warning;

  @Option(
      names = {"-c", "--critical"},
      paramLabel = "SECONDS",
      description =
          "Connect and answer time in Nagios range syntax beyond which a host is CRITICAL.")
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
    List<String> all = hosts();
    Range warn = warning();
    Range crit = critical();
    HostCheck check = new HostCheck(port, allAddresses, probe);
    running = check;
    List<HostResult> results = check.checkAll(all, deadline);
    return HostReport.of(service, results, new HostReport.Thresholds(warn, crit, deadline.total()));
  }

  /**
   * The {@code -H} hosts, then the arguments, each once: mon appends its hostgroup to a command
   * line that may already name a host with {@code -H}, and a host checked twice would give two
   * perfdata values of one label.
   */
  List<String> hosts() {
    List<String> given = new ArrayList<>(named);
    given.addAll(hosts);
    if (given.isEmpty()) {
      throw new UsageException("no host to check: give -H HOST or HOST arguments");
    }
    refuseEmptyHosts(given);
    return List.copyOf(new LinkedHashSet<>(given));
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
  private static void refuseEmptyHosts(List<String> given) {
    for (int i = 0; i < given.size(); i++) {
      if (given.get(i).isBlank()) {
        throw new UsageException(
            "HOST " + (i + 1) + " of " + given.size() + " is empty: give a host name or address");
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
