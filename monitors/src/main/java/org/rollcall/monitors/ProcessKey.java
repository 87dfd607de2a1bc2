package org.rollcall.monitors;

import org.rollcall.core.proc.ProcessEntry;

/**
 * One process for ever: its PID and its start time after boot in clock ticks ({@code stat} field
 * 22), so a PID the kernel has handed to a new process is never taken for the old one. Equality is
 * written out: a record's generated one costs a run the JDK's method-handle bootstrap.
 */
public record ProcessKey(int pid, long starttime) {
  /** The key of a process whose stat has been read (or is read now). */
  public static ProcessKey of(ProcessEntry process) {
    return new ProcessKey(process.pid(), process.stat().starttime());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProcessKey key && key.pid == pid && key.starttime == starttime;
  }

  @Override
  public int hashCode() {
    return 31 * pid + Long.hashCode(starttime);
  }

  @Override
  public String toString() {
    return pid + "@" + starttime;
  }
}
