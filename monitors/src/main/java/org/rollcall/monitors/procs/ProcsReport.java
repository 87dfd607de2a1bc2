package org.rollcall.monitors.procs;

import java.util.List;
import org.rollcall.core.result.Finding;
import org.rollcall.core.result.Perfdata;
import org.rollcall.core.result.Report;
import org.rollcall.core.result.Status;
import org.rollcall.monitors.PidList;

/**
 * Turns a {@link ProcsCount} into check_procs' report: its status line ({@code 3 processes with
 * command name 'sshd'}, {@code 2 crit, 1 warn out of 84 processes}) and perfdata, with detail lines
 * that name the processes behind a failure.
 */
final class ProcsReport {
  private final Metric metric;
  private final Threshold warn;
  private final Threshold crit;
  private final String description;

  ProcsReport(Metric metric, Threshold warn, Threshold crit, String description) {
    this.metric = metric;
    this.warn = warn;
    this.crit = crit;
    this.description = description;
  }

  /**
   * @param verbosity how many {@code -v}: one or more names the processes kept even when all is
   *     well, two or more also the MATCHes counted
   */
  Report of(ProcsCount count, int verbosity) {
    Report report = new Report(metric.name());
    Status status = status(count);
    report.headline(headline(count, status));
    report.add(new Finding(status, metric.name(), details(count, status)));
    if (verbosity > 0) {
      report.addNote(
          processes(count.kept.low()) + " kept" + PidList.of(count.kept.matched(), count.measures));
    }
    if (verbosity > 1) {
      report.addNote("counted as ps.monitor MATCHes: '" + String.join("' '", count.matches) + "'");
    }
    if (count.scanNote != null) {
      report.addNote("note: " + count.scanNote);
    }
    addPerfdata(report, count);
    return report;
  }

  /**
   * The state every possible answer shares, else UNKNOWN: processes that could not be judged (not
   * visible, a file unreadable) may or may not count, so a count is only known to lie between the
   * kept and the kept and undecided; a process beyond -c is CRITICAL whatever the others are.
   */
  private Status status(ProcsCount count) {
    if (metric != Metric.PROCS) {
      if (!count.critical.isEmpty()) {
        return Status.CRITICAL;
      }
      if (!count.isExact()) {
        return Status.UNKNOWN;
      }
      return count.warning.isEmpty() ? Status.OK : Status.WARNING;
    }
    double low = count.kept.low();
    double high = count.kept.high();
    Status byCrit = crit.statusOf(low, high, Status.CRITICAL);
    return byCrit != Status.OK ? byCrit : warn.statusOf(low, high, Status.WARNING);
  }

  private String headline(ProcsCount count, Status status) {
    int n = count.kept.low();
    StringBuilder line = new StringBuilder();
    if (metric != Metric.PROCS && status == Status.CRITICAL) {
      line.append(count.critical.size()).append(" crit, ");
    }
    if (metric != Metric.PROCS && (status == Status.CRITICAL || status == Status.WARNING)) {
      line.append(count.warning.size()).append(" warn out of ");
    }
    line.append(processes(n));
    if (!description.isEmpty()) {
      line.append(" with ").append(description);
    }
    if (status == Status.UNKNOWN) {
      line.append(", and more that could not be judged (")
          .append(count.undecidedReason())
          .append(')');
    }
    return line.toString();
  }

  private List<String> details(ProcsCount count, Status status) {
    if (status == Status.OK) {
      return List.of();
    }
    if (status == Status.UNKNOWN) {
      return List.of(
          "cannot be decided: "
              + count.kept.low()
              + " kept, more undecided ("
              + count.undecidedReason()
              + ")"
              + PidList.of(count.kept.undecided()));
    }
    if (metric == Metric.PROCS) {
      Threshold failed = status == Status.CRITICAL ? crit : warn;
      return List.of(
          processes(count.kept.low())
              + (description.isEmpty() ? "" : " with " + description)
              + ": "
              + failed.describe("", "")
              + PidList.of(count.kept.matched()));
    }
    String critLine = beyond(count.critical, crit, count);
    String warnLine = beyond(count.warning, warn, count);
    if (critLine == null) {
      return List.of(warnLine);
    }
    return warnLine == null ? List.of(critLine) : List.of(critLine, warnLine);
  }

  /** {@code 2 processes where -c 100000 wants rss at most 100000 KiB: pids 812 (rss 2.3 GiB)}. */
  private String beyond(List<Integer> pids, Threshold threshold, ProcsCount count) {
    if (pids.isEmpty()) {
      return null;
    }
    return processes(pids.size())
        + " where "
        + threshold.describe(metric.quantity + " ", metric.unit)
        + PidList.of(pids, count.measures);
  }

  private static String processes(int n) {
    return n + (n == 1 ? " process" : " processes");
  }

  private void addPerfdata(Report report, ProcsCount count) {
    int n = count.kept.low();
    if (metric == Metric.PROCS) {
      report.addPerfdata(new Perfdata("procs", n, "", warn.range, crit.range, 0.0, null));
      return;
    }
    report.addPerfdata(Perfdata.count("procs", n, null));
    report.addPerfdata(Perfdata.count("procs_warn", count.warning.size(), null));
    report.addPerfdata(Perfdata.count("procs_crit", count.critical.size(), null));
  }
}
