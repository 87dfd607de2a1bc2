package org.rollcall.monitors.cpu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rollcall.core.ids.UserDirectory;
import org.rollcall.core.match.CommandLineText;
import org.rollcall.core.proc.Credentials;
import org.rollcall.core.proc.Field;
import org.rollcall.core.result.Finding;
import org.rollcall.core.result.Perfdata;
import org.rollcall.core.result.Report;
import org.rollcall.core.result.Status;
import org.rollcall.core.text.Decimals;

/**
 * Turns measured CPU use into a report: a finding per measured process (offenders named {@code
 * NAME(PID):PCT%} with a detail line each), the {@code --top} busiest as notes, and perfdata for
 * the busiest process and the busiest names.
 */
final class CpuReport {
  static final int PERFDATA_DEFAULT = 5;

  private final CpuLimits limits;
  private final UserDirectory users;
  private final String window;

  /**
   * @param window how the window reads after a percentage: "over the last 300 s", "over a 5 s
   *     sample"
   */
  CpuReport(CpuLimits limits, UserDirectory users, String window) {
    this.limits = limits;
    this.users = users;
    this.window = window;
  }

  /**
   * @param busiestFirst the measured, not exempt processes, busiest first
   * @param unmeasured why some processes could not be measured at all (hidepid, unreadable stat),
   *     or null
   */
  Report of(List<CpuUse> busiestFirst, int exempt, int top, List<String> notes, String unmeasured) {
    Report report = new Report("CPU");
    if (unmeasured != null) {
      // A hog among the processes this run could not read is possible: "none over the limit" would
      // be a guess.
      report.add(
          Finding.of(
              Status.UNKNOWN,
              "unmeasured:?",
              "some processes could not be measured: " + unmeasured));
    }
    for (CpuUse use : busiestFirst) {
      String token = use.tag() + ":" + percent(use.percent()) + "%";
      Status status = limits.status(use.percent());
      report.add(
          new Finding(status, token, status == Status.OK ? List.of() : List.of(detail(use))));
    }
    String busiest =
        busiestFirst.isEmpty()
            ? ""
            : "; busiest "
                + busiestFirst.get(0).tag()
                + " "
                + percent(busiestFirst.get(0).percent())
                + "%";
    report.okSummary(
        "no process over "
            + Decimals.plain(limits.crit())
            + "% of one CPU "
            + window
            + " ("
            + busiestFirst.size()
            + " measured, "
            + exempt
            + " exempt)"
            + busiest);
    report.addPerfdata(
        new Perfdata(
            "busiest",
            busiestFirst.isEmpty() ? 0 : round(busiestFirst.get(0).percent()),
            "%",
            limits.warnRange(),
            limits.critRange(),
            0.0,
            null));
    for (CpuUse use : busiestOfEachName(busiestFirst, top > 0 ? top : PERFDATA_DEFAULT)) {
      report.addPerfdata(
          new Perfdata(
              use.process().comm(),
              round(use.percent()),
              "%",
              limits.warnRange(),
              limits.critRange(),
              0.0,
              null));
    }
    for (int i = 0; i < Math.min(top, busiestFirst.size()); i++) {
      report.addNote("top " + (i + 1) + ": " + detail(busiestFirst.get(i)));
    }
    for (String note : notes) {
      report.addNote(note);
    }
    return report;
  }

  /**
   * The busiest process of each of the {@code names} busiest names. Perfdata is labelled by name,
   * never by PID: a grapher starts a new series for every new label, and a restarted daemon keeps
   * its name, not its PID.
   */
  static List<CpuUse> busiestOfEachName(List<CpuUse> busiestFirst, int names) {
    Map<String, CpuUse> busiest = new LinkedHashMap<>();
    for (CpuUse use : busiestFirst) {
      if (busiest.size() == names) {
        break;
      }
      busiest.putIfAbsent(use.process().comm(), use);
    }
    return List.copyOf(busiest.values());
  }

  /** NAME(PID): PCT% of one CPU WINDOW (N s of CPU); user; exe; args. */
  String detail(CpuUse use) {
    String over =
        use.startedInWindow() || window.startsWith("averaged")
            ? "over its "
                + seconds(use.windowSeconds())
                + " s life"
                + (use.startedInWindow()
                    ? " (it started "
                        + (window.startsWith("over ")
                            ? "within " + window.substring("over ".length())
                            : window)
                        + ")"
                    : "")
            : window;
    return use.tag()
        + ": "
        + percent(use.percent())
        + "% of one CPU "
        + over
        + " ("
        + seconds(use.cpuSeconds())
        + " s of CPU); user "
        + user(use.process().credentials())
        + "; exe "
        + use.process().exe()
        + "; args "
        + CommandLineText.shortArgs(use.process().cmdline());
  }

  private String user(Field<Credentials> credentials) {
    if (!credentials.isPresent()) {
      return "(" + credentials.whyAbsent() + ")";
    }
    int uid = credentials.value().effectiveUid();
    Optional<String> name = users.userName(uid);
    return name.isPresent()
        ? name.get() + "(" + Integer.toUnsignedString(uid) + ")"
        : Integer.toUnsignedString(uid);
  }

  static String percent(double value) {
    return Decimals.fixed(value, 1);
  }

  static String seconds(double value) {
    return Decimals.fixed(value, value >= 100 ? 0 : 1);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
