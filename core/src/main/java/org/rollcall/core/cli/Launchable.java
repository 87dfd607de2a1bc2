package org.rollcall.core.cli;

import java.io.PrintWriter;
import java.util.List;
import org.rollcall.core.result.Renderer;

/**
 * An executable the launcher can run: a picocli-annotated class whose options have been parsed into
 * it. The launcher owns exit codes, the deadline, error lines and stdout; the command only
 * evaluates and reports.
 */
public interface Launchable {
  /** The short upper-case service name Nagios output starts with, e.g. "PS". */
  String service();

  /**
   * Takes the arguments of a plain run, which its registry entry's {@link PlainShape} accepted,
   * setting exactly what picocli would set from them; every other option keeps its default (the
   * field's initial value). The common runs (ps.monitor with only rules, check_rollcall_procs with
   * check_procs' usual options) so skip building picocli's command model, most of their start-up.
   * Called only for an executable registered with a plain shape.
   */
  default void takePlain(PlainArguments given) {
    throw new IllegalStateException(
        CommandLineParsing.nameOf(this)
            + " declares a plain shape but takes no "
            + "plain arguments");
  }

  /** Settings read from the parsed options. */
  RunSettings settings();

  /**
   * Runs the command and returns its exit code. Output goes to {@code out} only (never stderr).
   * Throws {@link UsageException} for input the user must correct.
   */
  int run(Deadline deadline, PrintWriter out) throws Exception;

  /**
   * What the run says when its command line cannot be used ({@code problem} is the one line for the
   * user, already naming the executable), and its exit code. {@code args} are the arguments as
   * given. The default prints the line; an alert overrides it to keep the alert it was given, which
   * mon would otherwise lose.
   */
  default int refused(String problem, String[] args, Renderer renderer, PrintWriter out) {
    return renderer.renderError(service(), problem, List.of(), out);
  }

  /**
   * What the run says when it is cut short before it answered: its deadline passed or a signal
   * came. {@code reason} already names the executable and says why ("ps.monitor: interrupted by
   * SIGTERM while ..."). Called on another thread while {@link #run} may still be going, so it must
   * be quick and must not wait for the run; it returns the exit code the process ends with.
   */
  default int cutShort(String reason, Renderer renderer, PrintWriter out) {
    return renderer.renderError(service(), reason, List.of(), out);
  }

  /**
   * What the run is waiting for at this moment ("an answer from 127.0.0.1:9"), for the line a
   * cut-short run prints, or null when it is not waiting on anything in particular. Called from
   * another thread.
   */
  default String pending() {
    return null;
  }
}
