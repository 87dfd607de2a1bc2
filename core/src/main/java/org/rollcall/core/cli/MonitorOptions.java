package org.rollcall.core.cli;

import java.time.Duration;
import org.rollcall.core.result.OutputMode;
import org.rollcall.core.text.Decimals;
import picocli.CommandLine.Option;

/** The options every monitor shares: output contract, deadline and verbosity. */
public final class MonitorOptions {
  /** Well under mon's usual intervals (minutes), and long enough for a recheck or a CPU sample. */
  public static final String DEFAULT_TIMEOUT = "30";

  /**
   * The one option a plain run ({@link PlainShape}) may hold; it also decides how usage errors are
   * written.
   */
  public static final String NAGIOS = "--nagios";

  @Option(
      names = NAGIOS,
      description =
          "Speak the Nagios plugin contract: 'SERVICE STATE: text | perfdata', exit 0/1/2/3.")
  boolean nagios;

  @Option(
      names = {"-t", "--timeout"},
      paramLabel = "SECONDS",
      defaultValue = DEFAULT_TIMEOUT,
      description =
          "End the run with a failure (UNKNOWN in Nagios mode) after this many seconds "
              + "(default: ${DEFAULT-VALUE}). mon itself never times a monitor out.")
  double timeoutSeconds =
      Double.parseDouble(DEFAULT_TIMEOUT); // the default of a plain run too (PlainShape)

  @Option(
      names = {"-v", "--verbose"},
      description =
          "Say more (repeatable, -vv): stack traces on error lines, and what the monitor's"
              + " own help says.")
  boolean[] verbose = new boolean[0]; // repeatable (-vvv), as the Nagios plugins' -v is

  /**
   * Sets what picocli would for a plain run ({@link PlainShape}): {@code --nagios}, and {@code -t}
   * when the shape lists it.
   */
  public void takePlain(PlainArguments given) {
    nagios = given.nagios();
    String timeout = given.value("--timeout");
    if (timeout != null) {
      timeoutSeconds = Double.parseDouble(timeout);
    }
  }

  /** How many times -v was given. */
  public int verbosity() {
    return verbose.length;
  }

  public OutputMode mode() {
    return nagios ? OutputMode.NAGIOS : OutputMode.MON;
  }

  public RunSettings settings() {
    return new RunSettings(timeout(timeoutSeconds), mode(), verbose.length > 0);
  }

  /**
   * A {@code --timeout} in seconds as the run's budget; a usage error unless more than 0 and at
   * most a day.
   */
  public static Duration timeout(double seconds) {
    // 0 is refused, not read as "no deadline": a monitor mon waits on must never hang.
    if (!(seconds > 0) || seconds > 86_400) {
      throw new UsageException(
          "--timeout must be more than 0 and at most 86400 seconds, not "
              + Decimals.plain(seconds));
    }
    // A positive fraction of a millisecond still gets one, not a deadline that has already passed.
    return Duration.ofMillis(Math.max(1, (long) Math.ceil(seconds * 1000)));
  }
}
