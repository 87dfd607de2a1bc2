package org.rollcall.monitors.cpu;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.Scan;
import org.rollcall.core.text.Ascii;
import org.rollcall.core.text.Decimals;

/**
 * The CPU time every process had used at one moment: clock ticks keyed on (PID, start time), so a
 * PID the kernel has handed to a new process never yields a bogus difference, and the system's
 * uptime then.
 *
 * @param procRoot the proc tree it was taken from (a sample of another tree is foreign)
 * @param uptime seconds since boot when it was taken
 */
record CpuSample(String procRoot, double uptime, Map<Key, Long> ticks) {
  static final String HEADER = "# rollcall cpu.monitor state, format 1";

  /** The most digits of a line's PID, start time and ticks. */
  private static final int[] FIELD_DIGITS = {10, 19, 19};

  /**
   * One process for ever: its PID and its start time after boot in clock ticks (equality written
   * out).
   */
  record Key(int pid, long starttime) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.pid == pid && key.starttime == starttime;
    }

    @Override
    public int hashCode() {
      return 31 * pid + Long.hashCode(starttime);
    }
  }

  /**
   * @param ticks kept as given, not copied (of and parse build it for the sample alone), in its
   *     order: the scan's, PIDs ascending, or the file's, so the same processes always give the
   *     same file
   */
  CpuSample {
    ticks = Collections.unmodifiableMap(ticks);
  }

  static CpuSample of(Scan scan, String procRoot, double uptime) {
    Map<Key, Long> ticks = new LinkedHashMap<>();
    for (ProcessEntry process : scan.processes()) {
      ticks.put(new Key(process.pid(), process.stat().starttime()), process.stat().cpuTicks());
    }
    return new CpuSample(procRoot, uptime, ticks);
  }

  /**
   * The first process of {@code now} that had used more CPU in this sample than it has now, which
   * no process can: "PID: T1 ticks then, T2 now"; null when there is none. Such a sample is corrupt
   * or forged (a figure above today's would read as no use at all and hide a hog).
   */
  String impossibleUse(Scan now) {
    for (ProcessEntry process : now.processes()) {
      Long earlier = ticks.get(new Key(process.pid(), process.stat().starttime()));
      if (earlier != null && earlier > process.stat().cpuTicks()) {
        return "PID "
            + process.pid()
            + " had used "
            + earlier
            + " clock ticks of CPU then, "
            + process.stat().cpuTicks()
            + " now";
      }
    }
    return null;
  }

  /**
   * The state file's text: a header, the proc root, the uptime, then "PID STARTTIME TICKS" a line.
   */
  String format() {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    out.append("proc-root ").append(procRoot).append('\n');
    out.append("uptime ").append(Decimals.fixed(uptime, 2)).append('\n');
    for (Map.Entry<Key, Long> entry : ticks.entrySet()) {
      out.append(entry.getKey().pid())
          .append(' ')
          .append(entry.getKey().starttime())
          .append(' ')
          .append(entry.getValue())
          .append('\n');
    }
    return out.toString();
  }

  /**
   * Parses {@link #format()}'s text; throws IllegalArgumentException saying what is wrong and on
   * which line.
   */
  static CpuSample parse(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length < 3 || !lines[0].equals(HEADER)) {
      throw new IllegalArgumentException("it does not start with '" + HEADER + "'");
    }
    String procRoot = value(lines[1], "proc-root ", 2);
    String uptimeText = value(lines[2], "uptime ", 3);
    // Only what format() writes: "-1e9" or "-Infinity" would stretch the window and hide a busy
    // process.
    if (!Ascii.isDecimal(uptimeText) || !Double.isFinite(Double.parseDouble(uptimeText))) {
      throw new IllegalArgumentException("line 3: the uptime is not a number");
    }
    double uptime = Double.parseDouble(uptimeText);
    Map<Key, Long> ticks = new LinkedHashMap<>();
    for (int i = 3; i < lines.length; i++) {
      if (lines[i].isEmpty() && i == lines.length - 1) {
        break;
      }
      long[] fields = processLine(lines[i]);
      if (fields == null) {
        throw new IllegalArgumentException("line " + (i + 1) + " is not 'PID STARTTIME TICKS'");
      }
      ticks.put(new Key((int) fields[0], fields[1]), fields[2]);
    }
    return new CpuSample(procRoot, uptime, ticks);
  }

  /**
   * "PID STARTTIME TICKS": unsigned decimals between single spaces, a PID below 2^31 and counts
   * below 2^63; null for anything else (a negative count would turn into a false alarm or hide a
   * busy process).
   */
  private static long[] processLine(String line) {
    long[] fields = new long[FIELD_DIGITS.length];
    int at = 0;
    for (int field = 0; field < fields.length; field++) {
      if (field > 0) {
        if (at >= line.length() || line.charAt(at) != ' ') {
          return null;
        }
        at++;
      }
      int start = at;
      while (at < line.length() && Ascii.isDigit(line.charAt(at))) {
        at++;
      }
      if (at == start || at - start > FIELD_DIGITS[field]) {
        return null;
      }
      try {
        fields[field] = Long.parseLong(line, start, at, 10);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return at == line.length() && fields[0] <= Integer.MAX_VALUE ? fields : null;
  }

  private static String value(String line, String key, int number) {
    if (!line.startsWith(key)) {
      throw new IllegalArgumentException(
          "line " + number + " does not start with '" + key.trim() + "'");
    }
    return line.substring(key.length());
  }
}
