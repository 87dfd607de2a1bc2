package org.rollcall.monitors;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.Scan;

/**
 * The CPU time every process had used at one moment: clock ticks keyed on (PID, start time), so a PID the kernel
 * has handed to a new process never yields a bogus difference, and the system's uptime then.
 *
 * @param procRoot the proc tree it was taken from (a sample of another tree is foreign)
 * @param uptime seconds since boot when it was taken
 */
record CpuSample(String procRoot, double uptime, Map<Key, Long> ticks) {
  static final String HEADER = "# rollcall cpu.monitor state, format 1";
  private static final Pattern UPTIME = Pattern.compile("[0-9]+(\\.[0-9]+)?");
  /** Unsigned decimals only: a negative count would turn into a false alarm or hide a busy process. */
  private static final Pattern PROCESS = Pattern.compile("([0-9]{1,10}) ([0-9]{1,19}) ([0-9]{1,19})");

  /** One process for ever: its PID and its start time after boot in clock ticks. */
  record Key(int pid, long starttime) {}

  CpuSample {
    ticks = Map.copyOf(ticks);
  }

  static CpuSample of(Scan scan, String procRoot, double uptime) {
    Map<Key, Long> ticks = new HashMap<>();
    for (ProcessEntry process : scan.processes()) {
      ticks.put(new Key(process.pid(), process.stat().starttime()), process.stat().cpuTicks());
    }
    return new CpuSample(procRoot, uptime, ticks);
  }

  /** The state file's text: a header, the proc root, the uptime, then "PID STARTTIME TICKS" a line. */
  String format() {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    out.append("proc-root ").append(procRoot).append('\n');
    out.append(String.format(Locale.ROOT, "uptime %.2f%n", uptime));
    ticks.forEach((key, used) -> out.append(key.pid()).append(' ').append(key.starttime()).append(' ')
        .append(used).append('\n'));
    return out.toString();
  }

  /** Parses {@link #format()}'s text; throws IllegalArgumentException saying what is wrong and on which line. */
  static CpuSample parse(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length < 3 || !lines[0].equals(HEADER)) {
      throw new IllegalArgumentException("it does not start with '" + HEADER + "'");
    }
    String procRoot = value(lines[1], "proc-root ", 2);
    String uptimeText = value(lines[2], "uptime ", 3);
    // Only what format() writes: "-1e9" or "-Infinity" would stretch the window and hide a busy process.
    if (!UPTIME.matcher(uptimeText).matches() || !Double.isFinite(Double.parseDouble(uptimeText))) {
      throw new IllegalArgumentException("line 3: the uptime is not a number");
    }
    double uptime = Double.parseDouble(uptimeText);
    Map<Key, Long> ticks = new HashMap<>();
    for (int i = 3; i < lines.length; i++) {
      if (lines[i].isEmpty() && i == lines.length - 1) {
        break;
      }
      Matcher m = PROCESS.matcher(lines[i]);
      try {
        if (!m.matches()) {
          throw new NumberFormatException();
        }
        ticks.put(new Key(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2))), Long.parseLong(m.group(3)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("line " + (i + 1) + " is not 'PID STARTTIME TICKS'");
      }
    }
    return new CpuSample(procRoot, uptime, ticks);
  }

  private static String value(String line, String key, int number) {
    if (!line.startsWith(key)) {
      throw new IllegalArgumentException("line " + number + " does not start with '" + key.trim() + "'");
    }
    return line.substring(key.length());
  }
}
