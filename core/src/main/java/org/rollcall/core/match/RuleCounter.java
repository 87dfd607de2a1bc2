package org.rollcall.core.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rollcall.core.proc.ProcFs;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.ProcessGoneException;
import org.rollcall.core.proc.Scan;

/**
 * Counts the processes of a scan that each rule matches. A process is tested against every rule
 * before any count changes, so one that exits halfway is dropped from all rules alike. Zombies are
 * counted only by the rules that ask for them ({@link ProcessMatch#countsZombies()}): they run
 * nothing. Whether a process is a zombie or our own is asked only once a rule matches it (or cannot
 * tell), so a scan of names reads the stat of those processes only.
 */
public final class RuleCounter {
  private RuleCounter() {}

  /**
   * Scans {@code fs} as {@code rules} need it: the processes' names, their stat read only for those
   * that need it (a rule matches them, or their exe link cannot be read); every stat when a rule
   * tests {@code ppid=} or {@code state=} first, which needs each one anyway; every status too, on
   * the scan's threads, when a rule tests {@code user=} or {@code group=} first; nothing of a
   * process when every rule is {@code *} alone.
   */
  public static Scan scanFor(ProcFs fs, List<Rule> rules) {
    boolean names = false;
    boolean stats = false;
    boolean credentials = false;
    for (Rule rule : rules) {
      stats |= rule.match().readsStatFirst();
      credentials |= rule.match().readsCredentialsFirst();
      names |= !rule.match().readsNothing();
    }
    if (stats) {
      return credentials ? fs.scanWithCredentials() : fs.scan();
    }
    if (credentials) {
      return fs.scanNamesWithCredentials();
    }
    return names ? fs.scanNames() : fs.scanListed();
  }

  /** Counts with the processes {@code excluded} left out, whoever they are. */
  public static List<RuleCount> count(List<Rule> rules, Scan scan, Set<Integer> excluded) {
    return count(rules, scan, OwnProcesses.listed(excluded));
  }

  /** Counts with our own processes left out. */
  public static List<RuleCount> count(List<Rule> rules, Scan scan, OwnProcesses own) {
    List<List<Integer>> matched = lists(rules.size());
    List<List<Integer>> undecided = lists(rules.size());
    List<Map<Integer, String>> measures = new ArrayList<>(rules.size());
    String[] reasons = new String[rules.size()];
    String[] measured = new String[rules.size()];
    Verdict[] verdicts = new Verdict[rules.size()];
    ProcessMatch[] matches = new ProcessMatch[rules.size()];
    boolean zombiesMatter = false;
    for (int i = 0; i < matches.length; i++) {
      matches[i] = rules.get(i).match();
      measures.add(new HashMap<>());
      zombiesMatter |= !matches[i].countsZombies();
    }
    for (ProcessEntry process : scan.processes()) {
      if (!counts(process, matches, verdicts, measured, own, zombiesMatter)) {
        continue;
      }
      for (int i = 0; i < rules.size(); i++) {
        if (verdicts[i].isYes()) {
          matched.get(i).add(process.pid());
          if (measured[i] != null) {
            measures.get(i).put(process.pid(), measured[i]);
          }
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
      counts.add(
          new RuleCount(
              rules.get(i), matched.get(i), undecided.get(i), reasons[i], unseen, measures.get(i)));
    }
    return counts;
  }

  /**
   * Tests {@code process} against every match into {@code verdicts}, and what each match that holds
   * measured into {@code measured}: whether it counts for one of them (one of ours, one that exited
   * meanwhile, or a zombie for the matches that do not ask for zombies does not: only then, {@code
   * zombiesMatter}, is its state read). A method of its own so the JIT compiles it early: a scan's
   * loop runs too few times to be compiled while it runs.
   */
  private static boolean counts(
      ProcessEntry process,
      ProcessMatch[] matches,
      Verdict[] verdicts,
      String[] measured,
      OwnProcesses own,
      boolean zombiesMatter) {
    try {
      boolean counted = false;
      for (int i = 0; i < matches.length; i++) {
        verdicts[i] = matches[i].test(process);
        counted |= !verdicts[i].isNo();
      }
      if (counted && zombiesMatter && process.stat().isZombie()) {
        counted = dropZombie(matches, verdicts);
      }
      if (!counted || own.includes(process)) {
        return false;
      }
      for (int i = 0; i < matches.length; i++) {
        measured[i] = verdicts[i].isYes() ? matches[i].measure(process) : null;
      }
      return true;
    } catch (ProcessGoneException e) {
      return false;
    } finally {
      process.release();
    }
  }

  /** Turns the verdicts of matches that skip zombies to no: whether one still counts it. */
  private static boolean dropZombie(ProcessMatch[] matches, Verdict[] verdicts) {
    boolean counted = false;
    for (int i = 0; i < matches.length; i++) {
      if (!matches[i].countsZombies()) {
        verdicts[i] = Verdict.NO;
      }
      counted |= !verdicts[i].isNo();
    }
    return counted;
  }

  private static List<List<Integer>> lists(int n) {
    List<List<Integer>> lists = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lists.add(new ArrayList<>());
    }
    return lists;
  }
}
