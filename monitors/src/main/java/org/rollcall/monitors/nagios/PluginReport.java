package org.rollcall.monitors.nagios;

import java.io.PrintWriter;
import org.rollcall.core.result.Finding;
import org.rollcall.core.result.OutputMode;
import org.rollcall.core.result.Report;
import org.rollcall.core.result.Status;

/** Turns one Nagios plugin run into mon's output and exit code. */
final class PluginReport {
  private PluginReport() {}

  /**
   * Prints the run in mon's contract and returns the exit code mon sees: 0 when the plugin passed,
   * otherwise the plugin's own code, which mon hands to alerts as MON_RETVAL ({@code alert exit=2}
   * routes criticals). The renderer's generic failure code (1) would lose that, so the code is the
   * plugin's, not the renderer's.
   */
  static int render(
      String plugin, NagiosMonitor.PluginRun run, boolean warningFails, PrintWriter out) {
    Report report = of(plugin, run, warningFails);
    int rendered = OutputMode.MON.render(report, out);
    if (rendered == 0) {
      return 0;
    }
    return run.exit() == null ? Status.UNKNOWN.nagiosCode() : run.exit();
  }

  static Report of(String plugin, NagiosMonitor.PluginRun run, boolean warningFails) {
    PluginOutput output = PluginOutput.parse(run.stdout());
    String name = plugin.substring(plugin.lastIndexOf('/') + 1);
    Status status = run.exit() == null ? Status.UNKNOWN : statusOf(run.exit());
    boolean fails = status != Status.OK && (status != Status.WARNING || warningFails);
    String summary = output.text().isEmpty() ? name + " printed nothing" : output.text();
    if (run.killedBecause() != null) {
      summary =
          name + " " + run.killedBecause() + (output.text().isEmpty() ? "" : ": " + output.text());
    }
    Report report = new Report("NAGIOS").okSummary(summary);
    report.add(fails ? Finding.of(status, summary) : Finding.ok(summary));
    output.longOutput().forEach(report::addNote);
    if (!output.perfdata().isEmpty()) {
      report.addNote("perfdata: " + String.join(" ", output.perfdata()));
    }
    run.stderrLines().forEach(line -> report.addNote("stderr: " + line));
    if (run.signal() != 0) {
      report.addNote(
          name
              + " was killed by signal "
              + run.signal()
              + signalName(run.signal())
              + ", exit code "
              + run.exit()
              + " as a shell gives it");
    } else if (run.exit() != null && run.exit() > 3) {
      report.addNote(name + " exited with " + run.exit() + ", which is no Nagios state (0-3)");
    }
    return report;
  }

  private static String signalName(int signal) {
    return switch (signal) {
      case 1 -> " (SIGHUP)";
      case 2 -> " (SIGINT)";
      case 3 -> " (SIGQUIT)";
      case 6 -> " (SIGABRT)";
      case 9 -> " (SIGKILL)";
      case 11 -> " (SIGSEGV)";
      case 13 -> " (SIGPIPE)";
      case 14 -> " (SIGALRM)";
      case 15 -> " (SIGTERM)";
      default -> "";
    };
  }

  private static Status statusOf(int exit) {
    return switch (exit) {
      case 0 -> Status.OK;
      case 1 -> Status.WARNING;
      case 2 -> Status.CRITICAL;
      default -> Status.UNKNOWN;
    };
  }
}
