package org.rollcall.monitors.ps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
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
import org.rollcall.monitors.Conditions;
import org.rollcall.monitors.Executables;
import org.rollcall.monitors.LiveProcesses;

/**
 * ps.monitor's terms against check_procs' options on the same live processes: the same offenders
 * for each, among the processes that lived through both runs. check_procs lists every process its
 * filters keep (-vvv: "Matched: ... pid=N ... rss=N"), and its offenders in a metric mode are those
 * whose value passes -w; a process within a few percent of the limit, whose value may have moved
 * between the two runs, is left out of the comparison.
 */
class CheckProcsDifferentialTest {
  private static final Path CHECK_PROCS = Path.of("/usr/lib/nagios/plugins/check_procs");

  @TempDir static Path dir;
  static LiveProcesses live;

  @BeforeAll
  static void startHolders() throws Exception {
    assumeTrue(Files.isExecutable(CHECK_PROCS), "needs check_procs (monitoring-plugins-basic)");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3");
    live = new LiveProcesses();
    Path script = dir.resolve("holder.py");
    try (InputStream in = CheckProcsDifferentialTest.class.getResourceAsStream("holder.py")) {
      Files.copy(in, script);
    }
    for (String kind : List.of("threads", "memory", "zombie")) {
      Path ready = dir.resolve(kind + ".ready");
      live.startDetached(List.of("python3", script.toString(), kind, ready.toString(), "RCL-DIFF"));
      Conditions.await(kind + " holder", Duration.ofSeconds(30), () -> Files.exists(ready));
    }
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
    Map<Integer, Character> before = states();
    List<String> command = new java.util.ArrayList<>(List.of(CHECK_PROCS.toString(), "-vvv"));
    if (options != null) {
      command.addAll(List.of(options.replace("150M", "153600").split(" ")));
    }
    Executables.Run peer = Executables.exec(command);
    Set<Integer> ours = rollcall(match);
    // Compared over the processes that lived through both runs in one state: a kernel thread
    // woken between the two reads is neither side's mistake.
    Map<Integer, Character> after = states();
    Set<Integer> stable = new HashSet<>();
    for (Map.Entry<Integer, Character> entry : after.entrySet()) {
      if (entry.getValue().equals(before.get(entry.getKey()))) {
        stable.add(entry.getKey());
      }
    }
    stable.removeAll(ownTree());
    Map<Integer, Double> values = matched(peer.stdout(), metric);
    double limit = metric == null ? 0 : limit(options, metric);
    Set<Integer> theirs = new TreeSet<>();
    for (Map.Entry<Integer, Double> entry : values.entrySet()) {
      int pid = entry.getKey();
      if (metric != null && Math.abs(entry.getValue() - limit) <= Math.max(2, limit * 0.05)) {
        stable.remove(pid);
      } else if (metric == null || entry.getValue() > limit) {
        theirs.add(pid);
      }
    }
    theirs.retainAll(stable);
    ours.retainAll(stable);
    last = describe(theirs, ours);
    return ours.equals(theirs) ? ours : null;
  }

  /** The processes only one side found, with their stat, for the failure's message. */
  private static String describe(Set<Integer> theirs, Set<Integer> ours) {
    Set<Integer> differ = new TreeSet<>(theirs);
    differ.addAll(ours);
    Set<Integer> both = new HashSet<>(theirs);
    both.retainAll(ours);
    differ.removeAll(both);
    StringBuilder out = new StringBuilder();
    for (int pid : differ) {
      try {
        out.append(Files.readString(Path.of("/proc/" + pid + "/stat")).substring(0, 60))
            .append("; ");
      } catch (IOException | RuntimeException e) {
        out.append(pid).append(" gone; ");
      }
    }
    return out.toString();
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

  /** check_procs' "Matched:" lines: each PID with the value of {@code metric} (0 for none). */
  private static Map<Integer, Double> matched(String output, String metric) {
    Map<Integer, Double> values = new HashMap<>();
    for (String line : output.split("\n")) {
      int at = line.indexOf("Matched: ");
      if (at < 0) {
        continue;
      }
      Map<String, String> fields = new HashMap<>();
      for (String word : line.substring(at + 9).split(" ")) {
        int equals = word.indexOf('=');
        if (equals > 0 && !fields.containsKey(word.substring(0, equals))) {
          fields.put(word.substring(0, equals), word.substring(equals + 1));
        }
      }
      values.put(
          Integer.parseInt(fields.get("pid")), metric == null ? 0 : value(fields.get(metric)));
    }
    return values;
  }

  /** A value as check_procs prints it: a number, or an etime [[DD-]HH:]MM:SS. */
  private static double value(String text) {
    if (text.indexOf(':') < 0) {
      return Double.parseDouble(text);
    }
    double seconds = 0;
    String rest = text;
    int dash = text.indexOf('-');
    if (dash > 0) {
      seconds = Double.parseDouble(text.substring(0, dash)) * 86_400;
      rest = text.substring(dash + 1);
    }
    for (String part : rest.split(":")) {
      seconds = seconds * 60 + Double.parseDouble(part);
    }
    return dash > 0 ? seconds : seconds;
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

  /** Each process's state letter now. */
  private static Map<Integer, Character> states() {
    Map<Integer, Character> states = new HashMap<>();
    for (int pid : ProcFs.system().pids()) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        states.put(pid, stat.charAt(stat.lastIndexOf(')') + 2));
      } catch (IOException | RuntimeException e) {
        // Gone meanwhile: not compared.
      }
    }
    return states;
  }

  /**
   * This JVM, its descendants and its ancestors: check_procs counts its parent and the shells
   * above, ps.monitor never counts itself nor the wrappers that started it (surefire's sh -c).
   */
  private static Set<Integer> ownTree() {
    Set<Integer> own = new HashSet<>();
    own.add((int) ProcessHandle.current().pid());
    ProcessHandle.current().descendants().forEach(p -> own.add((int) p.pid()));
    // From stat, not ProcessHandle.parent(): that is empty where the parent started in the same
    // clock tick as its child, as surefire's sh -c and its JVM do.
    for (int pid = parentOf((int) ProcessHandle.current().pid()); pid > 1; pid = parentOf(pid)) {
      own.add(pid);
    }
    return own;
  }

  private static int parentOf(int pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
    } catch (IOException e) {
      return 0;
    }
  }
}
