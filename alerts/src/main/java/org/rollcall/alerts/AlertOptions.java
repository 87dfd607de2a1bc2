package org.rollcall.alerts;

import java.nio.file.Path;
import java.time.Duration;
import org.rollcall.core.cli.RunSettings;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.result.OutputMode;
import picocli.CommandLine.Option;

/**
 * The flags mon passes to every alert ({@code -s -g -h -t [-u|-a|-D|-T|-O]}, and {@code -S -l}), plus what
 * rollcall adds: a deadline, the fallback file and verbosity. {@code -h} is the host list, so help is
 * {@code --help} only, and {@code -t} is the alert's time, so the deadline is {@code --timeout}.
 */
public final class AlertOptions {
  @Option(names = "-s", paramLabel = "SERVICE", description = "The service that alerted.")
  String service = "";

  @Option(names = "-g", paramLabel = "GROUP", description = "The host group that alerted.")
  String group = "";

  @Option(names = "-h", paramLabel = "\"HOSTS\"", description = "The group's hosts, space-separated.")
  String hosts = "";

  @Option(names = "-t", paramLabel = "UNIXTIME", description = "When mon noticed the failure (default: now).")
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

  @Option(names = "-S", paramLabel = "SUMMARY", description = "Use SUMMARY instead of the first line of stdin.")
  String summary;

  @Option(names = "-l", paramLabel = "SECONDS", description = "Seconds until the next alert (shown as given).")
  String secondsUntilNext = "";

  @Option(names = "--fallback", paramLabel = "FILE",
      description = "Where an alert that cannot be delivered is appended "
          + "(default: $MON_STATEDIR/rollcall-undelivered.log, else /var/lib/rollcall/undelivered.log).")
  Path fallback;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Give up delivering (and fall back) after this many seconds (default: ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  @Option(names = {"-v", "--verbose"}, description = "Add stack traces to error lines.")
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
    if (!(timeoutSeconds >= 2) || timeoutSeconds > 3600) {
      throw new UsageException("--timeout must be between 2 and 3600 seconds, not " + timeoutSeconds);
    }
    return new RunSettings(Duration.ofMillis((long) (timeoutSeconds * 1000)), OutputMode.MON, verbose);
  }
}
