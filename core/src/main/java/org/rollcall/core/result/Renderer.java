package org.rollcall.core.result;

import java.io.PrintWriter;

/**
 * Turns a report, or a run that could not produce one, into one contract's output and exit code.
 */
public interface Renderer {
  /** Prints {@code report} and returns the exit code. */
  int render(Report report, PrintWriter out);

  /**
   * The exit code of a run that ended without a report: a failure in mon's contract, UNKNOWN in
   * Nagios's.
   */
  int errorCode();

  /**
   * Prints a run that ended without a report (bad usage, a deadline, an unexpected error) and
   * returns the exit code: a failure in mon's contract, UNKNOWN in Nagios's.
   *
   * @param details further lines, such as a stack trace asked for with {@code -v}
   */
  int renderError(String service, String message, Iterable<String> details, PrintWriter out);
}
