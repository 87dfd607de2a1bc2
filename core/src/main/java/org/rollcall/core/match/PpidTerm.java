package org.rollcall.core.match;

import org.rollcall.core.proc.ProcessEntry;

/** {@code ppid=N}: the parent's PID, from {@code stat}. */
final class PpidTerm extends StatTerm {
  private final int ppid;

  PpidTerm(int ppid, String text) {
    super(text);
    this.ppid = ppid;
  }

  @Override
  public Verdict test(ProcessEntry process) {
    return Verdict.of(process.stat().ppid() == ppid);
  }
}
