package org.rollcall.core.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.ProcessGoneException;
import org.rollcall.core.proc.Scan;

/**
 * Counts the processes of a scan that each rule matches. A process is tested against every rule
 * before any count changes, so one that exits halfway is dropped from all rules alike. Zombies are
 * not counted: they run nothing. Whether a process is a zombie or our own is asked only once a rule
 * matches it (or cannot tell), so a scan of names reads the stat of those processes only.
 */
public final class RuleCounter {
  private RuleCounter() {}

  /** Counts with the processes {@code excluded} left out, whoever they are. */
  public static List<RuleCount> count(List<Rule> rules, Scan scan, Set<Integer> excluded) {
    return count(rules, scan, OwnProcesses.listed(excluded));
  }

  /** Counts with our own processes left out. */
  public static List<RuleCount> count(List<Rule> rules, Scan scan, OwnProcesses own) {
    List<List<Integer>> matched = lists(rules.size());
    List<List<Integer>> undecided = lists(rules.size());
    String[] reasons = new String[rules.size()];
    Verdict[] verdicts = new Verdict[rules.size()];
    ProcessMatch[] matches = new ProcessMatch[rules.size()];
    for (int i = 0; i < matches.length; i++) {
      matches[i] = rules.get(i).match();
    }
    for (ProcessEntry process : scan.processes()) {
      if (!counts(process, matches, verdicts, own)) {
        continue;
      }
      for (int i = 0; i < rules.size(); i++) {
        if (verdicts[i].isYes()) {
          matched.get(i).add(process.pid());
        } else if (verdicts[i].isUnknown()) {
          undecided.get(i).add(process.pid());
          if (reasons[i] == null) {
            reasons[i] = verdicts[i].reason();
          }
        }
      }
    }
    int unseen = scan.hiddenNote() != null ? -1 : scan.unreadable();
    List<RuleCount> counts = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      counts.add(new RuleCount(rules.get(i), matched.get(i), undecided.get(i), reasons[i], unseen));
    }
    return counts;
  }

  /**
   * Tests {@code process} against every match into {@code verdicts}: whether it counts for one of
   * them (a zombie, one of ours or one that exited meanwhile does not). A method of its own so the
   * JIT compiles it early: a scan's loop runs too few times to be compiled while it runs.
   */
  private static boolean counts(
      ProcessEntry process, ProcessMatch[] matches, Verdict[] verdicts, OwnProcesses own) {
    try {
      boolean counted = false;
      for (int i = 0; i < matches.length; i++) {
        verdicts[i] = matches[i].test(process);
        counted |= !verdicts[i].isNo();
      }
      return counted && !process.stat().isZombie() && !own.includes(process);
    } catch (ProcessGoneException e) {
      return false;
    } finally {
      process.release();
    }
  }

  private static List<List<Integer>> lists(int n) {
    List<List<Integer>> lists = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lists.add(new ArrayList<>());
    }
    return lists;
  }
}
