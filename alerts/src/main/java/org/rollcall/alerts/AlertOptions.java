package org.rollcall.alerts;

import java.nio.file.Path;
import java.time.Duration;
import org.rollcall.core.cli.RunSettings;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.result.OutputMode;
import picocli.CommandLine.Option;

/**
 * The flags mon passes to every alert ({@code -s -g -h -t [-u|-a|-D|-T|-O]}, and {@code -S -l}),
 * plus what rollcall adds: a deadline, the fallback file and verbosity. {@code -h} is the host
 * list, so help is {@code --help} only, and {@code -t} is the alert's time, so the deadline is
 * {@code --timeout}.
 */
public final class AlertOptions {
  private static final int MIN_TIMEOUT_SECONDS = 2;
  private static final int MAX_TIMEOUT_SECONDS = 3600;

  @Option(names = "-s", paramLabel = "SERVICE", description = "The service that alerted.")
  String service = "";

  @Option(names = "-g", paramLabel = "GROUP", description = "The host group that alerted.")
  String group = "";

  @Option(names = "-h", paramLabel = "HOSTS", description = "The group's hosts, space-separated.")
  String hosts = "";

  @Option(
      names = "-t",
      paramLabel = "UNIXTIME",
      description = "When mon noticed the failure (default: now).")
  Long time;

  @Option(names = "-u", description = "An upalert: the service is back.")
  boolean up;

  @Option(names = "-a", description = "An acknowledgement.")
  boolean ack;

  @Option(names = "-D", description = "The service was disabled.")
  boolean disable;

  @Option(names = "-T", description = "A trap alert.")
  boolean trap;

  @Option(names = "-O", description = "A trap timed out.")
  boolean trapTimeout;

  @Option(
      names = "-S",
      paramLabel = "SUMMARY",
      description = "Use SUMMARY instead of the first line of stdin.")
  String summary;

  @Option(
      names = "-l",
      paramLabel = "SECONDS",
      description = "Seconds until the next alert (shown as given).")
  String secondsUntilNext = "";

  @Option(
      names = "--fallback",
      paramLabel = "FILE",
      description =
          "Where an alert that cannot be delivered is appended "
              + "(default: $MON_STATEDIR/rollcall-undelivered.log, else /var/lib/rollcall/undelivered.log).")
  Path fallback;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "Give up delivering (and fall back) after this many seconds, 2 to 3600 "
              + "(default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(
      names = {"-v", "--verbose"},
      description = "Add stack traces to error lines.")
  boolean verbose;

  @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
  boolean help;

  /** The kind of alert the flags say, or null when none was given. */
  AlertKind flaggedKind() {
    if (up) {
      return AlertKind.UP;
    }
    if (ack) {
      return AlertKind.ACK;
    }
    if (disable) {
      return AlertKind.DISABLE;
    }
    if (trap) {
      return AlertKind.TRAP;
    }
    return trapTimeout ? AlertKind.TRAPTIMEOUT : null;
  }

  RunSettings settings() {
    return new RunSettings(timeout(), OutputMode.MON, verbose);
  }

  /**
   * {@code --timeout} as a duration. 0 is refused rather than taken as "no deadline": an alert mon
   * starts must end, and one second of it is kept for the fallback file, so the shortest deadline
   * is 2 s.
   */
  private Duration timeout() {
    double seconds;
    try {
      seconds = Double.parseDouble(timeout.trim());
    } catch (NumberFormatException e) {
      seconds = Double.NaN;
    }
    if (!(seconds >= MIN_TIMEOUT_SECONDS && seconds <= MAX_TIMEOUT_SECONDS)) {
      throw new UsageException(
          "--timeout wants a number of seconds from "
              + MIN_TIMEOUT_SECONDS
              + " to "
              + MAX_TIMEOUT_SECONDS
              + ", not '"
              + timeout
              + "'");
    }
    return Duration.ofMillis((long) (seconds * 1000));
  }
}
