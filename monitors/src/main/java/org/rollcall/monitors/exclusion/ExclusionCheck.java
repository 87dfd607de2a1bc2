package org.rollcall.monitors.exclusion;

import java.util.ArrayList;
import java.util.List;
import org.rollcall.core.ids.UserDirectory;
import org.rollcall.core.match.ProcessMatch;
import org.rollcall.core.match.Verdict;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.ProcessGoneException;
import org.rollcall.core.proc.Scan;

/**
 * Evaluates exclusion rules on a scan. Zombies are skipped (they run nothing) and so are processes
 * an {@code --allow} MATCH certainly matches, for every rule; one whose exemption cannot be decided
 * is reported with the reason, because an exclusion check that guesses in the offender's favour
 * would pass silently.
 */
final class ExclusionCheck {
  private final List<ProcessMatch> allowed;
  private final UserDirectory users;

  ExclusionCheck(List<ProcessMatch> allowed, UserDirectory users) {
    this.allowed = List.copyOf(allowed);
    this.users = users;
  }

  /**
   * @param selinuxMissing why SELinux labels cannot be read, or null when they can
   */
  List<RuleOutcome> evaluate(List<ExclusionRule> rules, Scan scan, String selinuxMissing) {
    List<Tally> tallies = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      tallies.add(new Tally());
    }
    for (ProcessEntry process : scan.processes()) {
      if (!process.stat().isZombie()) {
        try {
          check(process, rules, tallies, selinuxMissing);
        } catch (ProcessGoneException e) {
          // it exited while we read it: it breaks no rule any more
        } finally {
          process.release();
        }
      }
    }
    List<RuleOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      ExclusionRule rule = rules.get(i);
      outcomes.add(
          rule.needsSelinux() && selinuxMissing != null
              ? RuleOutcome.unavailable(rule, selinuxMissing)
              : tallies.get(i).outcome(rule, scan.incompletenessNote()));
    }
    return outcomes;
  }

  /**
   * Tests one process against every rule before any tally changes, so one that exits is dropped
   * from all.
   */
  private void check(
      ProcessEntry process, List<ExclusionRule> rules, List<Tally> tallies, String selinuxMissing) {
    Verdict[] verdicts = new Verdict[rules.size()];
    boolean concerned = false;
    for (int i = 0; i < rules.size(); i++) {
      boolean checkable = !rules.get(i).needsSelinux() || selinuxMissing == null;
      verdicts[i] = checkable ? rules.get(i).test(process) : Verdict.NO;
      concerned |= !verdicts[i].isNo();
    }
    if (!concerned) {
      return;
    }
    Verdict exemption = exemption(process);
    if (exemption.isYes()) {
      return;
    }
    Offender offender =
        Offender.of(process, users, exemption.isUnknown() ? exemption.reason() : null);
    // Every rule's words first: the process may exit while they are read, and then counts for none.
    Breach[] breaches = new Breach[rules.size()];
    for (int i = 0; i < rules.size(); i++) {
      Judge judge = rules.get(i).judge();
      if (verdicts[i].isYes()) {
        breaches[i] = new Breach(offender, judge.offence(process), judge.group(process));
      }
    }
    for (int i = 0; i < rules.size(); i++) {
      tallies.get(i).add(breaches[i], offender.pid(), verdicts[i]);
    }
  }

  /** Yes when some --allow MATCH matches; undecided when none does but one cannot be decided. */
  private Verdict exemption(ProcessEntry process) {
    Verdict result = Verdict.NO;
    for (ProcessMatch match : allowed) {
      Verdict verdict = match.test(process);
      if (verdict.isYes()) {
        return verdict;
      }
      if (verdict.isUnknown() && result.isNo()) {
        result = Verdict.unknown("--allow '" + match.text() + "' undecided: " + verdict.reason());
      }
    }
    return result;
  }

  /** One rule's processes so far. */
  private static final class Tally {
    private final List<Breach> selected = new ArrayList<>();
    private final List<Integer> undecided = new ArrayList<>();
    private String reason;

    /**
     * @param breach what the rule found, when it selected the process
     */
    void add(Breach breach, int pid, Verdict verdict) {
      if (verdict.isYes()) {
        selected.add(breach);
      } else if (verdict.isUnknown()) {
        undecided.add(pid);
        reason = reason == null ? verdict.reason() : reason;
      }
    }

    RuleOutcome outcome(ExclusionRule rule, String unseen) {
      Breach kept = null;
      if (rule.allowed() == 1 && !selected.isEmpty()) {
        // The domain's one legitimate process is the first started: init (PID 1) on a healthy
        // system.
        kept = selected.get(0);
        for (Breach breach : selected) {
          Offender offender = breach.offender();
          if (offender.starttime() < kept.offender().starttime()
              || offender.starttime() == kept.offender().starttime()
                  && offender.pid() < kept.offender().pid()) {
            kept = breach;
          }
        }
      }
      // By identity, not List.remove: a record's own equals bootstraps method handles.
      List<Breach> offenders = new ArrayList<>(selected.size());
      for (Breach breach : selected) {
        if (breach != kept) {
          offenders.add(breach);
        }
      }
      return new RuleOutcome(
          rule,
          List.copyOf(offenders),
          kept == null ? null : kept.offender(),
          List.copyOf(undecided),
          reason,
          null,
          unseen);
    }
  }
}
