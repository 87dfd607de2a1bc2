package org.rollcall.monitors.ps;

import java.util.List;
import java.util.StringJoiner;
import org.rollcall.core.match.RuleCount;
import org.rollcall.core.result.Finding;
import org.rollcall.core.result.Perfdata;
import org.rollcall.core.result.Report;
import org.rollcall.core.result.Status;
import org.rollcall.core.text.Decimals;
import org.rollcall.monitors.PidList;
import org.rollcall.monitors.ps.Restarts.Restart;

/**
 * Turns ps.monitor's rule counts into a report: one finding per rule, a perfdata count per rule.
 */
final class PsReport {
  private PsReport() {}

  static Report of(List<RuleCount> counts, String scanNote) {
    return of(counts, scanNote, null);
  }

  /**
   * @param unseenReason why processes the scan listed could not be judged at all (a malformed stat,
   *     naming the file), or null when they were only not visible
   */
  static Report of(List<RuleCount> counts, String scanNote, String unseenReason) {
    return of(counts, List.of(), scanNote, unseenReason);
  }

  /**
   * @param restarts each rule's restart or null, in the rules' order; empty without --restarts
   */
  static Report of(
      List<RuleCount> counts, List<Restart> restarts, String scanNote, String unseenReason) {
    Report report = new Report("PS");
    StringJoiner held = new StringJoiner(" ");
    int rule = 0;
    for (RuleCount count : counts) {
      Finding finding = finding(count, unseenReason);
      Restart restart = restarts.isEmpty() ? null : restarts.get(rule++);
      // Without --restarts no class of theirs is loaded: a plain run costs what it did.
      report.add(restart == null ? finding : Restart.addedTo(finding, restart));
      report.addPerfdata(
          Perfdata.count(count.rule().matchText(), count.low(), count.rule().range()));
      held.add(count.rule().matchText() + ":" + count.low());
    }
    report.okSummary(
        counts.size() + (counts.size() == 1 ? " rule holds: " : " rules hold: ") + held);
    if (scanNote != null) {
      report.addNote("note: " + scanNote);
    }
    return report;
  }

  static Finding finding(RuleCount count) {
    return finding(count, null);
  }

  static Finding finding(RuleCount count, String unseenReason) {
    Status status = count.status();
    String match = count.rule().matchText();
    String expected = "expected " + count.rule().range().describe();
    if (status == Status.OK) {
      return Finding.ok(match + ":" + count.low());
    }
    if (status == Status.CRITICAL) {
      String line =
          count.rule().text()
              + " has "
              + count.low()
              + (count.isExact() ? "" : " or more")
              + " matching "
              + (count.low() == 1 ? "process" : "processes")
              + ", "
              + expected
              + PidList.of(count.matched(), count.measures());
      return Finding.of(status, match + ":" + count.low(), line);
    }
    String upTo =
        count.high() == Double.POSITIVE_INFINITY
            ? "an unknown number"
            : "up to " + Decimals.plain(count.high() - count.low());
    String line =
        count.rule().text()
            + " cannot be decided: "
            + count.low()
            + " matching, "
            + upTo
            + " more undecided ("
            + (count.undecidedReason() != null
                ? count.undecidedReason()
                : unseenReason != null ? unseenReason : "processes not visible")
            + "), "
            + expected
            + PidList.of(count.matched());
    return Finding.of(Status.UNKNOWN, match + ":" + count.low() + "?", line);
  }
}
