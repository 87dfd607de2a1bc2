package org.rollcall.core.match;

import org.rollcall.core.proc.ProcessEntry;

/** {@code ppid=N}: the parent's PID, from {@code stat}. */
final class PpidTerm implements Term {
  private final int ppid;
  private final String text;

  PpidTerm(int ppid, String text) {
    this.ppid = ppid;
    this.text = text;
  }

  @Override
  public Verdict test(ProcessEntry process) {
    return Verdict.of(process.stat().ppid() == ppid);
  }

  @Override
  public int cost() {
    return 0;
  }

  @Override
  public boolean readsStat() {
    return true;
  }

  @Override
  public String text() {
    return text;
  }
}
