package org.rollcall.monitors.ps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rollcall.core.ids.UserDirectory;
import org.rollcall.core.match.MatchParser;
import org.rollcall.core.match.OwnProcesses;
import org.rollcall.core.match.RuleCounter;
import org.rollcall.core.match.RuleParser;
import org.rollcall.core.proc.ProcFs;
import org.rollcall.core.proc.Scan;
import org.rollcall.monitors.CheckProcsPeer;
import org.rollcall.monitors.LiveProcesses;

/**
 * ps.monitor's terms against check_procs' options on the same live processes: the same offenders
 * for each, among the processes that lived through both runs. check_procs lists every process its
 * filters keep (-vvv: "Matched: ... pid=N ... rss=N"), and its offenders in a metric mode are those
 * whose value passes -w; a process within a few percent of the limit, whose value may have moved
 * between the two runs, is left out of the comparison.
 */
class CheckProcsDifferentialTest {
  @TempDir static Path dir;
  static LiveProcesses live;

  @BeforeAll
  static void startHolders() throws Exception {
    CheckProcsPeer.assumeInstalled();
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3");
    live = new LiveProcesses();
    live.startHolders(dir, "RCL-DIFF", List.of("threads", "memory", "zombie"));
    live.startDetached(List.of("perl", "-e", "1 while 1", "RCL-DIFF-BUSY"));
  }

  @AfterAll
  static void stopHolders() throws InterruptedException {
    if (live != null) {
      live.close();
    }
  }

  @ParameterizedTest(name = "check_procs {0} ~ {1}, at least {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "                           | *                          |       | 10",
        "-s Z                       | state=Z                    |       | 1",
        "-s S                       | state=S                    |       | 3",
        "-s I                       | state=I                    |       | 0",
        "-s T                       | state=T                    |       | 0",
        "-m RSS -w 50000            | rss>50000                  | rss   | 1",
        "-m RSS -w 150M -a RCL-DIFF | args=RCL-DIFF,rss>150M     | rss   | 1",
        "-m VSZ -w 100000           | vsz>100000                 | vsz   | 1",
        "-m ELAPSED -w 60           | age>60                     | etime | 1",
        "-m ELAPSED -w 60 -s Z      | state=Z,age>60             | etime | 0",
        "-m CPU -w 5                | cpu>5                      | pcpu  | 1",
        "-m CPU -w 5 -a RCL-DIFF    | args=RCL-DIFF,cpu>5        | pcpu  | 1",
      })
  void findsTheSameProcesses(String options, String match, String metric, int atLeast)
      throws Exception {
    Set<Integer> found = null;
    // A state can flicker and come back between the reads: a real difference shows in every
    // try, a flicker in one.
    for (int attempt = 0; attempt < 3 && found == null; attempt++) {
      found = compare(options, match, metric);
    }
    assertThat(found).as("rollcall %s vs check_procs %s: %s", match, options, last).isNotNull();
    assertThat(found.size()).as("processes both found").isGreaterThanOrEqualTo(atLeast);
  }

  /** Why the last try differed. */
  private static String last;

  /** Runs both: the processes both found, or null when they differ (said in {@link #last}). */
  private static Set<Integer> compare(String options, String match, String metric)
      throws Exception {
    Map<Integer, Character> before = CheckProcsPeer.states();
    CheckProcsPeer.Answer peer =
        CheckProcsPeer.run(
            options == null ? List.of() : List.of(options.replace("150M", "153600").split(" ")));
    Set<Integer> ours = rollcall(match);
    // Compared over the processes that lived through both runs in one state: a kernel thread
    // woken between the two reads is neither side's mistake.
    Set<Integer> stable = new HashSet<>();
    for (Map.Entry<Integer, Character> entry : CheckProcsPeer.states().entrySet()) {
      if (entry.getValue().equals(before.get(entry.getKey()))) {
        stable.add(entry.getKey());
      }
    }
    stable.removeAll(CheckProcsPeer.ownTree());
    double limit = metric == null ? 0 : limit(options, metric);
    Set<Integer> theirs = new TreeSet<>();
    for (CheckProcsPeer.Kept kept : peer.kept().values()) {
      int pid = kept.pid();
      double value = metric == null ? 0 : kept.value(metric);
      if (metric != null && Math.abs(value - limit) <= Math.max(2, limit * 0.05)) {
        stable.remove(pid);
      } else if (metric == null || value > limit) {
        theirs.add(pid);
      }
    }
    theirs.retainAll(stable);
    ours.retainAll(stable);
    last = CheckProcsPeer.describe(theirs, ours);
    return ours.equals(theirs) ? ours : null;
  }

  /** The PIDs that {@code match} counts, every one (the detail line names only the first 20). */
  private static Set<Integer> rollcall(String match) {
    ProcFs fs = ProcFs.system();
    Scan scan = fs.scan();
    RuleParser rules = new RuleParser(new MatchParser(UserDirectory.system()));
    return new TreeSet<>(
        RuleCounter.count(List.of(rules.parse(match + ":0-")), scan, OwnProcesses.of(scan, fs))
            .get(0)
            .matched());
  }

  private static double limit(String options, String metric) {
    String[] words = options.replace("150M", "153600").split(" ");
    for (int i = 0; i < words.length - 1; i++) {
      if (words[i].equals("-w")) {
        return Double.parseDouble(words[i + 1]);
      }
    }
    throw new IllegalArgumentException("no -w in " + options);
  }
}
