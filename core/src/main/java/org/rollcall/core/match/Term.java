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
   * Whether testing any process reads its stat (the parent's PID); the others need it only now and
   * then.
   */
  default boolean readsStat() {
    return false;
  }

  /**
   * Whether testing any process reads its credentials ({@code status}): a scan can then read every
   * status on its threads (see {@code ProcFs.scanNamesWithCredentials}).
   */
  default boolean readsCredentials() {
    return false;
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
