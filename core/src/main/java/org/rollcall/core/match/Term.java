package org.rollcall.core.match;

import org.rollcall.core.proc.ProcessEntry;

/**
 * One condition of a MATCH ({@code sshd}, {@code user=root}, {@code /usr/sbin/sshd}, {@code
 * !args=-D}, ...).
 */
public interface Term {
  /** Tests one process; may throw {@code ProcessGoneException} when it exits meanwhile. */
  Verdict test(ProcessEntry process);

  /**
   * The relative cost of the files this term reads, so cheap terms run first and decide most
   * processes: 0 for the name (comm) or stat, 1 status, 2 cmdline or cgroup, 3 exe or attr/current,
   * 4 a directory listing.
   */
  int cost();

  /**
   * What testing any process reads that a scan can read for every process beforehand: its stat (the
   * parent's PID), its credentials, or nothing of the kind.
   */
  default ReadAhead readsAhead() {
    return ReadAhead.NOTHING;
  }

  /**
   * What the term measured of a process it matched ({@code rss 2.3 GiB}), for the detail line that
   * names the offenders; null for a term that measures nothing.
   */
  default String measure(ProcessEntry process) {
    return null;
  }

  /** The term as the user wrote it. */
  String text();
}
