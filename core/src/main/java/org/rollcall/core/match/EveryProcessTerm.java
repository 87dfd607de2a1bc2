package org.rollcall.core.match;

import org.rollcall.core.proc.ProcessEntry;

/**
 * {@code *}: every process, zombies and kernel threads included, as check_procs counts with no
 * filter. A process literally named {@code *} is {@code name=*}.
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

  /** A scan of stats, since every process's stat is read to tell zombies apart anyway. */
  @Override
  public boolean readsStat() {
    return true;
  }

  @Override
  public String text() {
    return TEXT;
  }
}
