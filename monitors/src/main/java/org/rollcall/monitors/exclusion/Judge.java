package org.rollcall.monitors.exclusion;

import org.rollcall.core.match.Verdict;
import org.rollcall.core.proc.ProcessEntry;

/** How one exclusion rule judges a process; each may throw ProcessGoneException. */
interface Judge {
  /** Whether the rule selects {@code process}; undecided when the field it needs cannot be read. */
  Verdict test(ProcessEntry process);

  /** What a selected process is doing wrong, in words; asked only after {@link #test} said yes. */
  String offence(ProcessEntry process);

  /**
   * What a sysadmin acts on to end the offence, when several processes share one (a systemd unit to
   * restart); null for a rule whose offenders each stand alone.
   */
  default String group(ProcessEntry process) {
    return null;
  }
}
