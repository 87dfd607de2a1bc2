package org.rollcall.core.proc;

/**
 * A process's memory from {@code /proc/PID/status} (proc(5): "VmRSS: Resident set size", "VmSize:
 * Virtual memory size"), in KiB as the kernel writes them. A kernel thread or a zombie has neither
 * line: it holds no user memory, so both are 0.
 *
 * @param rssKib resident set size
 * @param vszKib virtual memory size
 */
public record Memory(long rssKib, long vszKib) {
  public static final Memory NONE = new Memory(0, 0);
}
