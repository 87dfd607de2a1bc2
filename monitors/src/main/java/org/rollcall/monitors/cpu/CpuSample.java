package org.rollcall.monitors.cpu;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.Scan;
import org.rollcall.core.text.Decimals;
import org.rollcall.monitors.ProcessKey;
import org.rollcall.monitors.StateText;

/**
 * The CPU time every process had used at one moment: clock ticks keyed on (PID, start time), so a
 * PID the kernel has handed to a new process never yields a bogus difference, and the system's
 * uptime then.
 *
 * @param procRoot the proc tree it was taken from (a sample of another tree is foreign)
 * @param uptime seconds since boot when it was taken
 */
record CpuSample(String procRoot, double uptime, Map<ProcessKey, Long> ticks) {
  static final String HEADER = "# rollcall cpu.monitor state, format 1";

  /** The most digits of a line's PID, start time and ticks. */
  private static final int[] FIELD_DIGITS = {10, 19, 19};

  /**
   * @param ticks kept as given, not copied (of and parse build it for the sample alone), in its
   *     order: the scan's, PIDs ascending, or the file's, so the same processes always give the
   *     same file
   */
  CpuSample {
    ticks = Collections.unmodifiableMap(ticks);
  }

  static CpuSample of(Scan scan, String procRoot, double uptime) {
    Map<ProcessKey, Long> ticks = new LinkedHashMap<>();
    for (ProcessEntry process : scan.processes()) {
      ticks.put(ProcessKey.of(process), process.stat().cpuTicks());
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
      Long earlier = ticks.get(ProcessKey.of(process));
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
    for (Map.Entry<ProcessKey, Long> entry : ticks.entrySet()) {
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
    String procRoot = StateText.value(lines[1], "proc-root ", 2);
    double uptime = StateText.decimal(StateText.value(lines[2], "uptime ", 3), "uptime", 3);
    Map<ProcessKey, Long> ticks = new LinkedHashMap<>();
    for (int i = 3; i < lines.length; i++) {
      if (lines[i].isEmpty() && i == lines.length - 1) {
        break;
      }
      long[] fields = StateText.numbers(lines[i], FIELD_DIGITS);
      if (fields == null) {
        throw new IllegalArgumentException("line " + (i + 1) + " is not 'PID STARTTIME TICKS'");
      }
      ticks.put(new ProcessKey((int) fields[0], fields[1]), fields[2]);
    }
    return new CpuSample(procRoot, uptime, ticks);
  }
}
