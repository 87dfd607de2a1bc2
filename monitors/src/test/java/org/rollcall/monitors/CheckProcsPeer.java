package org.rollcall.monitors;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.rollcall.core.proc.ProcFs;

/**
 * monitoring-plugins' check_procs as a reference on the live system, for the differential tests:
 * run with -vvv, it lists every process its filters keep ("Matched: uid=0 ... pid=N ... rss=N ...
 * prog=NAME args=..."). Comparisons keep to the processes that lived through both runs, outside
 * this JVM's own tree.
 */
public final class CheckProcsPeer {
  public static final Path PATH = Path.of("/usr/lib/nagios/plugins/check_procs");

  private CheckProcsPeer() {}

  /** Skips the test where check_procs is not installed. */
  public static void assumeInstalled() {
    assumeTrue(Files.isExecutable(PATH), "needs check_procs (monitoring-plugins-basic)");
  }

  /** One process check_procs kept: its fields as -vvv prints them. */
  public record Kept(int pid, Map<String, String> fields) {
    /** The process state as ps' STAT column shows it ("Ss", "Z+"). */
    public String stat() {
      return fields.get("stat");
    }

    /** check_procs' command name: the basename of ps' comm column. */
    public String prog() {
      return fields.get("prog");
    }

    /** rss, vsz (KiB), pcpu (percent) or etime (seconds). */
    public double value(String field) {
      return number(fields.get(field));
    }
  }

  /**
   * What one check_procs run said: its exit code, status line, the processes it kept and every
   * process it read (with the values of those its filters left out, too).
   */
  public record Answer(
      int exit, String statusLine, Map<Integer, Kept> kept, Map<Integer, Kept> seen) {}

  /** Runs check_procs -vvv with {@code options}. */
  public static Answer run(List<String> options) {
    List<String> command = new ArrayList<>(List.of(PATH.toString(), "-vvv"));
    command.addAll(options);
    Executables.Run run = Executables.exec(command);
    String[] lines = run.stdout().split("\n");
    String last = lines[lines.length - 1];
    return new Answer(
        run.exit(), last, lines(run.stdout(), "Matched: "), lines(run.stdout(), "proc#="));
  }

  /** check_procs' lines that hold {@code marker} and the fields after it, by PID. */
  private static Map<Integer, Kept> lines(String output, String marker) {
    Map<Integer, Kept> kept = new LinkedHashMap<>();
    for (String line : output.split("\n")) {
      int at = line.indexOf(marker);
      if (at < 0) {
        continue;
      }
      Map<String, String> fields = new HashMap<>();
      for (String word : line.substring(at).split(" ")) {
        int equals = word.indexOf('=');
        if (equals > 0 && !fields.containsKey(word.substring(0, equals))) {
          fields.put(word.substring(0, equals), word.substring(equals + 1));
        }
      }
      int pid = Integer.parseInt(fields.get("pid"));
      kept.put(pid, new Kept(pid, fields));
    }
    return kept;
  }

  /** A value as check_procs prints it: a number, or an etime [[DD-]HH:]MM:SS in seconds. */
  static double number(String text) {
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
    double clock = 0;
    for (String part : rest.split(":")) {
      clock = clock * 60 + Double.parseDouble(part);
    }
    return seconds + clock;
  }

  /** The PIDs in /proc now. */
  public static Set<Integer> pids() {
    Set<Integer> pids = new HashSet<>();
    for (int pid : ProcFs.system().pids()) {
      pids.add(pid);
    }
    return pids;
  }

  /**
   * This JVM, its descendants and its ancestors: check_procs counts its parent and the shells
   * above, rollcall never counts itself nor the wrappers that started it (surefire's sh -c).
   */
  public static Set<Integer> ownTree() {
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

  /** The state letter of every process now, by PID. */
  public static Map<Integer, Character> states() {
    Map<Integer, Character> states = new HashMap<>();
    for (int pid : ProcFs.system().pids()) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        states.put(pid, stat.charAt(stat.lastIndexOf(')') + 2));
      } catch (IOException | RuntimeException e) {
        // gone meanwhile: not stable anyway
      }
    }
    return states;
  }

  /** The processes only one side found, with their stat, for a failure's message. */
  public static String describe(Set<Integer> theirs, Set<Integer> ours) {
    Set<Integer> differ = new TreeSet<>(theirs);
    differ.addAll(ours);
    Set<Integer> both = new HashSet<>(theirs);
    both.retainAll(ours);
    differ.removeAll(both);
    StringBuilder out = new StringBuilder();
    for (int pid : differ) {
      out.append(theirs.contains(pid) ? "only check_procs: " : "only rollcall: ");
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        out.append(stat, 0, Math.min(60, stat.length())).append("; ");
      } catch (IOException | RuntimeException e) {
        out.append(pid).append(" gone; ");
      }
    }
    return out.toString();
  }
}
