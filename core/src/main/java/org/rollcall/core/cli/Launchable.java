package org.rollcall.core.cli;

import java.io.PrintWriter;

/**
 * An executable the launcher can run: a picocli-annotated class whose options have been parsed into it. The
 * launcher owns exit codes, the deadline, error lines and stdout; the command only evaluates and reports.
 */
public interface Launchable {
  /** The short upper-case service name Nagios output starts with, e.g. "PS". */
  String service();

  /**
   * Takes {@code args} as they are and returns true when they need no parsing: plain arguments only, which leave
   * every option at its default, exactly as picocli would. Returns false (the default) to have picocli parse them.
   * The common run (ps.monitor with only rules) so skips building picocli's command model, most of its start-up.
   */
  default boolean acceptPlain(String[] args) {
    return false;
  }

  /** Settings read from the parsed options. */
  RunSettings settings();

  /**
   * Runs the command and returns its exit code. Output goes to {@code out} only (never stderr). Throws
   * {@link UsageException} for input the user must correct.
   */
  int run(Deadline deadline, PrintWriter out) throws Exception;
}
