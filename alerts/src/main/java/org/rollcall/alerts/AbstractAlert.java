package org.rollcall.alerts;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rollcall.core.cli.Deadline;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.cli.RunSettings;
import org.rollcall.core.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

/**
 * What every alert does around its delivery: reads mon's flags, stdin and MON_* variables into an {@link Alert},
 * asks the subclass for a {@link Delivery}, and sends it through {@link ReliableSender}. A configuration error
 * found at run time (a bad recipient, an unreadable secret) still saves the alert in the fallback file: mon
 * would drop it otherwise.
 */
abstract class AbstractAlert implements Launchable {
  /** How long stdin may take to reach its end, at most. */
  private static final Duration STDIN_LIMIT = Duration.ofSeconds(5);

  @Mixin
  AlertOptions options = new AlertOptions();

  /** Options a newer mon might pass that this alert does not know: accepted, as Perl's getopts does. */
  @Unmatched
  List<String> unmatched = new ArrayList<>();

  InputStream stdin = System.in;
  Map<String, String> env = System.getenv();

  @Override
  public String service() {
    return "ALERT";
  }

  @Override
  public RunSettings settings() {
    return options.settings();
  }

  /** The word stdout uses for a delivered alert: "sent", or "handled" for an alert that acts. */
  String doneVerb() {
    return "sent";
  }

  /** The delivery for this alert, or a {@link UsageException} saying what in its configuration is wrong. */
  abstract Delivery delivery(Alert alert);

  @Override
  public final int run(Deadline deadline, PrintWriter out) throws InterruptedException {
    Duration stdinLimit = deadline.remaining().dividedBy(4);
    MonitorOutput input = System.console() != null ? MonitorOutput.NONE
        : MonitorOutput.read(stdin, stdinLimit.compareTo(STDIN_LIMIT) < 0 ? stdinLimit : STDIN_LIMIT);
    Alert alert = Alert.of(options, input, env, Instant.now());
    ReliableSender sender = new ReliableSender(name(), new Fallback(name(), Fallback.choose(options.fallback, env)),
        doneVerb(), out);
    Delivery delivery;
    try {
      delivery = delivery(alert);
    } catch (UsageException | IllegalArgumentException e) {
      return sender.fallBack(alert, "cannot deliver: " + e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      return sender.fallBack(alert, "cannot deliver: internal error: " + e);
    }
    return sender.send(alert, delivery, deadline);
  }

  /** The executable's name, from its {@code @Command}. */
  final String name() {
    return getClass().getAnnotation(Command.class).name();
  }
}
