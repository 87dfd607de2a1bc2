package org.rollcall.monitors.cpu;

import java.util.ArrayList;
import java.util.List;
import org.rollcall.core.proc.ProcClock;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.Scan;
import org.rollcall.monitors.ProcessKey;

/**
 * Turns two samples into CPU use per process: the difference of {@code utime+stime} for a process
 * present in both (same PID and start time), and for one that started within the window its whole
 * use over its life so far. A life shorter than a second counts as a second: one 10 ms tick in a 20
 * ms old process is not a 50% hog.
 */
final class CpuMeter {
  static final double MIN_LIFE_SECONDS = 1;

  private CpuMeter() {}

  /**
   * @param before the sample at the window's start, or null to average each process over its whole
   *     life
   * @param now the processes at the window's end
   * @param uptimeNow seconds since boot at the window's end
   * @param windowSeconds the window's length (ignored without {@code before})
   */
  static List<CpuUse> measure(CpuSample before, Scan now, double uptimeNow, double windowSeconds) {
    List<CpuUse> uses = new ArrayList<>();
    for (ProcessEntry process : now.processes()) {
      if (process.stat().isZombie()) {
        continue;
      }
      long ticks = process.stat().cpuTicks();
      Long earlier = before == null ? null : before.ticks().get(ProcessKey.of(process));
      if (earlier != null) {
        uses.add(
            new CpuUse(
                process, ProcClock.seconds(Math.max(0, ticks - earlier)), windowSeconds, false));
      } else {
        double life =
            Math.max(MIN_LIFE_SECONDS, uptimeNow - ProcClock.seconds(process.stat().starttime()));
        uses.add(new CpuUse(process, ProcClock.seconds(ticks), life, before != null));
      }
    }
    return uses;
  }
}
