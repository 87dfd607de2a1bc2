package org.rollcall.core.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rollcall.core.result.OutputMode;
import org.rollcall.core.result.Range;
import picocli.CommandLine.Option;

/** The options every monitor shares: output contract, deadline and verbosity. */
public final class MonitorOptions {
  /** Well under mon's usual intervals (minutes), and long enough for a recheck or a CPU sample. */
  public static final String DEFAULT_TIMEOUT = "30";

  private static final String NAGIOS = "--nagios";

  @Option(names = NAGIOS,
      description = "Speak the Nagios plugin contract: 'SERVICE STATE: text | perfdata', exit 0/1/2/3.")
  boolean nagios;

  @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", defaultValue = DEFAULT_TIMEOUT,
      description = "End the run with a failure (UNKNOWN in Nagios mode) after this many seconds "
          + "(default: ${DEFAULT-VALUE}). mon itself never times a monitor out.")
  double timeoutSeconds = Double.parseDouble(DEFAULT_TIMEOUT); // also for runs picocli does not parse

  @Option(names = {"-v", "--verbose"}, description = "Add stack traces to error lines.")
  boolean verbose;

  /**
   * For {@link Launchable#acceptPlain}: the words of {@code args} other than one {@code --nagios}, when each is a
   * plain word (not empty, no option, no {@code @file}); null when picocli must parse them (another option, or
   * {@code --nagios} twice, which picocli refuses). Changes nothing: see {@link #takePlain}.
   */
  public static List<String> plainWords(String[] args) {
    List<String> words = new ArrayList<>(args.length);
    boolean nagiosSeen = false;
    for (String arg : args) {
      if (arg.equals(NAGIOS) && !nagiosSeen) {
        nagiosSeen = true;
      } else if (arg.isEmpty() || arg.charAt(0) == '-' || arg.charAt(0) == '@') {
        return null;
      } else {
        words.add(arg);
      }
    }
    return words;
  }

  /** Sets what picocli would from {@code args}, which {@link #plainWords} accepted: {@code --nagios} or not. */
  public void takePlain(String[] args) {
    nagios = Arrays.asList(args).contains(NAGIOS);
  }

  /**
   * For a monitor whose plain run takes no words (cpu.monitor, exclusion.monitor): whether {@code args} are none,
   * or only {@code --nagios}, which it then sets; every other option keeps the default its field starts with.
   */
  public boolean takePlainWithoutWords(String[] args) {
    List<String> words = plainWords(args);
    if (words == null || !words.isEmpty()) {
      return false;
    }
    takePlain(args);
    return true;
  }

  public OutputMode mode() {
    return nagios ? OutputMode.NAGIOS : OutputMode.MON;
  }

  public RunSettings settings() {
    // 0 is refused, not read as "no deadline": a monitor mon waits on must never hang.
    if (!(timeoutSeconds > 0) || timeoutSeconds > 86_400) {
      throw new UsageException("--timeout must be more than 0 and at most 86400 seconds, not "
          + Range.format(timeoutSeconds));
    }
    // A positive fraction of a millisecond still gets one, not a deadline that has already passed.
    long millis = Math.max(1, (long) Math.ceil(timeoutSeconds * 1000));
    return new RunSettings(Duration.ofMillis(millis), mode(), verbose);
  }
}
