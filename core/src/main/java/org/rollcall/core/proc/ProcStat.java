package org.rollcall.core.proc;

/**
 * The fields rollcall uses from {@code /proc/PID/stat} (proc(5)).
 *
 * @param pid (1) the process ID
 * @param comm (2) "The filename of the executable ... truncated to TASK_COMM_LEN" (15 bytes) for
 *     user processes; a kernel worker thread's may be longer. Decoded with invalid bytes kept (see
 *     SafeText).
 * @param state (3) R running, S sleeping, D disk sleep, Z zombie, T stopped, t tracing stop, X
 *     dead, I idle
 * @param ppid (4) the parent's PID
 * @param flags (9) the kernel flags word (PF_*); PF_KTHREAD marks a kernel thread
 * @param utime (14) user-mode CPU time in clock ticks
 * @param stime (15) kernel-mode CPU time in clock ticks
 * @param threads (20) number of threads
 * @param starttime (22) start time after boot, in clock ticks; with the PID it names one process
 *     for ever
 * @param vsize (23) virtual memory size in bytes
 * @param rss (24) resident set size in pages
 */
public record ProcStat(
    int pid,
    String comm,
    char state,
    int ppid,
    long flags,
    long utime,
    long stime,
    int threads,
    long starttime,
    long vsize,
    long rss) {

  private static final long PF_KTHREAD = 0x00200000L;

  public boolean isKernelThread() {
    return (flags & PF_KTHREAD) != 0;
  }

  public boolean isZombie() {
    return state == 'Z' || state == 'X' || state == 'x';
  }

  /** User plus system CPU time in clock ticks. */
  public long cpuTicks() {
    return utime + stime;
  }
}
