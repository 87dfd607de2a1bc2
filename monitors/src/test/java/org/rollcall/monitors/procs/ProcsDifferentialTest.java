package org.rollcall.monitors.procs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.rollcall.core.cli.Launcher;
import org.rollcall.core.result.Range;
import org.rollcall.monitors.CheckProcsPeer;
import org.rollcall.monitors.CheckProcsPeer.Kept;
import org.rollcall.monitors.Conditions;
import org.rollcall.monitors.LiveProcesses;

/**
 * check_rollcall_procs against check_procs with the same options, on the same live processes: the
 * same exit code, the same status line (numbers aside: processes come and go between the runs) and
 * the same processes kept (or, with -m, beyond -w and -c) among those that lived through both runs,
 * outside this JVM's tree. check_procs' answer is first corrected by the differences procs.monitor
 * makes on purpose, and only those: zombies leave a selecting filter's count unless -s names Z, -k
 * leaves kthreadd out too, and -X (which check_procs 2.3.3 lacks) is applied to its list by name. A
 * process within 5% of a bound of -r, -z, -P, -w or -c, whose value may have moved between the
 * runs, is left out; a row is tried three times, as a state may flicker.
 */
class ProcsDifferentialTest {
  @TempDir static Path dir;
  static LiveProcesses live;

  /** {MARK} the holders' marker, {NAP} the sleepers' argument, {SH} their parent, {ME} our user. */
  static final Map<String, String> VALUES = new java.util.HashMap<>();

  @BeforeAll
  static void startProcesses() throws Exception {
    CheckProcsPeer.assumeInstalled();
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3");
    long self = ProcessHandle.current().pid();
    VALUES.put("{MARK}", "RCLP" + self);
    VALUES.put("{NAP}", "6" + self + ".25");
    VALUES.put("{ME}", System.getProperty("user.name"));
    live = new LiveProcesses();
    live.startHolders(dir, VALUES.get("{MARK}"), List.of("threads", "memory", "zombie"));
    live.startDetached(List.of("perl", "-e", "1 while 1", VALUES.get("{MARK}") + "-BUSY"));
    String nap = VALUES.get("{NAP}");
    ProcessHandle sh =
        live.startDetached(
            List.of(
                "sh", "-c", "sleep " + nap + " & sleep " + nap + " & sleep " + nap + " & wait"));
    VALUES.put("{SH}", Long.toString(sh.pid()));
    Conditions.await("three sleepers", Duration.ofSeconds(30), () -> sleepers(sh) == 3);
  }

  private static long sleepers(ProcessHandle parent) {
    return parent.children().filter(c -> comm(c.pid()).equals("sleep")).count();
  }

  private static String comm(long pid) {
    try {
      return Files.readString(Path.of("/proc/" + pid + "/comm")).strip();
    } catch (java.io.IOException e) {
      return "";
    }
  }

  @AfterAll
  static void stopProcesses() throws InterruptedException {
    if (live != null) {
      live.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "-w 250 -c 400                                          | 20",
        "-w 5000                                                | 20",
        "-c 1:                                                  | 20",
        "-w @0:10                                               | 20",
        "-c ~:5000                                              | 20",
        "-m PROCS -w 1:10000                                    | 20",
        "-C sleep -c 1:                                         | 3",
        "-C sleep -w 3: -c 1:                                   | 3",
        "-a {NAP} -c 4:4                                        | 4",
        "-a {NAP} -w 5: -c 2:                                   | 4",
        "-a {NAP} -c 5:                                         | 4",
        "-a {NAP} -w @4                                         | 4",
        "-a {NAP} -c @5:10                                      | 4",
        "-a {NAP} -w ~:3                                        | 4",
        "-a {NAP} -w 1:5 -c 0:10                                | 4",
        "-a {NAP} -C sleep -c 3:3                               | 3",
        "--ereg-argument-array ^sleep.6[0-9]+[.]25$ -c 3:3      | 3",
        "--ereg-argument-array {MARK}(-BUSY)?$ -w 10            | 4",
        "-a {MARK} -c 4:4                                       | 4",
        "-s Z                                                   | 1",
        "-s Z -w 0                                              | 1",
        "-s S                                                   | 3",
        "-s R -a {MARK}-BUSY                                    | 0",
        "-s I                                                   | 0",
        "-s D                                                   | 0",
        "-s T                                                   | 0",
        "-s S -C sleep                                          | 3",
        "-p {SH}                                                | 3",
        "-p {SH} -c 3:3                                         | 3",
        "-p 1 -w 10000                                          | 1",
        "-u {ME}                                                | 5",
        "-u {ME} -C sleep                                       | 3",
        "-u {ME} -a {NAP} -c 4:4                                | 4",
        "-u 0                                                   | 0",
        "-r 100000                                              | 1",
        "-r 100000 -a {MARK} -c 1:1                             | 1",
        "-z 100000                                              | 1",
        "-u {ME} -z 50000                                       | 1",
        "-P 10 -a {MARK}-BUSY                                   | 0",
        "-P 0 -C sleep                                          | 3",
        "-k -w 1000                                             | 10",
        "-k -s I                                                | 0",
        "-k -C kthreadd                                         | 0",
        "-a {NAP} -X sleep                                      | 1",
        "-p {SH} -X sh,bash                                     | 3",
        "-m RSS -w 100000 -c 300000                             | 1",
        "-m RSS -w 100000 -a {MARK}                             | 1",
        "-m VSZ -w 500000 -c 50000000                           | 1",
        "-m CPU -w 10 -a {MARK}                                 | 0",
        "-m ELAPSED -w 60 -c 86400                              | 1",
        "-m ELAPSED -c @0:3600 -C sleep                         | 3",
        "-m RSS -w @0:1000 -u {ME}                              | 1",
        "-T -a {NAP} -C sleep -c 3:3                            | 3",
        "-t 20 -C sleep -c 1:                                   | 3",
        "-v -C sleep -c 1:                                      | 3",
      })
  void answersAsCheckProcs(String row, int atLeast) {
    List<String> options = new ArrayList<>();
    for (String word : row.trim().split(" +")) {
      options.add(VALUES.getOrDefault(word, substitute(word)));
    }
    Comparison last = null;
    for (int attempt = 0; attempt < 3 && (last == null || !last.agrees()); attempt++) {
      last = compare(options);
    }
    assertThat(last.rollcallStatus)
        .as("status line (numbers as N) for %s", options)
        .isEqualTo(last.checkProcsStatus);
    assertThat(last.rollcallExit).as("exit code for %s", options).isEqualTo(last.checkProcsExit);
    assertThat(last.ours)
        .as("processes for %s: %s", options, differences(last.theirs, last.ours))
        .isEqualTo(last.theirs);
    assertThat(last.ours.size()).as("processes both found").isGreaterThanOrEqualTo(atLeast);
  }

  /** The labelled PIDs only one side found, each with its stat now. */
  private static String differences(Set<String> theirs, Set<String> ours) {
    StringBuilder out = new StringBuilder();
    for (Set<String> side : List.of(theirs, ours)) {
      Set<String> only = new TreeSet<>(side);
      only.removeAll(side == theirs ? ours : theirs);
      for (String labelled : only) {
        out.append(side == theirs ? "only check_procs " : "only rollcall ").append(labelled);
        out.append(" (").append(stat(labelled.substring(labelled.indexOf(' ') + 1))).append("); ");
      }
    }
    return out.toString();
  }

  private static String stat(String pid) {
    try {
      return Files.readString(Path.of("/proc/" + pid + "/stat")).strip();
    } catch (java.io.IOException e) {
      return "gone";
    }
  }

  private static String substitute(String word) {
    String out = word;
    for (Map.Entry<String, String> value : VALUES.entrySet()) {
      out = out.replace(value.getKey(), value.getValue());
    }
    return out;
  }

  /** One try: both answers, reduced to what must agree. */
  private static final class Comparison {
    int checkProcsExit;
    int rollcallExit;
    String checkProcsStatus;
    String rollcallStatus;
    Set<String> theirs = new TreeSet<>();
    Set<String> ours = new TreeSet<>();

    boolean agrees() {
      return checkProcsExit == rollcallExit
          && checkProcsStatus.equals(rollcallStatus)
          && theirs.equals(ours);
    }
  }

  private static Comparison compare(List<String> options) {
    Options given = new Options(options);
    Map<Integer, Character> statesBefore = given.states ? CheckProcsPeer.states() : Map.of();
    Set<Integer> before = CheckProcsPeer.pids();
    CheckProcsPeer.Answer peer = CheckProcsPeer.run(given.forCheckProcs);
    ProcsMonitor monitor = new ProcsMonitor();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Launcher launcher =
        new Launcher(new PrintStream(bytes, true, StandardCharsets.UTF_8), code -> {});
    List<String> args = new ArrayList<>(List.of("--nagios"));
    args.addAll(options);
    Comparison c = new Comparison();
    c.rollcallExit = launcher.execute(monitor, args.toArray(new String[0]));
    Set<Integer> stable = CheckProcsPeer.pids();
    stable.retainAll(before);
    stable.removeAll(CheckProcsPeer.ownTree());
    stable.removeAll(given.nearBounds(peer.seen()));
    if (given.states) {
      // A process whose state changed around the runs may have shown either one to each.
      Map<Integer, Character> statesAfter = CheckProcsPeer.states();
      stable.removeIf(pid -> !statesAfter.getOrDefault(pid, '?').equals(statesBefore.get(pid)));
    }
    c.checkProcsExit = peer.exit();
    c.checkProcsStatus = given.exclude.isEmpty() ? numbersAsN(peer.statusLine()) : "(no -X)";
    String output = bytes.toString(StandardCharsets.UTF_8);
    c.rollcallStatus =
        given.exclude.isEmpty() ? numbersAsN(output.substring(0, output.indexOf('\n'))) : "(no -X)";
    ProcsCount counted = monitor.counted;
    if (given.metric == null) {
      c.ours = labelled("kept", counted.kept.matched(), stable);
      c.theirs = labelled("kept", given.expected(peer.kept().values(), peer.seen(), null), stable);
    } else {
      c.ours = labelled("crit", counted.critical, stable);
      c.ours.addAll(labelled("warn", counted.warning, stable));
      c.theirs =
          labelled("crit", given.expected(peer.kept().values(), peer.seen(), given.crit), stable);
      List<Integer> warned = given.expected(peer.kept().values(), peer.seen(), given.warn);
      warned.removeAll(given.expected(peer.kept().values(), peer.seen(), given.crit));
      c.theirs.addAll(labelled("warn", warned, stable));
    }
    return c;
  }

  private static Set<String> labelled(String label, List<Integer> pids, Set<Integer> stable) {
    Set<String> out = new TreeSet<>();
    for (int pid : pids) {
      if (stable.contains(pid)) {
        out.add(label + " " + pid);
      }
    }
    return out;
  }

  /**
   * The status line before its perfdata, every number N (the counts differ by the churn), without
   * the names check_procs -v lists at its end in a metric mode (procs.monitor's detail lines name
   * them).
   */
  private static String numbersAsN(String line) {
    int bar = line.indexOf(" | ");
    return (bar < 0 ? line : line.substring(0, bar))
        .replaceFirst(" \\[[^\\]]*\\]$", "")
        .replaceAll("[0-9]+", "N")
        .replaceAll("N process(es)?", "N processes");
  }

  /** A row's options, read as far as the comparison needs. */
  private static final class Options {
    final List<String> forCheckProcs = new ArrayList<>();
    final Set<String> exclude = new HashSet<>();
    final List<String[]> bounds = new ArrayList<>();
    String metric;
    Range warn;
    Range crit;
    boolean selects;
    boolean statesNameZ;
    boolean states;
    boolean noKernelThreads;

    Options(List<String> options) {
      for (int i = 0; i < options.size(); i++) {
        String option = options.get(i);
        String value = i + 1 < options.size() ? options.get(i + 1) : "";
        switch (option) {
          case "-X" -> {
            exclude.addAll(Arrays.asList(value.split(",")));
            i++;
            continue;
          }
          case "-m" -> metric = value.equals("PROCS") ? null : value;
          case "-w" -> warn = Range.parseNagios(value);
          case "-c" -> crit = Range.parseNagios(value);
          case "-k" -> noKernelThreads = true;
          case "-s" -> {
            states = true;
            statesNameZ = value.contains("Z");
          }
          default -> {}
        }
        selects |= List.of("-s", "-p", "-u", "-r", "-z", "-P", "-a", "-C").contains(option);
        selects |= option.equals("--ereg-argument-array");
        if (option.equals("-r") || option.equals("-z") || option.equals("-P")) {
          bounds.add(new String[] {field(option), value});
        }
        forCheckProcs.add(option);
      }
      if (metric != null) {
        for (Range range : new Range[] {warn, crit}) {
          if (range != null) {
            bounds.add(new String[] {field(metric), Double.toString(range.start())});
            bounds.add(new String[] {field(metric), Double.toString(range.end())});
          }
        }
      }
    }

    private static String field(String optionOrMetric) {
      return switch (optionOrMetric) {
        case "-r", "RSS" -> "rss";
        case "-z", "VSZ" -> "vsz";
        case "-P", "CPU" -> "pcpu";
        default -> "etime";
      };
    }

    /** The processes whose value lies within 5% of a bound, where two reads may disagree. */
    Set<Integer> nearBounds(Map<Integer, Kept> seen) {
      Set<Integer> near = new HashSet<>();
      for (String[] bound : bounds) {
        double limit = Double.parseDouble(bound[1]);
        // No value is below 0: a bound of 0 or less leaves nothing in doubt.
        if (Double.isInfinite(limit) || limit <= 0) {
          continue;
        }
        for (Kept process : seen.values()) {
          double value = process.value(bound[0]);
          double margin = Math.max(bound[0].equals("pcpu") ? 0.5 : 2, limit * 0.05);
          if (Math.abs(value - limit) <= margin) {
            near.add(process.pid());
          }
        }
      }
      return near;
    }

    /**
     * The PIDs check_procs kept (beyond {@code range} when given), less the differences
     * procs.monitor makes on purpose.
     */
    List<Integer> expected(Iterable<Kept> kept, Map<Integer, Kept> seen, Range range) {
      List<Integer> pids = new ArrayList<>();
      for (Kept process : kept) {
        boolean zombie = process.stat().startsWith("Z");
        if ((zombie && selects && !statesNameZ)
            || (noKernelThreads && process.prog().equals("kthreadd"))
            || exclude.contains(process.prog())
            || (metric != null && (range == null || !range.alerts(process.value(field(metric)))))) {
          continue;
        }
        pids.add(process.pid());
      }
      // check_procs -k drops init: its parent, 0, is taken for kthreadd's PID until kthreadd is
      // found.
      if (noKernelThreads && !selects && metric == null && seen.containsKey(1)) {
        pids.add(1);
      }
      return pids;
    }
  }
}
