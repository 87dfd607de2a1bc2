package org.rollcall.monitors.ps;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rollcall.core.match.Rule;
import org.rollcall.core.proc.ProcClock;
import org.rollcall.core.result.Finding;
import org.rollcall.core.result.Status;
import org.rollcall.monitors.PidList;
import org.rollcall.monitors.ProcessKey;

/**
 * Which rules' daemons restarted between two runs of the same boot: a rule restarted when every
 * process it matched at the previous run is gone and it matches processes now. A rule that matched
 * nothing then (it started, it did not restart) or matches nothing now (its range says so) did not.
 * A process is its (PID, start time), so a PID the kernel gave to a new process is gone all the
 * same.
 */
final class Restarts {
  private static final long TICKS = ProcClock.TICKS_PER_SECOND;

  /** What became of a process of the previous run. */
  enum Life {
    RUNS,
    GONE,
    /** Not in this run's scan, which could not see every process: it may run on. */
    UNSEEN
  }

  /** What became of each process of the previous run, asked only until one runs on. */
  interface Lives {
    Life of(ProcessKey key);
  }

  /** A rule that restarted (CRITICAL), or may have (UNKNOWN), and the detail line saying so. */
  record Restart(Status status, String line) {
    /** {@code base}, the rule's finding on its count, with {@code restart} added. */
    static Finding addedTo(Finding base, Restart restart) {
      List<String> details = new ArrayList<>(base.failed() ? base.details() : List.of());
      details.add(restart.line);
      return new Finding(
          base.status().worst(restart.status),
          base.token() + (restart.status == Status.CRITICAL ? ",restarted" : ",restarted?"),
          details);
    }
  }

  private final RestartState previous;
  private final RestartState now;
  private final WallClock clock;

  /**
   * @param previous the previous run's state, of this boot
   */
  Restarts(RestartState previous, RestartState now, WallClock clock) {
    this.previous = previous;
    this.now = now;
    this.clock = clock;
  }

  /**
   * Each rule's restart, or null where there is none; a rule the previous run did not have gets a
   * note instead.
   *
   * @param lives what became of each process of the previous run
   * @param unseenReason why this run's scan could not see every process, or null
   */
  List<Restart> judge(List<Rule> rules, Lives lives, String unseenReason, List<String> notes) {
    List<Restart> restarts = new ArrayList<>(rules.size());
    for (Rule rule : rules) {
      List<ProcessKey> then = previous.rules().get(rule.text());
      if (then == null) {
        notes.add(
            "note: --restarts: "
                + rule.text()
                + " is new since the previous run at "
                + clock.at(previous.runTime())
                + "; recorded for the next run");
      }
      restarts.add(
          then == null
              ? null
              : restart(rule, then, now.rules().get(rule.text()), lives, unseenReason));
    }
    return restarts;
  }

  private Restart restart(
      Rule rule,
      List<ProcessKey> then,
      List<ProcessKey> running,
      Lives lives,
      String unseenReason) {
    if (then.isEmpty() || running.isEmpty()) {
      return null;
    }
    Life fate = fate(then, running, lives);
    if (fate == Life.RUNS) {
      return null;
    }
    String since = " since " + clock.at(previous.runTime()) + ": ";
    String runs = processes(running, now.bootTime()) + (running.size() == 1 ? " runs" : " run");
    if (fate == Life.UNSEEN) {
      return new Restart(
          Status.UNKNOWN,
          "cannot tell whether "
              + rule.matchText()
              + " restarted"
              + since
              + processes(then, previous.bootTime())
              + (then.size() == 1 ? " is" : " are")
              + " not among the processes this run could see ("
              + (unseenReason != null ? unseenReason : "a stat could not be read")
              + "), "
              + runs);
    }
    return new Restart(
        Status.CRITICAL,
        rule.matchText()
            + " restarted"
            + since
            + processes(then, previous.bootTime())
            + (then.size() == 1 ? " is gone, " : " are gone, ")
            + runs);
  }

  /**
   * RUNS when a process of the previous run runs on (or counted in this run), else UNSEEN when one
   * may (this run could not see it), else GONE: all of them are.
   */
  private static Life fate(List<ProcessKey> then, List<ProcessKey> running, Lives lives) {
    Set<ProcessKey> counted = new HashSet<>(running);
    Life fate = Life.GONE;
    for (ProcessKey key : then) {
      Life life = lives.of(key);
      if (life == Life.RUNS || counted.contains(key)) {
        return Life.RUNS;
      }
      if (life == Life.UNSEEN) {
        fate = Life.UNSEEN;
      }
    }
    return fate;
  }

  /**
   * "pid 812 (started 09:13)", or "pids 812 (started 09:13), 900 (started 10:00)", at most {@link
   * PidList#SHOWN} of them and then how many more.
   */
  private String processes(List<ProcessKey> keys, long bootTime) {
    StringBuilder out = new StringBuilder(keys.size() == 1 ? "pid " : "pids ");
    int shown = Math.min(keys.size(), PidList.SHOWN);
    for (int i = 0; i < shown; i++) {
      ProcessKey key = keys.get(i);
      out.append(i == 0 ? "" : ", ")
          .append(key.pid())
          .append(" (started ")
          .append(clock.at(bootTime + key.starttime() / TICKS))
          .append(')');
    }
    if (keys.size() > shown) {
      out.append(" and ").append(keys.size() - shown).append(" more");
    }
    return out.toString();
  }
}
