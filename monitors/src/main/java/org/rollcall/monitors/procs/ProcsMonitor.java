package org.rollcall.monitors.procs;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.cli.MonitorOptions;
import org.rollcall.core.cli.PlainArguments;
import org.rollcall.core.cli.ProcRootOption;
import org.rollcall.core.cli.RunSettings;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.ids.UserDirectory;
import org.rollcall.core.match.MatchParser;
import org.rollcall.monitors.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * procs.monitor (check_rollcall_procs under Nagios): check_procs' command line and status line, its
 * filters read as one ps.monitor MATCH, so a Nagios command or an Icinga 2 {@code procs} service
 * moves to rollcall by changing only the plugin's path.
 */
@Command(
    name = "procs.monitor",
    header = "Count processes with check_procs' options; fail out of range",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Counts processes with check_procs' options and checks them against -w and -c.",
      "The count (or, with -m, each process's value) is checked against Nagios ranges such as 10 (0 to 10), 10:"
          + " (at least 10), ~:10 (at most 10), 10:20, @10:20 (alert inside). With no filter but"
          + " -k and -X every process counts, zombies included; any other filter leaves zombies"
          + " out unless -s names Z."
          + " procs.monitor never counts itself, its children or the shells that started it."
          + " A name matches as in ps.monitor: longer than 15 bytes too, and a script's name for"
          + " interpreters (perl, python3, ...). -v also names the processes kept, -vv the MATCHes"
          + " counted.",
      "Example: check_rollcall_procs -C sshd -c 1:"
    })
public final class ProcsMonitor implements Launchable {
  @Mixin MonitorOptions options = new MonitorOptions();

  @Option(
      names = {"-w", "--warning"},
      paramLabel = "RANGE",
      description = "WARNING when the metric is outside RANGE.")
  String warning;

  @Option(
      names = {"-c", "--critical"},
      paramLabel = "RANGE",
      description = "CRITICAL when the metric is outside RANGE.")
  String critical;

  @Option(
      names = {"-m", "--metric"},
      paramLabel = "METRIC",
      description =
          "PROCS (the number of processes, the default), or each process's VSZ or RSS (KiB), CPU"
              + " (lifetime average, percent) or ELAPSED (seconds since it started).")
  String metricName = "PROCS";

  @Mixin ProcsFilters filters = new ProcsFilters();

  @Option(
      names = {"-T", "--traditional", "--traditional-filter"},
      description =
          "Accepted for check_procs' sake: procs.monitor always knows its own processes by PID.")
  boolean traditional;

  @Parameters(paramLabel = "HOST", hidden = true)
  List<String> stray = new ArrayList<>();

  @Mixin ProcRootOption procRoot = new ProcRootOption();

  private final UserDirectory users;

  /** What the last run counted, for tests that compare its processes with check_procs'. */
  ProcsCount counted;

  public ProcsMonitor() {
    this(UserDirectory.system(), new ProcRootOption());
  }

  /** With a fixed user directory and default proc tree, for tests on a fixture. */
  public ProcsMonitor(UserDirectory users, ProcRootOption procRoot) {
    this.users = users;
    this.procRoot = procRoot;
  }

  /**
   * The options of a plain run: check_procs' command lines as Nagios and Icinga 2 write them, each
   * option once with its value apart ({@code -C sshd -c 1:}), which its registry entry lists.
   */
  @Override
  public void takePlain(PlainArguments given) {
    options.takePlain(given);
    warning = given.value("--warning");
    critical = given.value("--critical");
    String metric = given.value("--metric");
    if (metric != null) {
      metricName = metric;
    }
    filters.takePlain(given);
    traditional = given.given("--traditional");
    procRoot.takePlain(given);
  }

  /** The metric's name, as check_procs starts its line with it ("RSS WARNING: ..."). */
  @Override
  public String service() {
    for (Metric metric : Metric.values()) {
      if (metric.name().equals(metricName)) {
        return metricName;
      }
    }
    return Metric.PROCS.name();
  }

  @Override
  public RunSettings settings() {
    return options.settings();
  }

  @Override
  public int run(Deadline deadline, PrintWriter out) {
    if (!stray.isEmpty()) {
      throw new UsageException(
          "takes options only, not '"
              + stray.get(0)
              + "' (under mon, end the monitor line with ;; so no host is added)");
    }
    Metric metric = Metric.named(metricName);
    Threshold warn = Threshold.parse("-w", warning);
    Threshold crit = Threshold.parse("-c", critical);
    String base = filters.match();
    MatchParser parser = new MatchParser(users, deadline);
    ProcsCount count = ProcsCount.of(procRoot.fs(), parser, base, metric, warn, crit);
    counted = count;
    ProcsReport report = new ProcsReport(metric, warn, crit, filters.description(users));
    return options.mode().render(report.of(count, options.verbosity()), out);
  }
}
