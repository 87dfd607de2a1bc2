package org.rollcall.core.cli;

import java.time.Duration;
import org.rollcall.core.result.OutputMode;
import picocli.CommandLine.Option;

/** The options every monitor shares: output contract, deadline and verbosity. */
public final class MonitorOptions {
  /** Well under mon's usual intervals (minutes), and long enough for a recheck or a CPU sample. */
  public static final String DEFAULT_TIMEOUT = "30";

  @Option(names = "--nagios",
      description = "Speak the Nagios plugin contract: 'SERVICE STATE: text | perfdata', exit 0/1/2/3.")
  boolean nagios;

  @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", defaultValue = DEFAULT_TIMEOUT,
      description = "End the run with a failure (UNKNOWN in Nagios mode) after this many seconds "
          + "(default: ${DEFAULT-VALUE}). mon itself never times a monitor out.")
  double timeoutSeconds = Double.parseDouble(DEFAULT_TIMEOUT); // also for runs picocli does not parse

  @Option(names = {"-v", "--verbose"}, description = "Add stack traces to error lines.")
  boolean verbose;

  public OutputMode mode() {
    return nagios ? OutputMode.NAGIOS : OutputMode.MON;
  }

  public RunSettings settings() {
    if (!(timeoutSeconds > 0) || timeoutSeconds > 86_400) {
      throw new UsageException("--timeout must be between 0 and 86400 seconds, not " + timeoutSeconds);
    }
    return new RunSettings(Duration.ofMillis((long) (timeoutSeconds * 1000)), mode(), verbose);
  }
}
