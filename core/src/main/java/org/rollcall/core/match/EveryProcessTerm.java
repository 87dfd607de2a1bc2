package org.rollcall.core.match;

import org.rollcall.core.proc.ProcessEntry;

/**
 * {@code *}: every process, zombies and kernel threads included, as check_procs counts with no
 * filter. It reads nothing of a process, so a rule of {@code *} alone reads no process's files. A
 * process literally named {@code *} is {@code name=*}.
 */
final class EveryProcessTerm implements Term {
  static final String TEXT = "*";

  @Override
  public Verdict test(ProcessEntry process) {
    return Verdict.YES;
  }

  @Override
  public int cost() {
    return 0;
  }

  @Override
  public String text() {
    return TEXT;
  }
}
