package org.rollcall.core.cli;

import java.io.PrintWriter;

/**
 * An executable the launcher can run: a picocli-annotated class whose options have been parsed into it. The
 * launcher owns exit codes, the deadline, error lines and stdout; the command only evaluates and reports.
 */
public interface Launchable {
  /** The short upper-case service name Nagios output starts with, e.g. "PS". */
  String service();

  /** Settings read from the parsed options. */
  RunSettings settings();

  /**
   * Runs the command and returns its exit code. Output goes to {@code out} only (never stderr). Throws
   * {@link UsageException} for input the user must correct.
   */
  int run(Deadline deadline, PrintWriter out) throws Exception;
}
