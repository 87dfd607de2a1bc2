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
   * processes: 0 for the name (comm) or stat, 1 status, 2 cmdline, 3 exe or attr/current.
   */
  int cost();

  /**
   * Whether testing any process reads its stat (the parent's PID); the others need it only now and
   * then.
   */
  default boolean readsStat() {
    return false;
  }

  /** The term as the user wrote it. */
  String text();
}
