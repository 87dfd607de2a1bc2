package org.rollcall.monitors.exclusion;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.rollcall.core.result.Finding;
import org.rollcall.core.result.Perfdata;
import org.rollcall.core.result.Range;
import org.rollcall.core.result.Report;
import org.rollcall.core.result.Status;
import org.rollcall.monitors.PidList;

/**
 * Turns exclusion outcomes into a report: one finding per rule, whose summary word lists its
 * offenders as {@code RULE:NAME(PID)} and whose detail lines show each offender's credentials,
 * label, exe and args; a perfdata count per rule.
 */
final class ExclusionReport {
  private ExclusionReport() {}

  static Report of(List<RuleOutcome> outcomes, int checked, String scanNote) {
    Report report = new Report("EXCLUSION");
    StringJoiner held =
        new StringJoiner(", ", "no excluded process: ", " (" + checked + " processes checked)");
    for (RuleOutcome outcome : outcomes) {
      report.add(finding(outcome));
      ExclusionRule rule = outcome.rule();
      if (outcome.unavailable() == null) {
        long count = rule.allowed() == 0 ? outcome.offenders().size() : outcome.selected();
        report.addPerfdata(
            Perfdata.count(rule.name(), count, Range.between(rule.allowed(), rule.allowed())));
      }
      held.add(rule.name() + (outcome.kept() == null ? " none" : " only " + outcome.kept().tag()));
    }
    report.okSummary(held.toString());
    if (scanNote != null && anyDecided(report.findings())) {
      report.addNote("note: " + scanNote);
    }
    return report;
  }

  private static boolean anyDecided(List<Finding> findings) {
    for (Finding finding : findings) {
      if (finding.status() != Status.UNKNOWN) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code RULE: NAME(PID) OFFENCE[, where only KEPT may]: IDENTITY[ (why --allow was undecided)]}.
   */
  private static String detail(ExclusionRule rule, Breach breach, Offender kept) {
    Offender offender = breach.offender();
    return rule.name()
        + ": "
        + offender.tag()
        + " "
        + breach.offence()
        + (kept == null ? "" : ", where only " + kept.tag() + " may")
        + ": "
        + offender.identity()
        + (offender.allowNote() == null ? "" : " (" + offender.allowNote() + ")");
  }

  /**
   * The breaches with those of one group together, groups in the order of their first process (the
   * PID order), so the lines a sysadmin acts on at once stand together.
   */
  static List<Breach> grouped(List<Breach> breaches) {
    List<Breach> ordered = new ArrayList<>(breaches.size());
    boolean[] placed = new boolean[breaches.size()];
    for (int i = 0; i < breaches.size(); i++) {
      if (!placed[i]) {
        String group = breaches.get(i).group();
        for (int j = i; j < breaches.size(); j++) {
          if (!placed[j] && (j == i || group != null && group.equals(breaches.get(j).group()))) {
            placed[j] = true;
            ordered.add(breaches.get(j));
          }
        }
      }
    }
    return ordered;
  }

  static Finding finding(RuleOutcome outcome) {
    ExclusionRule rule = outcome.rule();
    if (outcome.unavailable() != null) {
      return Finding.of(
          Status.UNKNOWN,
          rule.name() + ":?",
          rule.option()
              + " cannot be checked: SELinux labels not readable ("
              + outcome.unavailable()
              + ")");
    }
    List<String> details = new ArrayList<>();
    StringJoiner token = new StringJoiner(" ");
    String previous = null;
    for (Breach breach : grouped(outcome.offenders())) {
      // A group's word once, for all its processes: the summary names what to restart.
      if (breach.group() == null) {
        token.add(rule.name() + ":" + breach.offender().tag());
      } else if (!breach.group().equals(previous)) {
        token.add(rule.name() + ":" + breach.group());
      }
      previous = breach.group();
      details.add(detail(rule, breach, outcome.kept()));
    }
    if (outcome.missingSingle()) {
      token.add(rule.name() + ":none");
      details.add(
          rule.option()
              + ": no process runs in SELinux domain "
              + rule.domain()
              + ", expected exactly one");
    }
    if (!outcome.undecided().isEmpty()) {
      details.add(
          rule.option()
              + " cannot be decided for "
              + outcome.undecided().size()
              + " "
              + (outcome.undecided().size() == 1 ? "process" : "processes")
              + " ("
              + outcome.undecidedReason()
              + ")"
              + PidList.of(outcome.undecided()));
    }
    if (outcome.unseen() != null && token.length() == 0) {
      // A process this scan could not see may break the rule: no offender seen is not "none".
      details.add(
          rule.option()
              + " cannot be decided: "
              + outcome.unseen()
              + (outcome.kept() == null
                  ? ""
                  : "; only " + outcome.kept().tag() + " seen in domain " + rule.domain()));
    }
    if (!details.isEmpty() && token.length() == 0) {
      return new Finding(Status.UNKNOWN, rule.name() + ":?", details);
    }
    if (!details.isEmpty()) {
      return new Finding(Status.CRITICAL, token.toString(), details);
    }
    return Finding.ok(rule.name() + ":" + outcome.selected());
  }
}
