package org.rollcall.monitors.net;

import java.util.ArrayList;
import java.util.List;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.result.Range;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every host-checking monitor shares: the hosts (last, as mon appends them), addresses, thresholds. */
public final class HostOptions {
  @Parameters(paramLabel = "HOST", arity = "1..*",
      description = "Host names or addresses (IPv6 with or without brackets); mon appends its hostgroup here.")
  List<String> hosts = new ArrayList<>();

  @Option(names = "--all-addresses",
      description = "Check every A and AAAA address of each name; all must answer (by default one answering is "
          + "enough, as a client falls back).")
  boolean allAddresses;

  @Option(names = {"-w", "--warning"}, paramLabel = "SECONDS",
      description = "Response time in Nagios range syntax (e.g. 1.5) beyond which a host is WARNING.")
  String warning;

  @Option(names = {"-c", "--critical"}, paramLabel = "SECONDS",
      description = "Response time in Nagios range syntax beyond which a host is CRITICAL.")
  String critical;

  public List<String> hosts() {
    return List.copyOf(hosts);
  }

  public boolean allAddresses() {
    return allAddresses;
  }

  public Range warning() {
    return parse("-w", warning);
  }

  public Range critical() {
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
