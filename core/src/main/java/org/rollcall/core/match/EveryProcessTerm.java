package org.rollcall.core.match;

import org.rollcall.core.proc.ProcessEntry;

/**
 * {@code *}: every process, zombies and kernel threads included, as check_procs counts with no
 * filter. A process literally named {@code *} is {@code name=*}.
 */
final class EveryProcessTerm extends StatTerm {
  static final String TEXT = "*";

  EveryProcessTerm() {
    super(TEXT);
  }

  @Override
  public Verdict test(ProcessEntry process) {
    return Verdict.YES;
  }
}
