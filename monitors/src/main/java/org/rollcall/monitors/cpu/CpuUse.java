package org.rollcall.monitors.cpu;

import org.rollcall.core.proc.ProcessEntry;

/**
 * How much CPU one process used over its window.
 *
 * @param cpuSeconds user plus system CPU time used in the window
 * @param windowSeconds the time it was measured over: the whole window, or its life when it started
 *     within it
 * @param startedInWindow whether it started after the window began (so its window is its life so
 *     far)
 */
record CpuUse(
    ProcessEntry process, double cpuSeconds, double windowSeconds, boolean startedInWindow) {

  /** Percent of one CPU; a process with several busy threads can pass 100. */
  double percent() {
    return windowSeconds <= 0 ? 0 : 100 * cpuSeconds / windowSeconds;
  }

  /** {@code NAME(PID)}. */
  String tag() {
    return process.comm() + "(" + process.pid() + ")";
  }
}
