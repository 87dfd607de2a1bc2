package org.rollcall.monitors.ps;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rollcall.core.text.Decimals;
import org.rollcall.monitors.ProcessKey;
import org.rollcall.monitors.StateText;

/**
 * What ps.monitor's rules matched at one run, for {@code --restarts}: each rule's processes by
 * (PID, start time), and when the run was on the kernel's clock, so the next run can tell which are
 * gone, and whether the machine booted in between.
 *
 * @param procRoot the proc tree it was taken from (a state of another tree is foreign)
 * @param bootTime the boot time then ({@code btime}), seconds since the epoch
 * @param uptime seconds since boot then: the run was at {@code bootTime + uptime}
 * @param rules each rule's text (the whole RULE, range included) and the processes it matched
 */
record RestartState(
    String procRoot, long bootTime, double uptime, Map<String, List<ProcessKey>> rules) {
  static final String HEADER = "# rollcall ps.monitor restarts state, format 1";

  /** The most digits of a process line's PID and start time. */
  private static final int[] FIELD_DIGITS = {10, 19};

  /** The most digits of a btime: 18 is good for the next thirty billion years. */
  private static final int[] BTIME_DIGITS = {18};

  private static final String RULE = "rule ";

  /**
   * @param rules kept as given, not copied, in its order (the rules' order on the command line), so
   *     the same run always gives the same file
   */
  RestartState {
    rules = Collections.unmodifiableMap(rules);
  }

  /** The time of the run, seconds since the epoch. */
  long runTime() {
    return bootTime + (long) uptime;
  }

  /**
   * The state file's text: a header, the proc root, btime and uptime, then each rule as a line
   * {@code rule TEXT} and its processes {@code PID STARTTIME} a line. A backslash and a newline in
   * a rule's text are written {@code \\} and {@code \n}, so any text is one line.
   */
  String format() {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    out.append("proc-root ").append(procRoot).append('\n');
    out.append("btime ").append(bootTime).append('\n');
    out.append("uptime ").append(Decimals.fixed(uptime, 2)).append('\n');
    for (Map.Entry<String, List<ProcessKey>> rule : rules.entrySet()) {
      out.append(RULE).append(escape(rule.getKey())).append('\n');
      for (ProcessKey key : rule.getValue()) {
        out.append(key.pid()).append(' ').append(key.starttime()).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Parses {@link #format()}'s text; throws IllegalArgumentException saying what is wrong and on
   * which line.
   */
  static RestartState parse(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length < 4 || !lines[0].equals(HEADER)) {
      throw new IllegalArgumentException("it does not start with '" + HEADER + "'");
    }
    String procRoot = StateText.value(lines[1], "proc-root ", 2);
    long[] btime = StateText.numbers(StateText.value(lines[2], "btime ", 3), BTIME_DIGITS);
    if (btime == null) {
      throw new IllegalArgumentException("line 3: the btime is not a number");
    }
    double uptime = StateText.decimal(StateText.value(lines[3], "uptime ", 4), "uptime", 4);
    Map<String, List<ProcessKey>> rules = new LinkedHashMap<>();
    List<ProcessKey> current = null;
    for (int i = 4; i < lines.length; i++) {
      if (lines[i].isEmpty() && i == lines.length - 1) {
        break;
      }
      if (lines[i].startsWith(RULE)) {
        current = new ArrayList<>();
        rules.put(unescape(lines[i].substring(RULE.length()), i + 1), current);
        continue;
      }
      long[] fields = StateText.numbers(lines[i], FIELD_DIGITS);
      if (fields == null || current == null) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + " is not 'rule TEXT' or, after one, 'PID STARTTIME'");
      }
      current.add(new ProcessKey((int) fields[0], fields[1]));
    }
    return new RestartState(procRoot, btime[0], uptime, rules);
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        out.append("\\\\");
      } else if (c == '\n') {
        out.append("\\n");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String unescape(String text, int line) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char next = i + 1 < text.length() ? text.charAt(++i) : ' ';
      if (next != '\\' && next != 'n') {
        throw new IllegalArgumentException(
            "line " + line + ": a rule's '\\' is not '\\\\' or '\\n'");
      }
      out.append(next == 'n' ? '\n' : '\\');
    }
    return out.toString();
  }
}
