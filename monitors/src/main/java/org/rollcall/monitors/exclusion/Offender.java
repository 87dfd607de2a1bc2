package org.rollcall.monitors.exclusion;

import org.rollcall.core.ids.UserDirectory;
import org.rollcall.core.match.CommandLineText;
import org.rollcall.core.match.CredentialsText;
import org.rollcall.core.proc.ProcessEntry;

/**
 * A process as an offender line shows it, read while the process was still there: its name and PID,
 * start time (to tell the first started of a domain), and everything a sysadmin needs to find and
 * judge it.
 *
 * @param identity everything else on one line: credentials with names, label, exe and args
 * @param allowNote why an {@code --allow} MATCH could not be decided for it, or null
 */
record Offender(int pid, String name, long starttime, String identity, String allowNote) {

  /** Reads what is shown of {@code process}; may throw ProcessGoneException. */
  static Offender of(ProcessEntry process, UserDirectory users, String allowNote) {
    String identity =
        CredentialsText.credentials(process.credentials(), users)
            + "; label "
            + process.label()
            + "; exe "
            + process.exe()
            + "; args "
            + CommandLineText.shortArgs(process.cmdline());
    return new Offender(
        process.pid(), process.comm(), process.stat().starttime(), identity, allowNote);
  }

  /** {@code NAME(PID)}. */
  String tag() {
    return name + "(" + pid + ")";
  }
}
